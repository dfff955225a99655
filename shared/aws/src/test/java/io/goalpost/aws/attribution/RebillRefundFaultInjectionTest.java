package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.faults.KillAtEveryWrite;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5 for rebills and refunds: a worker killed right after any one of its DynamoDB writes,
 * then the same message redelivered to a healthy worker, ends with the counters of one clean
 * delivery — for a rebill, for a refund, and for a sale that arrives after its rebill and refund
 * and has to carry them to its link. As in {@link WorkerFaultInjectionTest}, the dying worker's
 * counter store writes through the killing client, redeliveries come after the lease, and
 * {@link KillAtEveryWrite} counts the writes of a clean delivery.
 *
 * <p>One order: a click, the sale of 4900, a rebill of 4900, a refund of 6000, on a link that
 * counts rebills. No email, so no lead: the buyer's lead writes are {@link WorkerFaultInjectionTest}'s.
 * The refund takes 4900 from the rebill (the latest payment) and 1100 from the sale.
 */
@ExtendWith(LocalStackExtension.class)
class RebillRefundFaultInjectionTest {

  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");
  private static final Instant REBILLED = Instant.parse("2025-05-02T15:00:00Z");
  private static final Instant REFUNDED = Instant.parse("2025-05-10T15:00:00Z");
  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");
  private static final LocalDate REBILL_DAY = LocalDate.parse("2025-05-02");
  private static final LocalDate REFUND_DAY = LocalDate.parse("2025-05-10");


  private KillAtEveryWrite kills;
  private WorkerStores healthyStores;

  @BeforeEach
  void connect(LocalStack stack) {
    kills = KillAtEveryWrite.overTheWorker(stack);
    healthyStores = kills.stores();
  }

  @TestFactory
  Stream<DynamicTest> aRebillRedeliveredAfterAKillAtAnyWriteCountsOnce() {
    return kills.redeliveredAfterTheTimeout(() -> new Order().delivered(o -> o.click, o -> o.sale), o -> o.rebill,
        o -> o.delivered(x -> x.refund).assertCountsOfTheCleanOrder());
  }

  @TestFactory
  Stream<DynamicTest> aRefundRedeliveredAfterAKillAtAnyWriteCountsOnce() {
    return kills.redeliveredAfterTheTimeout(() -> new Order().delivered(o -> o.click, o -> o.sale, o -> o.rebill),
        o -> o.refund, Order::assertCountsOfTheCleanOrder);
  }

  @TestFactory
  Stream<DynamicTest> aSaleAfterItsRebillAndRefundRedeliveredAfterAKillAtAnyWriteCarriesThemToItsLinkOnce() {
    return kills.redeliveredAfterTheTimeout(() -> new Order().delivered(o -> o.click, o -> o.rebill, o -> o.refund),
        o -> o.sale, Order::assertCountsOfTheCleanOrder);
  }

  /** Kills between the sale's credit change and its order's settlement included: the redelivery still carries them. */
  @TestFactory
  Stream<DynamicTest> aLateClickRedeliveredAfterAKillAtAnyWriteTakesTheSaleWithItsRebillAndRefundOnce() {
    return kills.redeliveredAfterTheTimeout(() -> new Order().delivered(o -> o.sale, o -> o.rebill, o -> o.refund),
        o -> o.click, Order::assertCountsOfTheCleanOrder);
  }

  @TestFactory
  Stream<DynamicTest> aRefundDeliveredAgainAtOnceIsRefusedOnlyWhileTheKilledWorkersCounterLeaseLivesAndThenCountsOnce() {
    return kills.deliveredAgainAtOnce(() -> new Order().delivered(o -> o.click, o -> o.sale, o -> o.rebill),
        o -> o.refund, Order::assertCountsOfTheCleanOrder);
  }

  /** One run's link and order, under ids of its own. */
  private final class Order {
    final String run = TestIds.suffix();
    final String slug = "monthly-" + run;
    final String product = "prod_" + run;
    final ClickEvent click = new ClickEvent(slug, "click" + run, "visitor" + run, CLICKED);
    final OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:sale_" + run, PAID, "sub-" + run,
        null, product, 4900, "USD", null, "visitor" + run, "click" + run);
    final OrderEvent rebill = new OrderEvent(OrderEvent.Kind.REBILL, "orders:rebill_" + run, REBILLED,
        "sub-" + run, "in_" + run, product, 4900, "USD", null, null, null);
    final OrderEvent refund = new OrderEvent(OrderEvent.Kind.REFUND, "orders:refund_" + run, REFUNDED,
        "sub-" + run, "re_" + run, product, 6000, "USD", null, null, null);

    Order() {
      healthyStores.links().create(new Link(slug, "Monthly", "https://shop.example.com/monthly", "ads", null,
          Goal.purchase(product), 30, true, CLICKED.minusSeconds(86_400), false));
    }

    @SafeVarargs
    final Order delivered(Function<Order, TrackingEvent>... events) {
      for (Function<Order, TrackingEvent> event : events) {
        kills.deliver(event.apply(this));
      }
      return this;
    }

    void assertCountsOfTheCleanOrder() {
      assertThat(kills.counts(Counter.Subject.LINK, slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
      assertThat(kills.counts(Counter.Subject.LINK, slug, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 4900L));
      assertThat(kills.counts(Counter.Subject.LINK, slug, REFUND_DAY))
          .isEqualTo(Map.of("refunded.USD", 6000L, "revenue.USD", -6000L));
      assertThat(kills.counts(Counter.Subject.PRODUCT, product, SALE_DAY))
          .isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
      assertThat(kills.counts(Counter.Subject.PRODUCT, product, REBILL_DAY))
          .isEqualTo(Map.of("rebills", 1L, "revenue.USD", 4900L));
      assertThat(kills.counts(Counter.Subject.PRODUCT, product, REFUND_DAY))
          .isEqualTo(Map.of("refunds", 1L, "refunded.USD", 6000L, "revenue.USD", -6000L));
      assertThat(healthyStores.orders().settlement(sale.orderId()).pending()).isNull();
    }
  }
}
