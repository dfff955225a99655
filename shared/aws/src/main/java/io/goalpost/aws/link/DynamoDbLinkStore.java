package io.goalpost.aws.link;

import io.goalpost.core.link.Goal;
import io.goalpost.core.link.GoalType;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Links in the single Goalpost table. The key is fixed for good: pk = {@code LINK#<slug>},
 * sk = {@code LINK}; gsi1 (pk {@code LINKS}, sk {@code <createdAt>#<slug>}) lists links newest
 * first later. Later item kinds get their own pk prefixes; links are never rekeyed
 * (docs/decisions/001-data-model.md). The goal is one map attribute: {type, formId|pageUrl|productId}.
 */
public final class DynamoDbLinkStore implements LinkStore {

    /** Fixed-width UTC millis, so gsi1 sort keys order by time ({@code Instant.toString} varies in width). */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
                .key(Map.of("pk", s(pk(slug)), "sk", s("LINK")))
                .consistentRead(true)
                .build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(linkOf(item));
    }

    static String pk(String slug) {
        return "LINK#" + slug;
    }

    private static Map<String, AttributeValue> itemOf(Link link) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(link.slug())));
        item.put("sk", s("LINK"));
        item.put("gsi1pk", s("LINKS"));
        item.put("gsi1sk", s(SORTABLE.format(link.createdAt()) + "#" + link.slug()));
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
