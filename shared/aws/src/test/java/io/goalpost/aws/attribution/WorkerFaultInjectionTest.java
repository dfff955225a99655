package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.faults.KillAtEveryWrite;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.TestIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5: a worker killed right after any one of its DynamoDB writes, then the same message
 * redelivered to a healthy worker, ends with the counters and the credit of one clean delivery.
 * The dying worker's counter store goes through the same killing client, so kills land between
 * the counter store's writes too. Redeliveries come after the visibility timeout, as on SQS: the
 * shared clock moves past the dead worker's counter lease first. {@link KillAtEveryWrite} counts
 * the writes of a clean delivery; a sale with an email writes the buyer's lead too (decision 007).
 */
@ExtendWith(LocalStackExtension.class)
class WorkerFaultInjectionTest {

  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");
  private static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");
  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");


  private KillAtEveryWrite kills;
  private WorkerStores healthyStores;

  @BeforeEach
  void connect(LocalStack stack) {
    kills = KillAtEveryWrite.overTheWorker(stack);
    healthyStores = kills.stores();
  }

  @TestFactory
  Stream<DynamicTest> aClickRedeliveredAfterAKillAtAnyWriteCountsOnce() {
    return kills.redeliveredAfterTheTimeout(Order::new, order -> order.click, Order::assertOneClick);
  }

  @TestFactory
  Stream<DynamicTest> aSaleRedeliveredAfterAKillAtAnyWriteCountsAndIsCreditedOnce() {
    return kills.redeliveredAfterTheTimeout(() -> new Order().clicked(), order -> order.sale,
        Order::assertOneCleanClickAndSale);
  }

  @TestFactory
  Stream<DynamicTest> aLateClickRedeliveredAfterAKillAtAnyWriteWinsTheSaleOnce() {
    return kills.redeliveredAfterTheTimeout(() -> new Order().sold(), order -> order.click,
        Order::assertOneCleanClickAndSale);
  }

  @TestFactory
  Stream<DynamicTest> aClickDeliveredAgainAtOnceIsRefusedOnlyWhileTheKilledWorkersCounterLeaseLivesAndThenCountsOnce() {
    return kills.deliveredAgainAtOnce(Order::new, order -> order.click, Order::assertOneClick);
  }

  @TestFactory
  Stream<DynamicTest> aSaleDeliveredAgainAtOnceIsRefusedOnlyWhileTheKilledWorkersCounterLeaseLivesAndThenCountsOnce() {
    return kills.deliveredAgainAtOnce(() -> new Order().clicked(), order -> order.sale,
        Order::assertOneCleanClickAndSale);
  }

  /** One run's link, click and sale, under ids of its own. */
  private final class Order {
    final String run = TestIds.suffix();
    final String slug = "spring-" + run;
    final String product = "prod_" + run;
    final ClickEvent click = new ClickEvent(slug, "click" + run, "visitor" + run, CLICKED);
    final OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_" + run, PAID, "order-" + run, null,
        product, 4900, "USD", "buyer" + run + "@example.com", "visitor" + run, "click" + run);

    Order() {
      healthyStores.links().create(new Link(slug, "Spring", "https://shop.example.com/spring", "ads", null,
          Goal.purchase(product), 30, false, CLICKED.minusSeconds(86_400), false));
    }

    Order clicked() {
      kills.deliver(click);
      return this;
    }

    Order sold() {
      kills.deliver(sale);
      return this;
    }

    void assertOneClick() {
      assertThat(kills.counts(Counter.Subject.LINK, slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
      assertThat(healthyStores.lineages().clicksOf("visitor" + run)).hasSize(1);
    }

    void assertOneCleanClickAndSale() {
      assertOneClick();
      assertThat(kills.counts(Counter.Subject.LINK, slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
      assertThat(kills.counts(Counter.Subject.PRODUCT, product, SALE_DAY))
          .isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
      ConversionRecord stored = healthyStores.conversions().find(Conversion.saleId(sale.orderId())).orElseThrow();
      assertThat(stored.credit()).isEqualTo(new Credit(slug, click.clickId(), CreditPath.CLICK_ID));
      assertThat(stored.version()).isEqualTo(1);
      assertThat(stored.pending()).isNull();
    }
  }
}
