package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.aws.counter.MovableClock;
import io.goalpost.aws.counter.OperationInProgress;
import io.goalpost.aws.faults.WriteKiller;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.lead.AesGcmEmailSeal;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.TestIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5: a worker killed right after any one of its DynamoDB writes, then the same message
 * redelivered to a healthy worker, ends with the counters and the credit of one clean delivery.
 * The dying worker's counter store goes through the same killing client, so kills land between
 * the counter store's writes too. Redeliveries come after the visibility timeout, as on SQS: the
 * shared clock moves past the dead worker's counter lease first.
 */
@ExtendWith(LocalStackExtension.class)
class WorkerFaultInjectionTest {

  /** Click, lineage entry, unique-clicker marker; 4 for {@code click#…} (apply record, row, done, release). */
  static final int CLEAN_CLICK_WRITES = 7;
  /**
   * The product into the catalog; the buyer's lead (docs/decisions/007): email pointer, lead item,
   * diagnostic join (no consent); conversion, the lead's reference, click reference, visitor
   * reference, the product's sale index entry (docs/decisions/009); 4 for {@code sale#…}; the credit's conditional update; 4 for {@code credit#…#v1};
   * clearing {@code pending}. An order without rebills or refunds has no settlement to write.
   */
  static final int CLEAN_SALE_WRITES = 19;
  /** Kills that leave a counter operation started and not done: its apply record, or its one row. */
  static final Set<Integer> CLICK_WRITES_INSIDE_AN_OPERATION = Set.of(4, 5);
  /** {@code sale#…}'s apply record and row; then {@code credit#…#v1}'s. */
  static final Set<Integer> SALE_WRITES_INSIDE_AN_OPERATION = Set.of(10, 11, 15, 16);

  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");
  private static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");
  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");

  private final WriteKiller killer = new WriteKiller();
  private final MovableClock clock = new MovableClock();
  private final String run = TestIds.suffix();
  private final String slug = "spring-" + run;
  private final String product = "prod_" + run;
  private final ClickEvent click = new ClickEvent(slug, "click" + run, "visitor" + run, CLICKED);
  private final OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_" + run, PAID, "order-" + run,
      null, product, 4900, "USD", new AesGcmEmailSeal(new EmailHashes(WorkerWiring.LOCAL_TEST_EMAIL_HASH_KEY))
          .seal("buyer" + run + "@example.com", "orders:msg_" + run), "visitor" + run, "click" + run);

  private WorkerStores healthyStores;
  private EventRecorder healthy;
  private EventRecorder dying;

  @BeforeEach
  void connect(LocalStack stack) {
    String table = stack.tableName("GoalpostTable");
    healthyStores = WorkerWiring.stores(stack.dynamoDbClient(), table, clock);
    healthy = WorkerWiring.recorder(healthyStores, AttributionModel.LAST_TOUCH);
    dying = WorkerWiring.recorder(WorkerWiring.stores(killer.client(stack), table, clock), AttributionModel.LAST_TOUCH);
    healthyStores.links().create(new Link(slug, "Spring", "https://shop.example.com/spring", "ads", null,
        Goal.purchase(product), 30, false, CLICKED.minusSeconds(86_400), false));
  }

  static IntStream everyClickWrite() {
    return IntStream.rangeClosed(1, CLEAN_CLICK_WRITES);
  }

  static IntStream everySaleWrite() {
    return IntStream.rangeClosed(1, CLEAN_SALE_WRITES);
  }

  @Test
  void aCleanClickAndACleanSaleMakeTheWritesTheKillsStepThrough() {
    killer.disarm();
    dying.record(click);
    int clickWrites = killer.writes();
    killer.disarm();
    dying.record(sale);

    assertThat(clickWrites).isEqualTo(CLEAN_CLICK_WRITES);
    assertThat(killer.writes()).isEqualTo(CLEAN_SALE_WRITES);
    assertCountsOfOneCleanClickAndSale();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyClickWrite")
  void aClickRedeliveredAfterAKillAtAnyWriteCountsOnce(int write) {
    killAt(write, click);
    healthy.record(click);

    assertThat(counts(Counter.Subject.LINK, slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
    assertThat(healthyStores.lineages().clicksOf("visitor" + run)).hasSize(1);
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everySaleWrite")
  void aSaleRedeliveredAfterAKillAtAnyWriteCountsAndIsCreditedOnce(int write) {
    healthy.record(click);

    killAt(write, sale);
    healthy.record(sale);

    assertCountsOfOneCleanClickAndSale();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyClickWrite")
  void aLateClickRedeliveredAfterAKillAtAnyWriteWinsTheSaleOnce(int write) {
    healthy.record(sale);

    killAt(write, click);
    healthy.record(click);

    assertCountsOfOneCleanClickAndSale();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyClickWrite")
  void aClickDeliveredAgainAtOnceIsRefusedOnlyWhileTheKilledWorkersCounterLeaseLivesAndThenCountsOnce(int write) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.record(click)).isInstanceOf(WriteKiller.Killed.class);
    killer.disarm();

    deliverAtOnceThenAfterTheVisibilityTimeout(click, CLICK_WRITES_INSIDE_AN_OPERATION.contains(write));

    assertThat(counts(Counter.Subject.LINK, slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everySaleWrite")
  void aSaleDeliveredAgainAtOnceIsRefusedOnlyWhileTheKilledWorkersCounterLeaseLivesAndThenCountsOnce(int write) {
    healthy.record(click);
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.record(sale)).isInstanceOf(WriteKiller.Killed.class);
    killer.disarm();

    deliverAtOnceThenAfterTheVisibilityTimeout(sale, SALE_WRITES_INSIDE_AN_OPERATION.contains(write));

    assertCountsOfOneCleanClickAndSale();
  }

  /**
   * A second delivery before the dead worker's lease runs out (SQS may deliver a message twice at
   * once) fails exactly when the kill left a counter operation half applied, and then it is
   * delivered once more after the visibility timeout.
   */
  private void deliverAtOnceThenAfterTheVisibilityTimeout(TrackingEvent event, boolean refused) {
    if (refused) {
      assertThatThrownBy(() -> healthy.record(event)).isInstanceOf(OperationInProgress.class);
    } else {
      healthy.record(event);
    }
    clock.waitOutTheLease();
    healthy.record(event);
  }

  /** Kills the worker after the write, then lets SQS's visibility timeout pass before the redelivery. */
  private void killAt(int write, TrackingEvent event) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.record(event)).isInstanceOf(WriteKiller.Killed.class);
    killer.disarm();
    clock.waitOutTheLease();
  }

  private void assertCountsOfOneCleanClickAndSale() {
    assertThat(counts(Counter.Subject.LINK, slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
    assertThat(counts(Counter.Subject.LINK, slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.PRODUCT, product, SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
    ConversionRecord stored = healthyStores.conversions().find(Conversion.saleId(sale.orderId())).orElseThrow();
    assertThat(stored.credit()).isEqualTo(new Credit(slug, click.clickId(), CreditPath.CLICK_ID));
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.pending()).isNull();
  }

  private Map<String, Long> counts(Counter.Subject subject, String id, LocalDate day) {
    Map<String, Long> counts = new HashMap<>(
        healthyStores.counters().read(subject, id, day, day).getOrDefault(day, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }
}
