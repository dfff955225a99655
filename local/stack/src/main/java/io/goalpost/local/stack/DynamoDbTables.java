package io.goalpost.local.stack;

import io.goalpost.local.template.SamTemplate.GsiDef;
import io.goalpost.local.template.SamTemplate.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Creates the template's tables in dynalite and empties them. */
final class DynamoDbTables {

  /** A table as created locally. */
  record Created(String logicalId, String name, String arn, String hashKey, String rangeKey,
      boolean ttlApplied) {}

  private static final int BATCH_WRITE_LIMIT = 25;

  private final DynamoDbClient dynamo;

  DynamoDbTables(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  Created create(TableDef table) {
    String name = table.tableName() != null ? table.tableName() : table.logicalId();
    List<AttributeDefinition> attributes = new ArrayList<>();
    table.attributeTypes().forEach((attribute, type) ->
        attributes.add(AttributeDefinition.builder().attributeName(attribute).attributeType(type).build()));
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    for (GsiDef gsi : table.gsis()) {
      gsis.add(GlobalSecondaryIndex.builder().indexName(gsi.indexName())
          .keySchema(keySchema(gsi.hashKey(), gsi.rangeKey()))
          .projection(Projection.builder().projectionType(gsi.projectionType()).build())
          .build());
    }
    dynamo.createTable(b -> b.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attributes)
        .keySchema(keySchema(table.hashKey(), table.rangeKey()))
        .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis));
    String arn = awaitActive(name);
    boolean ttlApplied = table.ttlAttribute() != null && enableTtl(name, table.ttlAttribute());
    return new Created(table.logicalId(), name, arn, table.hashKey(), table.rangeKey(), ttlApplied);
  }

  /** Deletes every item, keeping the table (recreating it would be slower). */
  void empty(Created table) {
    Map<String, String> names = new HashMap<>();
    names.put("#h", table.hashKey());
    if (table.rangeKey() != null) {
      names.put("#r", table.rangeKey());
    }
    ScanRequest.Builder scan = ScanRequest.builder().tableName(table.name())
        .projectionExpression(table.rangeKey() != null ? "#h, #r" : "#h")
        .expressionAttributeNames(names);
    Map<String, AttributeValue> start = null;
    do {
      ScanResponse page = dynamo.scan(scan.exclusiveStartKey(start).build());
      List<WriteRequest> deletes = new ArrayList<>();
      page.items().forEach(key -> deletes.add(WriteRequest.builder()
          .deleteRequest(d -> d.key(key)).build()));
      for (int from = 0; from < deletes.size(); from += BATCH_WRITE_LIMIT) {
        delete(table.name(), deletes.subList(from, Math.min(deletes.size(), from + BATCH_WRITE_LIMIT)));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
          ? page.lastEvaluatedKey() : null;
    } while (start != null);
  }

  private void delete(String tableName, List<WriteRequest> deletes) {
    Map<String, List<WriteRequest>> pending = Map.of(tableName, deletes);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> requests = pending;
      pending = dynamo.batchWriteItem(b -> b.requestItems(requests)).unprocessedItems();
    }
  }

  /**
   * dynalite answers UpdateTimeToLive with UnknownOperationException: locally items never
   * expire, which no test may rely on anyway (real TTL deletes within days, not on time).
   */
  private boolean enableTtl(String tableName, String attribute) {
    try {
      dynamo.updateTimeToLive(b -> b.tableName(tableName)
          .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
      return true;
    } catch (DynamoDbException e) {
      if (e.awsErrorDetails() != null
          && "UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
        return false;
      }
      throw e;
    }
  }

  private String awaitActive(String tableName) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      var table = dynamo.describeTable(b -> b.tableName(tableName)).table();
      if (table.tableStatus() == TableStatus.ACTIVE) {
        return table.tableArn();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(tableName + " is still " + table.tableStatus());
      }
      Thread.onSpinWait();
    }
  }

  private static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build());
    if (rangeKey != null) {
      keys.add(KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build());
    }
    return keys;
  }
}
