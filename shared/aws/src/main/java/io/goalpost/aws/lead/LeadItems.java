package io.goalpost.aws.lead;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keys and queries shared by the lead adapters (docs/decisions/007, Items). */
final class LeadItems {

  /** Fixed-width UTC time, so sort keys order by time (as docs/decisions/001 spells it). */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private LeadItems() {
  }

  static String lead(String leadId) {
    return "LEAD#" + leadId;
  }

  static String visitor(String visitorId) {
    return "VID#" + visitorId;
  }

  static String sortable(Instant at) {
    return SORTABLE.format(at);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /** Every item of the partition whose sort key starts with the prefix, in sort key order; consistent. */
  static List<Map<String, AttributeValue>> query(DynamoDbClient dynamoDb, String table, String pk, String prefix) {
    return dynamoDb.queryPaginator(query -> query.tableName(table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)))
            .consistentRead(true))
        .items().stream().toList();
  }

  /** Every item of the partition; consistent. */
  static List<Map<String, AttributeValue>> partition(DynamoDbClient dynamoDb, String table, String pk) {
    return dynamoDb.queryPaginator(query -> query.tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(pk)))
            .consistentRead(true))
        .items().stream().toList();
  }

  static void delete(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item) {
    dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(text(item, "pk"), text(item, "sk"))));
  }
}
