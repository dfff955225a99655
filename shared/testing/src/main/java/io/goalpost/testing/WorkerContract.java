package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.link.Goal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the worker must do over any stores (SPEC §3 Attribution, §5): count clicks and sales once
 * whatever is redelivered, credit a sale to the link of the click its click id names, and end
 * with the same credit and counters in any order. Run over the in-memory fakes and over the
 * DynamoDB adapters on the emulator; ids carry a per-test suffix, so a shared table works.
 */
public abstract class WorkerContract extends WorkerScenario {

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  // ---- clicks ---------------------------------------------------------------------------

  @Test
  void countsAClickOnItsLinkOnItsDay() {
    String slug = purchaseLink("spring");

    deliver(click(slug, "clickA", CLICKED, "visitor"));

    assertThat(linkCounts(slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
    assertThat(stores().lineages().clicksOf(id("visitor"))).extracting(c -> c.clickId()).containsExactly(id("clickA"));
  }

  @Test
  void countsARedeliveredClickOnce() {
    String slug = purchaseLink("spring");
    ClickEvent click = click(slug, "clickA", CLICKED, null);

    deliver(click, click);
    deliver(click);

    assertThat(linkCounts(slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
  }

  @Test
  void countsOneVisitorsClicksOfADayAsOneUniqueClickerAndAgainTheNextDay() {
    String slug = purchaseLink("spring");
    ClickEvent first = click(slug, "clickA", CLICKED, "visitor");
    ClickEvent second = click(slug, "clickB", CLICKED.plusSeconds(60), "visitor");
    ClickEvent nextDay = click(slug, "clickC", CLICKED.plus(Duration.ofDays(1)), "visitor");

    deliver(second, first, nextDay, second);

    assertThat(linkCounts(slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 2L, "uniqueClicks", 1L));
    assertThat(linkCounts(slug, CLICK_DAY.plusDays(1))).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
  }

  @Test
  void countsEveryClickWithoutAVisitorIdAsItsOwnClicker() {
    String slug = purchaseLink("spring");

    deliver(click(slug, "clickA", CLICKED, null), click(slug, "clickB", CLICKED, null));

    assertThat(linkCounts(slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 2L, "uniqueClicks", 2L));
  }

  // ---- sales ----------------------------------------------------------------------------

  @Test
  void creditsASaleToTheLinkOfTheClickItNamesOnTheSalesDay() {
    String slug = purchaseLink("spring");

    deliver(click(slug, "clickA", CLICKED, "visitor"), sale("order1", "d1", "clickA", PAID, 4900));

    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(productCounts(SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
    assertThat(stored("order1")).satisfies(record -> {
      assertThat(record.credit()).isEqualTo(new Credit(slug, id("clickA"), CreditPath.CLICK_ID));
      assertThat(record.version()).isEqualTo(1);
      assertThat(record.pending()).isNull();
    });
  }

  @Test
  void countsARedeliveredSaleAndTheSameOrderUnderAnotherDeliveryIdOnce() {
    String slug = purchaseLink("spring");
    OrderEvent sale = sale("order1", "d1", "clickA", PAID, 4900);

    deliver(click(slug, "clickA", CLICKED, null), sale, sale);
    deliver(sale("order1", "d2", "clickA", PAID, 4900), sale);

    assertThat(linkCounts(slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(productCounts(SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
    assertThat(stored("order1").version()).isEqualTo(1);
  }

  @Test
  void givesASaleThatArrivesBeforeItsClickTheSameCreditAsTheNaturalOrder() {
    String slug = purchaseLink("spring");

    deliver(sale("order1", "d1", "clickA", PAID, 4900));
    assertThat(stored("order1").credit()).isNull();
    deliver(click(slug, "clickA", CLICKED, "visitor"));

    assertThat(stored("order1").credit()).isEqualTo(new Credit(slug, id("clickA"), CreditPath.CLICK_ID));
    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(productCounts(SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
  }

  @Test
  void endsWithTheSameCreditAndCountersInEveryOrderOfTwoClicksTheSaleOfOneAndADuplicate() {
    List<List<Integer>> orders = permutations(List.of(0, 1, 2, 3));
    for (List<Integer> order : orders) {
      String run = runName(order);
      String linkA = purchaseLink(run + "a");
      String linkB = purchaseLink(run + "b");
      List<TrackingEvent> events = List.of(
          click(linkA, run + "clickA", CLICKED, run + "visitor"),
          click(linkB, run + "clickB", CLICKED.plusSeconds(600), run + "visitor"),
          sale(run + "order", run, run + "clickB", PAID, 2500),
          click(linkA, run + "clickA", CLICKED, run + "visitor"));

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stored(run + "order").credit()).as("order %s", order)
          .isEqualTo(new Credit(linkB, id(run + "clickB"), CreditPath.CLICK_ID));
      assertThat(linkCounts(linkA, CLICK_DAY)).as("order %s", order).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
      assertThat(linkCounts(linkA, SALE_DAY)).as("order %s", order).isEmpty();
      assertThat(linkCounts(linkB, CLICK_DAY)).as("order %s", order).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
      assertThat(linkCounts(linkB, SALE_DAY)).as("order %s", order).isEqualTo(Map.of("goals", 1L, "revenue.USD", 2500L));
    }
  }

  @Test
  void creditsASaleOfAnyProductToALinkWhosePurchaseGoalNamesNone() {
    String slug = link("anyproduct", Goal.purchase(null), 30);

    deliver(click(slug, "clickA", CLICKED, null), sale("order1", "d1", "clickA", PAID, 100));

    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 100L));
  }

  @Test
  void creditsASaleOnTheLastMomentOfTheWindow() {
    String slug = link("week", Goal.purchase(product()), 7);

    deliver(click(slug, "clickA", CLICKED, null), sale("order1", "d1", "clickA", CLICKED.plus(Duration.ofDays(7)), 100));

    assertThat(stored("order1").credit()).isEqualTo(new Credit(slug, id("clickA"), CreditPath.CLICK_ID));
  }

  @Test
  void givesNoCreditThroughALinkWithoutAPurchaseGoalOrWithAGoalForAnotherProduct() {
    String noGoal = link("nogoal", null, 30);
    String optIn = link("optin", Goal.optIn(null), 30);
    String otherProduct = link("other", Goal.purchase("prod_other"), 30);

    deliver(click(noGoal, "clickA", CLICKED, null), sale("order1", "d1", "clickA", PAID, 100),
        click(optIn, "clickB", CLICKED, null), sale("order2", "d2", "clickB", PAID, 100),
        sale("order3", "d3", "clickC", PAID, 100), click(otherProduct, "clickC", CLICKED, null));

    for (String order : List.of("order1", "order2", "order3")) {
      assertThat(stored(order).credit()).as(order).isNull();
      assertThat(stored(order).version()).as(order).isZero();
    }
    for (String slug : List.of(noGoal, optIn, otherProduct)) {
      assertThat(linkCounts(slug, SALE_DAY)).as(slug).isEmpty();
    }
    assertThat(productCounts(SALE_DAY)).isEqualTo(Map.of("sales", 3L, "revenue.USD", 300L));
  }

  @Test
  void givesNoCreditOutsideTheWindowOrToAClickAfterTheSale() {
    String slug = link("week", Goal.purchase(product()), 7);
    Instant windowEnd = CLICKED.plus(Duration.ofDays(7));

    deliver(click(slug, "clickA", CLICKED, null), sale("order1", "d1", "clickA", windowEnd.plusMillis(1), 100),
        sale("order2", "d2", "clickB", CLICKED.minusSeconds(1), 100), click(slug, "clickB", CLICKED, null));

    assertThat(stored("order1").credit()).isNull();
    assertThat(stored("order2").credit()).isNull();
  }

  @Test
  void givesNoCreditForASaleNamingAClickThatNeverArrived() {
    purchaseLink("spring");

    deliver(sale("order1", "d1", "clickA", PAID, 4900));

    assertThat(stored("order1").credit()).isNull();
    assertThat(productCounts(SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
  }

  // ---- concurrency ----------------------------------------------------------------------

  @Test
  void creditsOnceWhenTwoWorkersRecordTheClickAndTheSaleAtTheSameTime() throws Exception {
    for (int round = 0; round < 8; round++) {
      String slug = purchaseLink("race" + round);
      ClickEvent click = click(slug, "click" + round, CLICKED, null);
      OrderEvent sale = sale("order" + round, "d" + round, "click" + round, PAID, 700);
      CyclicBarrier start = new CyclicBarrier(2);
      EventRecorder one = worker();
      EventRecorder other = worker();

      CompletableFuture<?> clicking = CompletableFuture.runAsync(() -> atOnce(start, () -> one.record(click)), threads);
      CompletableFuture<?> selling = CompletableFuture.runAsync(() -> atOnce(start, () -> other.record(sale)), threads);
      CompletableFuture.allOf(clicking, selling).get(30, TimeUnit.SECONDS);

      assertThat(stored("order" + round).credit()).as("round %d", round)
          .isEqualTo(new Credit(slug, id("click" + round), CreditPath.CLICK_ID));
      assertThat(stored("order" + round).pending()).as("round %d", round).isNull();
      assertThat(linkCounts(slug, SALE_DAY)).as("round %d", round).isEqualTo(Map.of("goals", 1L, "revenue.USD", 700L));
    }
  }

  @Test
  protected void countsOneOrderOnceWhenTwoWorkersRecordItFromTwoDeliveriesAtTheSameTime() throws Exception {
    for (int round = 0; round < 8; round++) {
      String slug = purchaseLink("twice" + round);
      deliver(click(slug, "click" + round, CLICKED, null));
      OrderEvent first = sale("order" + round, "first" + round, "click" + round, PAID, 700);
      OrderEvent second = sale("order" + round, "second" + round, "click" + round, PAID, 700);
      CyclicBarrier start = new CyclicBarrier(2);
      EventRecorder one = worker();
      EventRecorder other = worker();

      CompletableFuture<?> a = CompletableFuture.runAsync(() -> atOnce(start, () -> one.record(first)), threads);
      CompletableFuture<?> b = CompletableFuture.runAsync(() -> atOnce(start, () -> other.record(second)), threads);
      CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

      assertThat(linkCounts(slug, SALE_DAY)).as("round %d", round).isEqualTo(Map.of("goals", 1L, "revenue.USD", 700L));
      assertThat(productCounts(SALE_DAY)).as("round %d", round)
          .isEqualTo(Map.of("sales", (long) round + 1, "revenue.USD", 700L * (round + 1)));
      assertThat(stored("order" + round).version()).as("round %d", round).isEqualTo(1);
    }
  }
}
