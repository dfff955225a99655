package io.goalpost.functions.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.aws.event.EventJson;
import io.goalpost.aws.wiring.WorkerDependencies;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.testing.InMemoryWorkerStores;
import io.goalpost.testing.TestEmailSeal;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.aws.wiring.WorkerWiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's handler over in-memory fakes, fed the sample events in events/. */
class AttributionHandlerTest {

  private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
  private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
  private static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");
  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");

  private final ObjectMapper mapper = new ObjectMapper();
  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();
  private final AtomicInteger redrives = new AtomicInteger();
  private final List<String> logLines = new ArrayList<>();

  @BeforeEach
  void storeTheSampleLink() {
    stores.links().create(new Link("spring-fb", "Spring sale on Facebook", "https://shop.example.com/spring",
        "facebook-ads", "spring-2025", Goal.purchase("prod_spring"), 14, false,
        Instant.parse("2025-04-01T09:00:00Z"), false));
  }

  private AttributionHandler handler(WorkerStores workerStores) {
    return new AttributionHandler(new WorkerDependencies(EventRecorder.over(workerStores, AttributionModel.LAST_TOUCH),
        () -> {
          redrives.incrementAndGet();
          return 3;
        }), logLines::add);
  }

  private JsonNode handle(AttributionHandler handler, byte[] event) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), output, null);
      return mapper.readTree(output.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode handle(byte[] event) {
    return handle(handler(stores.stores()), event);
  }

  private static byte[] sample(String name) {
    try {
      return Files.readAllBytes(Path.of("../../events", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample SQS event with its records' bodies (and message ids) replaced. */
  private byte[] batchOf(String... bodies) throws IOException {
    ObjectNode event = (ObjectNode) mapper.readTree(sample("worker-sqs-click.json"));
    ObjectNode template = (ObjectNode) event.get("Records").get(0);
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < bodies.length; i++) {
      records.add(template.deepCopy().put("messageId", "message-" + i).put("body", bodies[i]));
    }
    return mapper.writeValueAsBytes(event);
  }

  private Map<String, Long> counts(Counter.Subject subject, String id, LocalDate day) {
    SortedMap<LocalDate, Map<String, Long>> days = stores.counters().read(subject, id, day, day);
    return days.getOrDefault(day, Map.of());
  }

  @Test
  void recordsTheSampleClickAndAnswersThatNothingFailed() {
    JsonNode answer = handle(sample("worker-sqs-click.json"));

    assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(counts(Counter.Subject.LINK, "spring-fb", CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
    assertThat(stores.lineages().clicksOf(VISITOR)).hasSize(1);
  }

  @Test
  void creditsTheSampleSaleToTheLinkOfTheSampleClick() {
    handle(sample("worker-sqs-click.json"));

    JsonNode answer = handle(sample("worker-sqs-sale.json"));

    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(counts(Counter.Subject.LINK, "spring-fb", SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.PRODUCT, "prod_spring", SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
  }

  @Test
  void appliesTheSampleRebillAndRefundOfTheSampleSaleToTheProductAndNotToALinkThatCountsNoRebills() {
    handle(sample("worker-sqs-click.json"));
    handle(sample("worker-sqs-refund.json"));
    handle(sample("worker-sqs-sale.json"));

    JsonNode answer = handle(sample("worker-sqs-rebill.json"));

    // The refund of 1500 on May 10 comes after the rebill of 4900 on May 2, so it returns the
    // rebill: the product counts both; spring-fb counts no rebills, so neither touches it.
    LocalDate rebillDay = LocalDate.parse("2025-05-02");
    LocalDate refundDay = LocalDate.parse("2025-05-10");
    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(counts(Counter.Subject.PRODUCT, "prod_spring", rebillDay)).isEqualTo(Map.of("rebills", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.PRODUCT, "prod_spring", refundDay))
        .isEqualTo(Map.of("refunds", 1L, "refunded.USD", 1500L, "revenue.USD", -1500L));
    assertThat(counts(Counter.Subject.LINK, "spring-fb", SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.LINK, "spring-fb", rebillDay)).isEmpty();
    assertThat(counts(Counter.Subject.LINK, "spring-fb", refundDay)).isEmpty();
  }

  @Test
  void readsSamplesWhoseBodiesEventJsonWrote() throws IOException {
    EventJson json = new EventJson();
    String clickBody = mapper.readTree(sample("worker-sqs-click.json")).at("/Records/0/body").asText();
    String saleBody = mapper.readTree(sample("worker-sqs-sale.json")).at("/Records/0/body").asText();

    ClickEvent click = new ClickEvent("spring-fb", CLICK, VISITOR, Instant.parse("2025-04-01T09:30:00Z"));
    OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
        Instant.parse("2025-04-02T15:00:00Z"), "order-1001", null, "prod_spring", 4900, "USD", null, VISITOR, CLICK);
    OrderEvent sampleSale = (OrderEvent) json.decode(saleBody);
    assertThat(json.encode(click)).isEqualTo(clickBody);
    // The sample's email is sealed under the local EmailHashKey (LocalParameters), as ./run-local's webhook seals it.
    assertThat(json.encode(sampleSale)).isEqualTo(saleBody);
    assertThat(sampleSale.withSealedEmail(null)).isEqualTo(sale);
    assertThat(TestEmailSeal.under(new EmailHashes(WorkerWiring.LOCAL_TEST_EMAIL_HASH_KEY))
        .open(sampleSale.sealedEmail(), sampleSale.eventId())).contains("buyer@example.com");
    assertThat(json.encode(new OrderEvent(OrderEvent.Kind.REBILL, "orders:msg_2KWRebill0000000000000001",
        Instant.parse("2025-05-02T15:00:00Z"), "order-1001", "invoice-1001-2", "prod_spring", 4900, "USD", null, null,
        null))).isEqualTo(mapper.readTree(sample("worker-sqs-rebill.json")).at("/Records/0/body").asText());
    assertThat(json.encode(new OrderEvent(OrderEvent.Kind.REFUND, "orders:msg_2KWRefund0000000000000001",
        Instant.parse("2025-05-10T11:59:50Z"), "order-1001", "refund-1001-1", "prod_spring", 1500, "USD", null, null,
        null))).isEqualTo(mapper.readTree(sample("worker-sqs-refund.json")).at("/Records/0/body").asText());
  }

  @Test
  void failsOnlyAnUndecodableMessageAndLogsItWithoutItsBody() throws IOException {
    String click = new EventJson().encode(new ClickEvent("spring-fb", CLICK, null, Instant.parse("2025-04-01T09:30:00Z")));

    JsonNode answer = handle(batchOf("{\"v\":1,\"type\":\"order\",\"email\":\"secret@example.com\"}", "not json", click));

    assertThat(answer.toString()).isEqualTo(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"message-0\"},{\"itemIdentifier\":\"message-1\"}]}");
    assertThat(counts(Counter.Subject.LINK, "spring-fb", CLICK_DAY)).containsEntry("clicks", 1L);
    assertThat(logLines).hasSize(2).allSatisfy(line -> assertThat(line)
        .contains("undecodable").doesNotContain("secret@example.com").doesNotContain("not json"));
    assertThat(logLines.get(0)).contains("message-0");
  }

  @Test
  void failsAMessageWhoseRecordingThrowsSoSqsRetriesIt() throws IOException {
    CounterStore unreachable = new CounterStore() {
      @Override
      public void apply(Operation operation) {
        throw new IllegalStateException("table unreachable");
      }

      @Override
      public SortedMap<LocalDate, Map<String, Long>> read(Counter.Subject subject, String id, LocalDate from,
          LocalDate to) {
        throw new IllegalStateException("table unreachable");
      }
    };
    WorkerStores failing = stores.stores().withCounters(unreachable);
    String sale = mapper.readTree(sample("worker-sqs-sale.json")).at("/Records/0/body").asText();

    JsonNode answer = handle(handler(failing), batchOf(sale));

    assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"message-0\"}]}");
    assertThat(logLines).singleElement().asString()
        .contains("message-0", "order/sale", "orders:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "table unreachable")
        .doesNotContain("buyer@example.com");
  }

  @Test
  void recordsARefundBeforeItsSaleInTheProductsStatsWithoutLoggingTheEmail() throws IOException {
    String refund = new EventJson().encode(new OrderEvent(OrderEvent.Kind.REFUND, "orders:msg_refund",
        Instant.parse("2025-04-03T10:00:00Z"), "order-1001", "re_1", "prod_spring", 900, "USD",
        TestEmailSeal.sealed("buyer@example.com", "orders:msg_refund"), null, null));

    JsonNode answer = handle(batchOf(refund));

    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(stores.orders().paymentsOf("order-1001")).hasSize(1);
    assertThat(stores.counters().operationCount()).isEqualTo(1);
    assertThat(logLines).noneMatch(line -> line.contains("buyer@example.com"));
  }

  @Test
  void countsASaleWhoseEmailDoesNotOpenAndLogsWhyWithoutTheEmail() throws IOException {
    // The sample is sealed under the local key; this worker holds the in-memory one, as after a key change.
    JsonNode answer = handle(sample("worker-sqs-sale.json"));

    assertThat(answer.get("batchItemFailures")).isEmpty();
    assertThat(counts(Counter.Subject.PRODUCT, "prod_spring", SALE_DAY)).containsEntry("sales", 1L);
    assertThat(stores.leads().findByEmailHash(new EmailHashes(InMemoryWorkerStores.EMAIL_HASH_KEY)
        .of("buyer@example.com"))).isEmpty();
    assertThat(logLines).singleElement().asString()
        .contains("RECORDED_EMAIL_UNREADABLE", "orders:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "order/sale")
        .doesNotContain("@").doesNotContain("v1.");
  }

  @Test
  void findsTheLeadOfASaleWhoseEmailWasSealedUnderItsKey() throws IOException {
    String sale = new EventJson().encode(new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_sealed",
        Instant.parse("2025-04-02T15:00:00Z"), "order-1002", null, "prod_spring", 4900, "USD",
        TestEmailSeal.sealed("buyer@example.com", "orders:msg_sealed"), null, null));

    assertThat(handle(batchOf(sale)).get("batchItemFailures")).isEmpty();

    assertThat(stores.leads().findByEmailHash(new EmailHashes(InMemoryWorkerStores.EMAIL_HASH_KEY)
        .of("buyer@example.com"))).isPresent();
    assertThat(logLines).isEmpty();
  }

  @Test
  void redrivesTheOutboxOnTheSampleSchedule() {
    JsonNode answer = handle(sample("worker-schedule.json"));

    assertThat(redrives.get()).isEqualTo(1);
    assertThat(answer.toString()).isEqualTo("{\"redriven\":3}");
    assertThat(stores.counters().operationCount()).isZero();
  }

  @Test
  void refusesAnEventThatIsNeitherABatchNorASchedule() {
    assertThatThrownBy(() -> handler(stores.stores()).handleRequest(
        new ByteArrayInputStream("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(redrives.get()).isZero();
  }
}
