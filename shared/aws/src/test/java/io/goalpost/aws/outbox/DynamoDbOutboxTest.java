package io.goalpost.aws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.event.EventJson;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The outbox's items as docs/decisions/001-data-model.md lays them out. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbOutboxTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");

    private final LocalStack stack;
    private final String table;

    DynamoDbOutboxTest(LocalStack stack) {
        this.stack = stack;
        this.table = stack.tableName("GoalpostTable");
    }

    @BeforeEach
    void startEmpty() {
        stack.reset();
    }

    @Test
    void keepsAnEventAsOneItemUnderItsShardWithItsTimeFirstInTheSortKeyAndATtl() {
        ClickEvent click = new ClickEvent("spring-fb", "Ab3dEf6hIj9kLm2nOp5qRs", null, Instant.parse("2025-04-01T09:29:59.5Z"));
        new DynamoDbOutbox(stack.dynamoDbClient(), table, new EventJson(), Clock.fixed(NOW, ZoneOffset.UTC)).keep(click);

        Map<String, AttributeValue> item = stack.dynamoDbClient().getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(DynamoDbOutbox.pk(click)),
                        "sk", AttributeValue.fromS("2025-04-01T09:29:59.500000000Z#Ab3dEf6hIj9kLm2nOp5qRs")))).item();

        assertThat(item.get("event").s()).isEqualTo(new EventJson().encode(click));
        assertThat(item.get("ttl").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(14)).getEpochSecond()));
        assertThat(item.get("pk").s()).matches("OUTBOX#[0-3]");
    }

    @Test
    void spreadsEventsOverAllFourShardsByTheirIds() {
        Set<String> shards = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            shards.add(DynamoDbOutbox.pk(new ClickEvent("s", String.format("Click%015d", i), null, NOW)));
        }

        assertThat(shards).containsExactlyInAnyOrder("OUTBOX#0", "OUTBOX#1", "OUTBOX#2", "OUTBOX#3");
    }

    @Test
    void putsTheSameEventInTheSameShardEveryTime() {
        ClickEvent click = new ClickEvent("s", "Ab3dEf6hIj9kLm2nOp5qRs", null, NOW);

        // Pinned: a changed hash would strand the events a previous version of the code kept.
        assertThat(DynamoDbOutbox.pk(click)).isEqualTo("OUTBOX#3");
        assertThat(DynamoDbOutbox.pk(new ClickEvent("other", "Ab3dEf6hIj9kLm2nOp5qRs", "Vq3mXkP9aZr2LdT8wYbN4c",
                NOW.plusSeconds(60)))).as("the shard depends on the event id only").isEqualTo("OUTBOX#3");
    }
}
