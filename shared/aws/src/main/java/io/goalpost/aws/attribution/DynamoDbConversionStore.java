package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.instant;
import static io.goalpost.aws.attribution.Attributes.key;
import static io.goalpost.aws.attribution.Attributes.n;
import static io.goalpost.aws.attribution.Attributes.number;
import static io.goalpost.aws.attribution.Attributes.putIfPresent;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.sortable;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.ConversionStore;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.counter.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Conversions in the Goalpost table (docs/decisions/001-data-model.md):
 * <ul>
 *   <li>pk {@code CONV#<conversionId>}, sk {@code CONV}: the facts, {@code version}, and
 *       {@code credit} {slug, clickId, path} and {@code pending} (an operation) when set;</li>
 *   <li>pk {@code CLICK#<clickId>}, sk {@code CONV#<conversionId>}: the conversion names the click;</li>
 *   <li>pk {@code VID#<visitorId>}, sk {@code CONV#<sortable time>#<conversionId>}: the visitor's,
 *       with the conversion's facts (never its credit), so one query lists them.</li>
 * </ul>
 * A credit change is one {@code UpdateItem} conditioned on the version: no transactions.
 */
public final class DynamoDbConversionStore implements ConversionStore {

  private static final String SK = "CONV";
  private static final String REFS = "CONV#";
  private static final int BATCH_KEYS = 100;

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbConversionStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  private static String pk(String conversionId) {
    return "CONV#" + conversionId;
  }

  @Override
  public ConversionRecord putIfAbsent(Conversion conversion) {
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(itemOf(conversion))
          .conditionExpression("attribute_not_exists(pk)"));
      return ConversionRecord.fresh(conversion);
    } catch (ConditionalCheckFailedException alreadyStored) {
      return find(conversion.id()).orElseThrow();
    }
  }

  @Override
  public Optional<ConversionRecord> find(String conversionId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
        .key(key(pk(conversionId), SK)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(recordOf(item));
  }

  /**
   * BatchGetItem, {@value #BATCH_KEYS} keys a request (DynamoDB's most), consistent reads. Keys a
   * response leaves unprocessed (throttling, or its 16 MB cap) are read one by one with a
   * consistent {@link #find}, whose throttling the SDK's own retries back off from: no waiting of
   * our own, and no partial answer.
   */
  @Override
  public Map<String, ConversionRecord> findAll(List<String> conversionIds) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(conversionIds));
    Map<String, ConversionRecord> found = new HashMap<>();
    for (int start = 0; start < distinct.size(); start += BATCH_KEYS) {
      List<Map<String, AttributeValue>> keys = distinct.subList(start, Math.min(start + BATCH_KEYS, distinct.size()))
          .stream().map(id -> key(pk(id), SK)).toList();
      BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder()
          .requestItems(Map.of(tableName, KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))
          .build());
      response.responses().getOrDefault(tableName, List.of())
          .forEach(item -> found.put(text(item, "conversionId"), recordOf(item)));
      unprocessedIds(response).forEach(id -> find(id).ifPresent(record -> found.put(id, record)));
    }
    return found;
  }

  private List<String> unprocessedIds(BatchGetItemResponse response) {
    KeysAndAttributes left = response.unprocessedKeys() == null ? null : response.unprocessedKeys().get(tableName);
    if (left == null || !left.hasKeys()) {
      return List.of();
    }
    return left.keys().stream().map(key -> key.get("pk").s().substring(pk("").length())).toList();
  }

  @Override
  public boolean changeCredit(String conversionId, long expectedVersion, Credit credit, Operation pending) {
    return VersionedUpdate.from(expectedVersion)
        .set("credit", credit == null ? null : creditAttribute(credit))
        .pending(pending)
        .write(dynamoDb, tableName, key(pk(conversionId), SK));
  }

  @Override
  public void clearPending(String conversionId, String operationId) {
    VersionedUpdate.clearPending(dynamoDb, tableName, key(pk(conversionId), SK), operationId);
  }

  @Override
  public void referFromClick(String clickId, String conversionId) {
    putRef(DynamoDbClickStore.pk(clickId), REFS + conversionId, conversionId);
  }

  @Override
  public List<String> namingClick(String clickId) {
    return refs(DynamoDbClickStore.pk(clickId));
  }

  @Override
  public void referFromVisitor(Conversion conversion) {
    Map<String, AttributeValue> item = factsOf(conversion);
    item.put("pk", s(DynamoDbLineageStore.pk(conversion.identity())));
    item.put("sk", s(REFS + sortable(conversion.at()) + "#" + conversion.id()));
    item.put("kind", s("conversion-ref"));
    // The facts of a conversion never change, so a plain put of the same item is safe to repeat.
    dynamoDb.putItem(put -> put.tableName(tableName).item(item));
  }

  @Override
  public List<Conversion> ofVisitor(String visitorId) {
    return queryRefs(DynamoDbLineageStore.pk(visitorId)).map(DynamoDbConversionStore::conversionOf).toList();
  }

  private void putRef(String pk, String sk, String conversionId) {
    // The same reference always makes the same item, so a plain put is safe to repeat.
    dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
        "pk", s(pk), "sk", s(sk), "kind", s("conversion-ref"), "conversionId", s(conversionId))));
  }

  private List<String> refs(String pk) {
    return queryRefs(pk).map(item -> text(item, "conversionId")).toList();
  }

  private Stream<Map<String, AttributeValue>> queryRefs(String pk) {
    return dynamoDb.queryPaginator(query -> query.tableName(tableName)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :refs)")
            .expressionAttributeValues(Map.of(":pk", s(pk), ":refs", s(REFS)))
            .consistentRead(true))
        .items().stream();
  }

  private static Map<String, AttributeValue> itemOf(Conversion conversion) {
    Map<String, AttributeValue> item = factsOf(conversion);
    item.putAll(key(pk(conversion.id()), SK));
    item.put("kind", s("conversion"));
    item.put("version", n(0));
    return item;
  }

  /** What the conversion item and the visitor's reference both hold; no email, ever. */
  private static Map<String, AttributeValue> factsOf(Conversion conversion) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("conversionId", s(conversion.id()));
    item.put("type", s(conversion.kind().wireName()));
    item.put("at", s(conversion.at().toString()));
    putIfPresent(item, "visitorId", conversion.visitorId());
    putIfPresent(item, "clickId", conversion.clickId());
    putIfPresent(item, "orderId", conversion.orderId());
    putIfPresent(item, "productId", conversion.productId());
    item.put("amount", n(conversion.amount()));
    putIfPresent(item, "currency", conversion.currency());
    putIfPresent(item, "url", conversion.url());
    putIfPresent(item, "formId", conversion.formId());
    putIfPresent(item, "leadId", conversion.leadId());
    return item;
  }

  private static Conversion conversionOf(Map<String, AttributeValue> item) {
    return new Conversion(text(item, "conversionId"),
        Conversion.Kind.fromWireName(text(item, "type")), instant(item, "at"), text(item, "visitorId"),
        text(item, "clickId"), text(item, "orderId"), text(item, "productId"), number(item, "amount"),
        text(item, "currency"), text(item, "url"), text(item, "formId"), text(item, "leadId"));
  }

  private static ConversionRecord recordOf(Map<String, AttributeValue> item) {
    Conversion conversion = conversionOf(item);
    AttributeValue credit = item.get("credit");
    AttributeValue pending = item.get("pending");
    return new ConversionRecord(conversion, credit == null ? null : creditOf(credit), number(item, "version"),
        pending == null ? null : OperationAttribute.from(pending));
  }

  private static AttributeValue creditAttribute(Credit credit) {
    return AttributeValue.fromM(Map.of(
        "slug", s(credit.slug()), "clickId", s(credit.clickId()), "path", s(credit.path().wireName())));
  }

  private static Credit creditOf(AttributeValue value) {
    Map<String, AttributeValue> credit = value.m();
    return new Credit(credit.get("slug").s(), credit.get("clickId").s(),
        CreditPath.fromWireName(credit.get("path").s()));
  }
}
