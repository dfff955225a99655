package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.aws.counter.MovableClock;
import io.goalpost.aws.counter.OperationInProgress;
import io.goalpost.aws.faults.WriteKiller;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
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
 * SPEC §5 for rebills and refunds: a worker killed right after any one of its DynamoDB writes,
 * then the same message redelivered to a healthy worker, ends with the counters of one clean
 * delivery — for a rebill, for a refund, and for a sale that arrives after its rebill and refund
 * and has to carry them to its link. As in {@link WorkerFaultInjectionTest}, the dying worker's
 * counter store writes through the killing client, and redeliveries come after the lease.
 *
 * <p>One order: a click, the sale of 4900, a rebill of 4900, a refund of 6000, on a link that
 * counts rebills. The refund takes 4900 from the rebill (the latest payment) and 1100 from the sale.
 */
@ExtendWith(LocalStackExtension.class)
class RebillRefundFaultInjectionTest {

  /**
   * A payment after its sale (its product already catalogued: that write changes nothing): the
   * payment; the settlement's conditional update; 6 for {@code order#…#v<n>} (apply record, the
   * product's row and the link's, done, 2 releases); clearing {@code pending}.
   */
  static final int CLEAN_PAYMENT_WRITES = 9;
  /** The settlement's operation started and not done: its apply record, or one of its two rows. */
  static final Set<Integer> PAYMENT_WRITES_INSIDE_AN_OPERATION = Set.of(3, 4, 5);
  /**
   * A sale after its rebill and refund: the 15 of a sale with a credit (catalog — the sale is the
   * order's earliest sighting of the product —, conversion, 2 references, the product's sale index
   * entry, 4 for {@code sale#…}, the credit, 4 for its move, clearing it) and 4 for the buyer's lead
   * (email pointer, lead item, diagnostic join, the lead's reference; docs/decisions/007), then the
   * order's settlement: update; 8 for the operation (apply record; 3 rows: the link's rebill and
   * refund days, and the product's refund day, whose refund was capped at the rebill's 4900 until
   * the sale came; done; 3 releases); clearing it.
   */
  static final int CLEAN_LATE_SALE_WRITES = 29;

  /**
   * A click that wins a sale whose rebill and refund came first: its 7 (click, lineage, marker, 4
   * for {@code click#…}); the sale's credit (update, 4 for its move, clearing it); the order's
   * settlement carrying the rebill and refund onto the link (update, 6 for two link rows, clearing it).
   */
  static final int CLEAN_LATE_CLICK_WRITES = 21;

  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");
  private static final Instant REBILLED = Instant.parse("2025-05-02T15:00:00Z");
  private static final Instant REFUNDED = Instant.parse("2025-05-10T15:00:00Z");
  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");
  private static final LocalDate REBILL_DAY = LocalDate.parse("2025-05-02");
  private static final LocalDate REFUND_DAY = LocalDate.parse("2025-05-10");

  private final WriteKiller killer = new WriteKiller();
  private final MovableClock clock = new MovableClock();
  private final String run = TestIds.suffix();
  private final String slug = "monthly-" + run;
  private final String product = "prod_" + run;
  private final ClickEvent click = new ClickEvent(slug, "click" + run, "visitor" + run, CLICKED);
  private final OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:sale_" + run, PAID, "sub-" + run,
      null, product, 4900, "USD", "buyer" + run + "@example.com", "visitor" + run, "click" + run);
  private final OrderEvent rebill = new OrderEvent(OrderEvent.Kind.REBILL, "orders:rebill_" + run, REBILLED,
      "sub-" + run, "in_" + run, product, 4900, "USD", "buyer" + run + "@example.com", null, null);
  private final OrderEvent refund = new OrderEvent(OrderEvent.Kind.REFUND, "orders:refund_" + run, REFUNDED,
      "sub-" + run, "re_" + run, product, 6000, "USD", null, null, null);

  private WorkerStores healthyStores;
  private EventRecorder healthy;
  private EventRecorder dying;

  @BeforeEach
  void connect(LocalStack stack) {
    String table = stack.tableName("GoalpostTable");
    healthyStores = WorkerWiring.stores(stack.dynamoDbClient(), table, clock);
    healthy = WorkerWiring.recorder(healthyStores, AttributionModel.LAST_TOUCH);
    dying = WorkerWiring.recorder(WorkerWiring.stores(killer.client(stack), table, clock), AttributionModel.LAST_TOUCH);
    healthyStores.links().create(new Link(slug, "Monthly", "https://shop.example.com/monthly", "ads", null,
        Goal.purchase(product), 30, true, CLICKED.minusSeconds(86_400), false));
  }

  static IntStream everyPaymentWrite() {
    return IntStream.rangeClosed(1, CLEAN_PAYMENT_WRITES);
  }

  static IntStream everyLateClickWrite() {
    return IntStream.rangeClosed(1, CLEAN_LATE_CLICK_WRITES);
  }

  static IntStream everyLateSaleWrite() {
    return IntStream.rangeClosed(1, CLEAN_LATE_SALE_WRITES);
  }

  @Test
  void aCleanRebillRefundAndLateSaleMakeTheWritesTheKillsStepThrough() {
    healthy.record(click);
    killer.disarm();
    dying.record(rebill);
    int rebillWrites = killer.writes();
    killer.disarm();
    dying.record(refund);
    int refundWrites = killer.writes();
    killer.disarm();
    dying.record(sale);

    // Before the sale, no link row: the rebill 8 (catalog, payment, update, 4 for the operation,
    // clearing it), the refund 7 (its product already catalogued, at an earlier time).
    assertThat(rebillWrites).isEqualTo(8);
    assertThat(refundWrites).isEqualTo(7);
    assertThat(killer.writes()).isEqualTo(CLEAN_LATE_SALE_WRITES);
    assertCountsOfTheCleanOrder();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyPaymentWrite")
  void aRebillRedeliveredAfterAKillAtAnyWriteCountsOnce(int write) {
    deliver(click, sale);

    killAt(write, rebill);
    deliver(rebill, refund);

    assertCountsOfTheCleanOrder();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyPaymentWrite")
  void aRefundRedeliveredAfterAKillAtAnyWriteCountsOnce(int write) {
    deliver(click, sale, rebill);

    killAt(write, refund);
    deliver(refund);

    assertCountsOfTheCleanOrder();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyLateSaleWrite")
  void aSaleAfterItsRebillAndRefundRedeliveredAfterAKillAtAnyWriteCarriesThemToItsLinkOnce(int write) {
    deliver(click, rebill, refund);

    killAt(write, sale);
    deliver(sale);

    assertCountsOfTheCleanOrder();
  }

  @Test
  void aCleanLateClickMakesTheWritesTheKillsStepThrough() {
    deliver(sale, rebill, refund);
    killer.disarm();
    dying.record(click);

    assertThat(killer.writes()).isEqualTo(CLEAN_LATE_CLICK_WRITES);
    assertCountsOfTheCleanOrder();
  }

  /** Kills between the sale's credit change and its order's settlement included: the redelivery still carries them. */
  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyLateClickWrite")
  void aLateClickRedeliveredAfterAKillAtAnyWriteTakesTheSaleWithItsRebillAndRefundOnce(int write) {
    deliver(sale, rebill, refund);

    killAt(write, click);
    deliver(click);

    assertCountsOfTheCleanOrder();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyPaymentWrite")
  void aRefundDeliveredAgainAtOnceIsRefusedOnlyWhileTheKilledWorkersCounterLeaseLivesAndThenCountsOnce(int write) {
    deliver(click, sale, rebill);
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.record(refund)).isInstanceOf(WriteKiller.Killed.class);
    killer.disarm();

    if (PAYMENT_WRITES_INSIDE_AN_OPERATION.contains(write)) {
      assertThatThrownBy(() -> healthy.record(refund)).isInstanceOf(OperationInProgress.class);
    } else {
      healthy.record(refund);
    }
    clock.waitOutTheLease();
    healthy.record(refund);

    assertCountsOfTheCleanOrder();
  }

  private void deliver(TrackingEvent... events) {
    for (TrackingEvent event : events) {
      healthy.record(event);
    }
  }

  private void killAt(int write, TrackingEvent event) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.record(event)).isInstanceOf(WriteKiller.Killed.class);
    killer.disarm();
    clock.waitOutTheLease();
  }

  private void assertCountsOfTheCleanOrder() {
    assertThat(counts(Counter.Subject.LINK, slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.LINK, slug, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.LINK, slug, REFUND_DAY))
        .isEqualTo(Map.of("refunded.USD", 6000L, "revenue.USD", -6000L));
    assertThat(counts(Counter.Subject.PRODUCT, product, SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.PRODUCT, product, REBILL_DAY))
        .isEqualTo(Map.of("rebills", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.PRODUCT, product, REFUND_DAY))
        .isEqualTo(Map.of("refunds", 1L, "refunded.USD", 6000L, "revenue.USD", -6000L));
    assertThat(healthyStores.orders().settlement(sale.orderId()).pending()).isNull();
  }

  private Map<String, Long> counts(Counter.Subject subject, String id, LocalDate day) {
    Map<String, Long> counts = new HashMap<>(
        healthyStores.counters().read(subject, id, day, day).getOrDefault(day, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }
}
