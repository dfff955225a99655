package io.goalpost.aws.link;

import io.goalpost.core.link.Goal;
import io.goalpost.core.link.GoalType;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkPosition;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.LinkUpdate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Links in the single Goalpost table. The key is fixed for good: pk = {@code LINK#<slug>},
 * sk = {@code LINK}; gsi1 (pk {@code LINKS}, sk {@code <createdAt>#<slug>}) lists links newest
 * first (the list's order: {@link LinkPosition#NEWEST_FIRST}). Later item kinds get their own pk prefixes; links are never rekeyed
 * (docs/decisions/001-data-model.md). The goal is one map attribute: {type, formId|pageUrl|productId}.
 */
public final class DynamoDbLinkStore implements LinkStore {

    /** Fixed-width UTC millis, so gsi1 sort keys order by time ({@code Instant.toString} varies in width). */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static final String SK = "LINK";
    static final String GSI = "gsi1";
    static final String LIST_PK = "LINKS";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbLinkStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean create(Link link) {
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(tableName)
                    .item(itemOf(link))
                    .conditionExpression("attribute_not_exists(pk)")
                    .build());
            return true;
        } catch (ConditionalCheckFailedException slugTaken) {
            return false;
        }
    }

    @Override
    public Optional<Link> find(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .key(Map.of("pk", s(pk(slug)), "sk", s(SK)))
                .consistentRead(true)
                .build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(linkOf(item));
    }

    @Override
    public List<Link> newestFirst(int count, LinkPosition after) {
        List<Link> links = new ArrayList<>(count);
        Map<String, AttributeValue> start = after == null ? null : keyOf(after);
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(GSI)
                    .keyConditionExpression("gsi1pk = :links")
                    .expressionAttributeValues(Map.of(":links", s(LIST_PK)))
                    .scanIndexForward(false)
                    .limit(count - links.size())
                    .exclusiveStartKey(start)
                    .build());
            page.items().forEach(item -> links.add(linkOf(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && links.size() < count);
        return links;
    }

    /** One UpdateItem that names only the changed attributes, so concurrent changes of other fields hold. */
    @Override
    public Optional<Link> update(String slug, LinkUpdate update) {
        if (update.isEmpty()) {
            return find(slug);
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        set(sets, names, values, "name", update.name());
        set(sets, names, values, "destination", update.destination());
        set(sets, names, values, "channel", update.channel());
        set(sets, names, values, "campaign", update.campaign());
        String expression = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                + (update.removeCampaign() ? " REMOVE campaign" : "");
        try {
            Map<String, AttributeValue> stored = dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of("pk", s(pk(slug)), "sk", s(SK)))
                    .updateExpression(expression.trim())
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes();
            return Optional.of(linkOf(stored));
        } catch (ConditionalCheckFailedException noSuchLink) {
            return Optional.empty();
        }
    }

    @Override
    public boolean archive(String slug) {
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of("pk", s(pk(slug)), "sk", s(SK)))
                    .updateExpression("SET archived = :true")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException noSuchLink) {
            return false;
        }
    }

    /** {@code name} is a DynamoDB reserved word, so every attribute goes through a name placeholder. */
    private static void set(List<String> sets, Map<String, String> names, Map<String, AttributeValue> values,
            String attribute, String value) {
        if (value != null) {
            names.put("#" + attribute, attribute);
            values.put(":" + attribute, s(value));
            sets.add("#" + attribute + " = :" + attribute);
        }
    }

    /** A position as a gsi1 start key: the index's key and the table's, as DynamoDB wants both. */
    private static Map<String, AttributeValue> keyOf(LinkPosition position) {
        return Map.of("pk", s(pk(position.slug())), "sk", s(SK), "gsi1pk", s(LIST_PK),
                "gsi1sk", s(listSortKey(position.createdAt(), position.slug())));
    }

    private static String listSortKey(Instant createdAt, String slug) {
        return SORTABLE.format(createdAt) + "#" + slug;
    }

    static String pk(String slug) {
        return "LINK#" + slug;
    }

    private static Map<String, AttributeValue> itemOf(Link link) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(link.slug())));
        item.put("sk", s(SK));
        item.put("gsi1pk", s(LIST_PK));
        item.put("gsi1sk", s(listSortKey(link.createdAt(), link.slug())));
        item.put("kind", s("link"));
        item.put("slug", s(link.slug()));
        item.put("name", s(link.name()));
        item.put("destination", s(link.destination()));
        item.put("channel", s(link.channel()));
        putIfPresent(item, "campaign", link.campaign());
        if (link.goal() != null) {
            Map<String, AttributeValue> goal = new HashMap<>();
            goal.put("type", s(link.goal().type().wireName()));
            putIfPresent(goal, "formId", link.goal().formId());
            putIfPresent(goal, "pageUrl", link.goal().pageUrl());
            putIfPresent(goal, "productId", link.goal().productId());
            item.put("goal", AttributeValue.fromM(goal));
        }
        item.put("attributionWindowDays", AttributeValue.fromN(Integer.toString(link.attributionWindowDays())));
        item.put("countRebills", AttributeValue.fromBool(link.countRebills()));
        item.put("createdAt", s(link.createdAt().toString()));
        item.put("archived", AttributeValue.fromBool(link.archived()));
        return item;
    }

    private static Link linkOf(Map<String, AttributeValue> item) {
        return new Link(
                text(item, "slug"),
                text(item, "name"),
                text(item, "destination"),
                text(item, "channel"),
                text(item, "campaign"),
                goalOf(item),
                Integer.parseInt(item.get("attributionWindowDays").n()),
                item.get("countRebills").bool(),
                Instant.parse(text(item, "createdAt")),
                item.get("archived").bool());
    }

    private static Goal goalOf(Map<String, AttributeValue> item) {
        AttributeValue stored = item.get("goal");
        if (stored == null || !stored.hasM()) {
            return null;
        }
        Map<String, AttributeValue> goal = stored.m();
        String type = text(goal, "type");
        GoalType goalType = GoalType.fromWireName(type)
                .orElseThrow(() -> new IllegalStateException("stored link has unknown goal type " + type));
        return new Goal(goalType, text(goal, "formId"), text(goal, "pageUrl"), text(goal, "productId"));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
