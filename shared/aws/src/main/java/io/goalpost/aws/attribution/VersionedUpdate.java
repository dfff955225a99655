package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.n;
import static io.goalpost.aws.attribution.Attributes.s;

import io.goalpost.core.counter.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One change of a versioned item with its pending counter operation (docs/decisions/001): the new
 * fields, {@code version} + 1 and the operation in a single write, on condition of the version
 * read, so of two workers that read the same version only the first changes it. The operation is
 * cleared once applied, by {@link #clearPending}. A conversion's credit and an order's settlement
 * are both written this way.
 */
final class VersionedUpdate {

  private final String condition;
  private final List<String> sets = new ArrayList<>();
  private final List<String> removes = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();

  private VersionedUpdate(long expectedVersion, boolean absentAtVersionZero) {
    names.put("#version", "version");
    values.put(":next", n(expectedVersion + 1));
    sets.add("#version = :next");
    if (absentAtVersionZero && expectedVersion == 0) {
      condition = "attribute_not_exists(pk)";
    } else {
      values.put(":expected", n(expectedVersion));
      condition = "#version = :expected";
    }
  }

  /** Of an item stored with its version (0 at first). */
  static VersionedUpdate from(long expectedVersion) {
    return new VersionedUpdate(expectedVersion, false);
  }

  /** Of an item that does not exist before its first change: version 0 means absent. */
  static VersionedUpdate fromAbsentAtZero(long expectedVersion) {
    return new VersionedUpdate(expectedVersion, true);
  }

  /** Sets the attribute, or removes it when {@code value} is null. */
  VersionedUpdate set(String attribute, AttributeValue value) {
    names.put("#" + attribute, attribute);
    if (value == null) {
      removes.add("#" + attribute);
    } else {
      values.put(":" + attribute, value);
      sets.add("#" + attribute + " = :" + attribute);
    }
    return this;
  }

  /** The operation the change makes, kept until applied; none removes an earlier one. */
  VersionedUpdate pending(Operation operation) {
    return set("pending", operation == null ? null : OperationAttribute.of(operation));
  }

  /** @return false when another worker changed the item first (nothing was written) */
  boolean write(DynamoDbClient dynamoDb, String tableName, Map<String, AttributeValue> key) {
    String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    try {
      dynamoDb.updateItem(update -> update.tableName(tableName).key(key)
          .updateExpression(expression)
          .conditionExpression(condition)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException anotherWorkerWasFirst) {
      return false;
    }
  }

  /** Once the operation is applied; only if it is still the item's pending one. */
  static void clearPending(DynamoDbClient dynamoDb, String tableName, Map<String, AttributeValue> key,
      String operationId) {
    try {
      dynamoDb.updateItem(update -> update.tableName(tableName).key(key)
          .updateExpression("REMOVE #pending")
          .conditionExpression("#pending.#id = :operation")
          .expressionAttributeNames(Map.of("#pending", "pending", "#id", "id"))
          .expressionAttributeValues(Map.of(":operation", s(operationId))));
    } catch (ConditionalCheckFailedException clearedOrReplaced) {
      // Someone finished it first, or a newer change replaced it: nothing of ours to clear.
    }
  }
}
