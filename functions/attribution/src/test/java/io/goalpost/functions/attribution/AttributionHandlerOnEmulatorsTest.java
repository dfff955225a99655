package io.goalpost.functions.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.counter.DynamoDbCounterStore;
import io.goalpost.aws.event.EventJson;
import io.goalpost.aws.link.DynamoDbLinkStore;
import io.goalpost.aws.outbox.DynamoDbOutbox;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker built from its environment as Lambda builds it, on the emulators, fed the samples. */
@ExtendWith(LocalStackExtension.class)
class AttributionHandlerOnEmulatorsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-02T15:01:00Z"), ZoneOffset.UTC);
  private static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");
  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");

  private final ObjectMapper mapper = new ObjectMapper();
  private final LocalStack stack;
  private final String table;
  private final Map<String, String> env = new HashMap<>();

  AttributionHandlerOnEmulatorsTest(LocalStack stack) {
    this.stack = stack;
    this.table = stack.tableName("GoalpostTable");
    env.putAll(stack.awsEnvironment());
    env.put("TABLE_NAME", table);
    env.put("EVENTS_QUEUE_URL", stack.queueUrl("EventsQueue"));
    env.put("ATTRIBUTION_MODEL", "last_touch");
    env.put("EMAIL_HASH_KEY", "local-EmailHashKey-not-secret-0123456789abcdef");
  }

  @BeforeEach
  void storeTheSampleLinkInAnEmptyTable() {
    stack.reset();
    new DynamoDbLinkStore(stack.dynamoDbClient(), table).create(new Link("spring-fb", "Spring sale on Facebook",
        "https://shop.example.com/spring", "facebook-ads", "spring-2025", Goal.purchase("prod_spring"), 14, false,
        Instant.parse("2025-04-01T09:00:00Z"), false));
  }

  private JsonNode handle(AttributionHandler handler, String sample) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("../../events", sample))), output, null);
    return mapper.readTree(output.toByteArray());
  }

  private Map<String, Long> counts(Counter.Subject subject, String id, LocalDate day) {
    return new DynamoDbCounterStore(stack.dynamoDbClient(), table).read(subject, id, day, day)
        .getOrDefault(day, Map.of());
  }

  @Test
  void countsTheSampleClickAndCreditsTheSampleSaleRedeliveredOrNot() throws IOException {
    AttributionHandler handler = new AttributionHandler(env, CLOCK);

    for (String sample : List.of("worker-sqs-sale.json", "worker-sqs-click.json", "worker-sqs-sale.json",
        "worker-sqs-click.json")) {
      assertThat(handle(handler, sample).get("batchItemFailures")).as(sample).isEmpty();
    }

    assertThat(counts(Counter.Subject.LINK, "spring-fb", CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
    assertThat(counts(Counter.Subject.LINK, "spring-fb", SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.PRODUCT, "prod_spring", SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
  }

  @Test
  void redrivesAClickKeptInTheOutboxOntoTheQueueOnTheSampleSchedule() throws IOException {
    EventJson json = new EventJson();
    ClickEvent kept = new ClickEvent("spring-fb", "Kp7dEf6hIj9kLm2nOp5qRs", null, Instant.parse("2025-04-02T15:00:00Z"));
    new DynamoDbOutbox(stack.dynamoDbClient(), table, json, CLOCK).keep(kept);

    JsonNode answer = handle(new AttributionHandler(env, CLOCK), "worker-schedule.json");

    assertThat(answer.toString()).isEqualTo("{\"redriven\":1}");
    List<TrackingEvent> queued = stack.sqsClient().receiveMessage(r -> r.queueUrl(stack.queueUrl("EventsQueue"))
        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages().stream().map(m -> json.decode(m.body())).toList();
    assertThat(queued).containsExactly(kept);
  }
}
