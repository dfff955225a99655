package io.goalpost.aws.counter;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Operation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Day counters in the single Goalpost table, applied exactly once with single-item conditional
 * writes only (dynalite has no transactions), as docs/decisions/001-data-model.md lays out:
 * <ol>
 *   <li>put the apply record {@code OP#<opId>/OP} with the rows to change, if absent; if present,
 *       go on with the <em>stored</em> rows, and if it is done, go straight to step 4;</li>
 *   <li>per row: {@code ADD} the amounts and the op id into {@code inflight}, on condition the set
 *       does not hold the op id yet (a failed condition means this row was done before a crash);</li>
 *   <li>mark the apply record done;</li>
 *   <li>per row: {@code DELETE} the op id from {@code inflight}, so the sets stay small.</li>
 * </ol>
 * A clean apply of an operation touching k rows costs 2k + 2 writes.
 */
public final class DynamoDbCounterStore implements CounterStore {

  private static final String INFLIGHT = "inflight";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbCounterStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public void apply(Operation operation) {
    String opId = operation.id();
    ApplyRecord record = claim(ApplyRecord.of(operation));
    if (!record.done()) {
      record.rows().forEach(row -> add(row, opId));
      markDone(record);
    }
    // Also after a redelivery that found the record done: the crash may have come before this.
    record.rows().forEach(row -> release(row, opId));
  }

  @Override
  public SortedMap<LocalDate, Map<String, Long>> read(Counter.Subject subject, String id,
      LocalDate from, LocalDate to) {
    QueryRequest query = QueryRequest.builder()
        .tableName(tableName)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(
            ":pk", s(CounterRow.pk(subject, id)),
            ":from", s(CounterRow.DAY + from),
            // "~" sorts after every shard suffix, so the last day's shards are all inside.
            ":to", s(CounterRow.DAY + to + "#~")))
        .consistentRead(true)
        .build();
    SortedMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
    dynamoDb.queryPaginator(query).items().forEach(item -> {
      Map<String, Long> day = days.computeIfAbsent(CounterRow.dayOf(item.get("sk").s()), d -> new HashMap<>());
      item.forEach((name, value) -> {
        // Counter fields are the only numbers on a counter row (keys and inflight are not).
        if (value.n() != null) {
          day.merge(name, Long.parseLong(value.n()), Long::sum);
        }
      });
    });
    return withoutZeros(days);
  }

  /** Step 1: the stored record wins over the operation passed now. */
  private ApplyRecord claim(ApplyRecord fresh) {
    try {
      dynamoDb.putItem(PutItemRequest.builder()
          .tableName(tableName)
          .item(fresh.item())
          .conditionExpression("attribute_not_exists(pk)")
          .build());
      return fresh;
    } catch (ConditionalCheckFailedException startedBefore) {
      Map<String, AttributeValue> stored = dynamoDb.getItem(GetItemRequest.builder()
          .tableName(tableName)
          .key(fresh.key())
          .consistentRead(true)
          .build()).item();
      return ApplyRecord.from(stored);
    }
  }

  /** Step 2 for one row; a failed condition means it was applied before a crash. */
  private void add(CounterRow row, String opId) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder adds = new StringBuilder("ADD #inflight :op");
    int i = 0;
    for (Map.Entry<String, Long> amount : row.amounts().entrySet()) {
      // Names such as revenue.USD hold a dot: only an attribute-name placeholder keeps it one name.
      names.put("#f" + i, amount.getKey());
      values.put(":a" + i, AttributeValue.fromN(Long.toString(amount.getValue())));
      adds.append(", #f").append(i).append(" :a").append(i);
      i++;
    }
    names.put("#inflight", INFLIGHT);
    values.put(":op", AttributeValue.fromSs(List.of(opId)));
    values.put(":opId", s(opId));
    try {
      dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(row.key())
          .updateExpression(adds.toString())
          .conditionExpression("attribute_not_exists(#inflight) OR NOT contains(#inflight, :opId)")
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .build());
    } catch (ConditionalCheckFailedException appliedBeforeACrash) {
      // Already counted: skip it.
    }
  }

  /** Step 3. */
  private void markDone(ApplyRecord record) {
    dynamoDb.updateItem(UpdateItemRequest.builder()
        .tableName(tableName)
        .key(record.key())
        .updateExpression("SET done = :done")
        .expressionAttributeValues(Map.of(":done", AttributeValue.fromBool(true)))
        .build());
  }

  /** Step 4: removing an id that is not there is harmless. */
  private void release(CounterRow row, String opId) {
    dynamoDb.updateItem(UpdateItemRequest.builder()
        .tableName(tableName)
        .key(row.key())
        .updateExpression("DELETE #inflight :op")
        .expressionAttributeNames(Map.of("#inflight", INFLIGHT))
        .expressionAttributeValues(Map.of(":op", AttributeValue.fromSs(List.of(opId))))
        .build());
  }

  /**
   * A field that sums to zero (a credit moved away, +1 then -1) is left out, and so is a day left
   * with none: the in-memory store answers the same, and stats fill in zeros anyway.
   */
  private static SortedMap<LocalDate, Map<String, Long>> withoutZeros(SortedMap<LocalDate, Map<String, Long>> days) {
    SortedMap<LocalDate, Map<String, Long>> kept = new TreeMap<>();
    days.forEach((day, fields) -> {
      Map<String, Long> nonZero = new HashMap<>(fields);
      nonZero.values().removeIf(sum -> sum == 0L);
      if (!nonZero.isEmpty()) {
        kept.put(day, Map.copyOf(nonZero));
      }
    });
    return kept;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
