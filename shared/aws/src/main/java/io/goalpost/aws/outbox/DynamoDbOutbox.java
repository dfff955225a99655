package io.goalpost.aws.outbox;

import io.goalpost.aws.event.EventJson;
import io.goalpost.core.event.Outbox;
import io.goalpost.core.event.TrackingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The outbox in the Goalpost table (docs/decisions/001-data-model.md): pk {@code OUTBOX#<0..3>},
 * sk {@code <occurredAt>#<eventId>}, the event as {@link EventJson} in {@code event}.
 *
 * <p>The shard is a stable hash of the event id, so keeping an event twice writes the same item
 * (PutItem is then idempotent) and removing it finds it; four shards keep a burst of kept clicks
 * during an outage off one partition. Reads are consistent Queries of each shard merged by sort
 * key, so the re-drive sees an item the instant after it was kept. {@code ttl} (14 days after it
 * was kept) only saves cost should the queue stay away for longer than its own retention; no
 * correctness rests on it (dynalite never expires anything).
 */
public final class DynamoDbOutbox implements Outbox {

    static final int SHARDS = 4;
    static final Duration TIME_TO_LIVE = Duration.ofDays(14);

    /** Fixed-width UTC with nanoseconds, so sort keys order as times ({@code Instant.toString} varies in width). */
    private static final DateTimeFormatter SORTABLE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final EventJson json;
    private final Clock clock;
    private final Duration keepTimeout;

    /** Every call gets the client's own time budget. */
    public DynamoDbOutbox(DynamoDbClient dynamoDb, String tableName, EventJson json, Clock clock) {
        this(dynamoDb, tableName, json, clock, null);
    }

    /** {@code keep} gives up after {@code keepTimeout}, retries included: someone is waiting for the answer. */
    public DynamoDbOutbox(DynamoDbClient dynamoDb, String tableName, EventJson json, Clock clock, Duration keepTimeout) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.json = json;
        this.clock = clock;
        this.keepTimeout = keepTimeout;
    }

    @Override
    public void keep(TrackingEvent event) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(tableName).item(Map.of(
                "pk", s(pk(event)),
                "sk", s(sk(event)),
                "kind", s("outbox"),
                "event", s(json.encode(event)),
                "ttl", AttributeValue.fromN(Long.toString(clock.instant().plus(TIME_TO_LIVE).getEpochSecond()))));
        if (keepTimeout != null) {
            put.overrideConfiguration(override -> override.apiCallTimeout(keepTimeout));
        }
        dynamoDb.putItem(put.build());
    }

    @Override
    public List<TrackingEvent> oldest(int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            items.addAll(oldestOfShard(shard, limit));
        }
        return items.stream()
                .sorted(Comparator.comparing(item -> item.get("sk").s()))
                .limit(limit)
                .map(item -> json.decode(item.get("event").s()))
                .toList();
    }

    @Override
    public void remove(TrackingEvent event) {
        dynamoDb.deleteItem(DeleteItemRequest.builder()
                .tableName(tableName)
                .key(Map.of("pk", s(pk(event)), "sk", s(sk(event))))
                .build());
    }

    private List<Map<String, AttributeValue>> oldestOfShard(int shard, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s("OUTBOX#" + shard)))
                    .consistentRead(true)
                    .scanIndexForward(true)
                    .limit(limit - items.size())
                    .exclusiveStartKey(start)
                    .build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return items;
    }

    /** {@link String#hashCode} is fixed by the language specification: the same shard in every JVM. */
    static String pk(TrackingEvent event) {
        return "OUTBOX#" + Math.floorMod(event.eventId().hashCode(), SHARDS);
    }

    static String sk(TrackingEvent event) {
        return sortable(event.occurredAt()) + "#" + event.eventId();
    }

    static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
