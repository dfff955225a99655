package io.goalpost.aws.product;

import io.goalpost.core.product.Product;
import io.goalpost.core.product.ProductCatalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The product catalog in the single Goalpost table: pk = {@code PRODUCT#<productId>}, sk =
 * {@code PRODUCT}; gsi1 (pk {@code PRODUCTS}, sk {@code <productId>}) lists them by id. One
 * conditional write per registration: it creates the item, or moves {@code firstSeen} earlier,
 * or — the usual case once a product is known — fails its condition and changes nothing.
 */
public final class DynamoDbProductCatalog implements ProductCatalog {

    static final String LIST_PARTITION = "PRODUCTS";
    /** Fixed-width UTC millis, so the condition can compare times as strings. */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbProductCatalog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void register(String productId, Instant seenAt) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of("pk", s(pk(productId)), "sk", s("PRODUCT")))
                    .updateExpression("SET #gsi1pk = :list, #gsi1sk = :id, #kind = :kind, #productId = :id, "
                            + "#firstSeen = :seen")
                    .conditionExpression("attribute_not_exists(#pk) OR #firstSeen > :seen")
                    // Aliased, all of them: a word DynamoDB reserves cannot then break the expression.
                    .expressionAttributeNames(Map.of("#pk", "pk", "#gsi1pk", "gsi1pk", "#gsi1sk", "gsi1sk",
                            "#kind", "kind", "#productId", "productId", "#firstSeen", "firstSeen"))
                    .expressionAttributeValues(Map.of(":list", s(LIST_PARTITION), ":id", s(productId),
                            ":kind", s("product"), ":seen", s(SORTABLE.format(seenAt))))
                    .build());
        } catch (ConditionalCheckFailedException alreadySeenEarlier) {
            // Known since at least this time: nothing to change.
        }
    }

    @Override
    public List<Product> list(int limit, String afterProductId) {
        if (limit < 1) {
            return List.of();
        }
        List<Product> products = new ArrayList<>(limit);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":list", s(LIST_PARTITION));
        if (afterProductId != null) {
            values.put(":after", s(afterProductId));
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :list" + (afterProductId == null ? "" : " AND gsi1sk > :after"))
                    .expressionAttributeValues(values)
                    .scanIndexForward(true)
                    .limit(limit - products.size());
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamoDb.query(query.build());
            page.items().forEach(item -> products.add(productOf(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && products.size() < limit);
        return products;
    }

    static String pk(String productId) {
        return "PRODUCT#" + productId;
    }

    private static Product productOf(Map<String, AttributeValue> item) {
        return new Product(item.get("productId").s(), Instant.parse(item.get("firstSeen").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
