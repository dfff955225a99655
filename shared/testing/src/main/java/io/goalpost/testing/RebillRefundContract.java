package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.product.Product;
import io.goalpost.core.product.ProductListResult;
import io.goalpost.core.product.ProductStatistics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rebills and refunds in the worker (SPEC §3 Payments and Attribution,
 * docs/decisions/005-rebills-and-refunds.md), over any stores: product stats count them at once on
 * their own day; their effect on a link waits for the order's sale and follows its credit; rebills
 * reach a link only with {@code countRebills}; a refund is capped at what the order counted and
 * counts once by its own id; goals stay. Every number is worked out by hand in the comments.
 */
public abstract class RebillRefundContract extends WorkerScenario {

  protected static final Instant REBILLED = Instant.parse("2025-05-02T08:00:00Z");
  protected static final Instant REFUNDED = Instant.parse("2025-05-10T12:00:00Z");
  protected static final LocalDate REBILL_DAY = LocalDate.parse("2025-05-02");
  protected static final LocalDate REFUND_DAY = LocalDate.parse("2025-05-10");

  @Test
  void countsARebillInProductStatsAtOnceOnItsOwnDayBeforeItsSaleArrives() {
    String slug = rebillingLink("monthly");

    deliver(rebill("order1", "in_2", REBILLED, 2900));

    assertThat(productCounts(REBILL_DAY)).isEqualTo(Map.of("rebills", 1L, "revenue.USD", 2900L));
    assertThat(linkCounts(slug, REBILL_DAY)).isEmpty();
  }

  @Test
  void addsARebillToTheCreditedLinksRevenueOnItsOwnDayOnlyWhenTheLinkCountsRebills() {
    String counting = rebillingLink("counting");
    String notCounting = purchaseLink("notcounting");

    deliver(click(counting, "clickA", CLICKED, null), sale("order1", "d1", "clickA", PAID, 2900),
        rebill("order1", "in_1", REBILLED, 2900),
        click(notCounting, "clickB", CLICKED, null), sale("order2", "d2", "clickB", PAID, 2900),
        rebill("order2", "in_2", REBILLED, 2900));

    // Each link: the sale's goal and 2900 on the sale's day; only the counting one gets the
    // rebill's 2900 on the rebill's day. The product: 2 rebills, 2 × 2900 = 5800.
    assertThat(linkCounts(counting, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 2900L));
    assertThat(linkCounts(counting, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 2900L));
    assertThat(linkCounts(notCounting, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 2900L));
    assertThat(linkCounts(notCounting, REBILL_DAY)).isEmpty();
    assertThat(productCounts(REBILL_DAY)).isEqualTo(Map.of("rebills", 2L, "revenue.USD", 5800L));
  }

  @Test
  void appliesARebillThatArrivedBeforeItsSaleToTheLinkWhenTheSaleIsCredited() {
    String slug = rebillingLink("monthly");

    deliver(rebill("order1", "in_2", REBILLED, 2900), click(slug, "clickA", CLICKED, null));
    assertThat(linkCounts(slug, REBILL_DAY)).isEmpty();
    deliver(sale("order1", "d1", "clickA", PAID, 2900));

    assertThat(linkCounts(slug, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 2900L));
    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 2900L));
  }

  @Test
  void subtractsARefundFromProductAndLinkOnItsOwnDayAndTheGoalStays() {
    String slug = purchaseLink("spring");

    deliver(click(slug, "clickA", CLICKED, null), sale("order1", "d1", "clickA", PAID, 4900),
        refund("order1", "re_1", REFUNDED, 1500));

    // Sale day untouched: goal 1, 4900. Refund day: 1500 refunded, revenue −1500 (4900 − 1500 = 3400 in all).
    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(linkCounts(slug, REFUND_DAY)).isEqualTo(Map.of("refunded.USD", 1500L, "revenue.USD", -1500L));
    assertThat(productCounts(SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
    assertThat(productCounts(REFUND_DAY))
        .isEqualTo(Map.of("refunds", 1L, "refunded.USD", 1500L, "revenue.USD", -1500L));
  }

  @Test
  void capsRefundsAtWhatTheOrderCountedAndCountsEachRefundOnce() {
    String slug = purchaseLink("spring");

    deliver(click(slug, "clickA", CLICKED, null), sale("order1", "d1", "clickA", PAID, 4900),
        refund("order1", "re_1", REFUNDED, 3000), refund("order1", "re_2", REFUNDED.plusSeconds(60), 3000));

    // 3000 + 3000 asked, 4900 counted: the first returns 3000, the second the 1900 left. Two refunds.
    assertThat(linkCounts(slug, REFUND_DAY)).isEqualTo(Map.of("refunded.USD", 4900L, "revenue.USD", -4900L));
    assertThat(productCounts(REFUND_DAY))
        .isEqualTo(Map.of("refunds", 2L, "refunded.USD", 4900L, "revenue.USD", -4900L));
  }

  @Test
  void touchesALinkWithARefundOfARebillOnlyWhenTheLinkCountsRebills() {
    String counting = rebillingLink("counting");
    String notCounting = purchaseLink("notcounting");

    for (String[] order : List.of(new String[] {counting, "clickA", "order1"},
        new String[] {notCounting, "clickB", "order2"})) {
      deliver(click(order[0], order[1], CLICKED, null), sale(order[2], order[2], order[1], PAID, 2900),
          rebill(order[2], order[2] + "in", REBILLED, 2900), refund(order[2], order[2] + "re", REFUNDED, 2900));
    }

    // The refund after the rebill returns the rebill (latest payment first). Counting link: +2900
    // on the rebill's day, −2900 on the refund's. The other link counted no rebill: untouched.
    assertThat(linkCounts(counting, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 2900L));
    assertThat(linkCounts(counting, REFUND_DAY)).isEqualTo(Map.of("refunded.USD", 2900L, "revenue.USD", -2900L));
    assertThat(linkCounts(notCounting, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 2900L));
    assertThat(linkCounts(notCounting, REBILL_DAY)).isEmpty();
    assertThat(linkCounts(notCounting, REFUND_DAY)).isEmpty();
    assertThat(productCounts(REFUND_DAY))
        .isEqualTo(Map.of("refunds", 2L, "refunded.USD", 5800L, "revenue.USD", -5800L));
  }

  @Test
  void capsARefundThatArrivesBeforeItsSaleAndAppliesItWhenTheSaleArrives() {
    String slug = purchaseLink("spring");

    deliver(refund("order1", "re_1", REFUNDED, 1500));
    // Nothing counted for the order yet: the refund counts, and returns nothing so far.
    assertThat(productCounts(REFUND_DAY)).isEqualTo(Map.of("refunds", 1L));

    deliver(click(slug, "clickA", CLICKED, null), sale("order1", "d1", "clickA", PAID, 4900));

    assertThat(productCounts(REFUND_DAY))
        .isEqualTo(Map.of("refunds", 1L, "refunded.USD", 1500L, "revenue.USD", -1500L));
    assertThat(linkCounts(slug, REFUND_DAY)).isEqualTo(Map.of("refunded.USD", 1500L, "revenue.USD", -1500L));
  }

  @Test
  void countsARedeliveredPaymentAndTheSamePaymentUnderAnotherDeliveryIdOnce() {
    String slug = rebillingLink("monthly");
    OrderEvent rebill = rebill("order1", "in_2", REBILLED, 2900);
    OrderEvent refund = refund("order1", "re_1", REFUNDED, 1000);
    OrderEvent refundAgain = new OrderEvent(OrderEvent.Kind.REFUND, "orders:another" + suffix, refund.occurredAt(),
        refund.orderId(), refund.paymentId(), refund.productId(), refund.amount(), "USD", null, null, null);

    deliver(click(slug, "clickA", CLICKED, null), sale("order1", "d1", "clickA", PAID, 2900),
        rebill, refund, rebill, refundAgain, refund);

    assertThat(linkCounts(slug, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 2900L));
    assertThat(linkCounts(slug, REFUND_DAY)).isEqualTo(Map.of("refunded.USD", 1000L, "revenue.USD", -1000L));
    assertThat(productCounts(REBILL_DAY)).isEqualTo(Map.of("rebills", 1L, "revenue.USD", 2900L));
    assertThat(productCounts(REFUND_DAY)).isEqualTo(Map.of("refunds", 1L, "refunded.USD", 1000L, "revenue.USD", -1000L));
  }

  @Test
  void movesRebillsAndRefundsWithTheCreditWhenALaterClickTakesTheSale() {
    String first = link("first", Goal.purchase(product()), 30, true);
    String later = link("later", Goal.purchase(product()), 30, true);
    OrderEvent sale = saleBy("visitor", "order1", "d1", null, PAID, 2900);

    deliver(click(first, "clickA", CLICKED, "visitor"), sale, rebill("order1", "in_2", REBILLED, 2900),
        refund("order1", "re_1", REFUNDED, 500));
    assertThat(linkCounts(first, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 2900L));
    deliver(click(later, "clickB", CLICKED.plusSeconds(3600), "visitor"));

    // Last touch: the later click takes the sale, and its rebill (+2900) and refund (−500) with it.
    assertThat(stored("order1").credit()).isEqualTo(new Credit(later, id("clickB"), CreditPath.COOKIE));
    for (LocalDate day : List.of(SALE_DAY, REBILL_DAY, REFUND_DAY)) {
      assertThat(linkCounts(first, day)).as("first link on %s", day).isEmpty();
    }
    assertThat(linkCounts(later, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 2900L));
    assertThat(linkCounts(later, REBILL_DAY)).isEqualTo(Map.of("revenue.USD", 2900L));
    assertThat(linkCounts(later, REFUND_DAY)).isEqualTo(Map.of("refunded.USD", 500L, "revenue.USD", -500L));
  }

  @Test
  void keepsTwoCurrenciesApartNeverConvertedAndCapsARefundInItsOwnCurrency() {
    String slug = rebillingLink("monthly");

    deliver(click(slug, "clickA", CLICKED, null), saleIn("USD", "order1", "clickA", PAID, 4900),
        click(slug, "clickB", CLICKED, null), saleIn("EUR", "order2", "clickB", PAID, 3900),
        payment(OrderEvent.Kind.REFUND, "order2", "re_9", "EUR", REFUNDED, 5000));

    // EUR refund of 5000 on a 3900 EUR order: capped at 3900; the USD order is untouched.
    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 2L, "revenue.USD", 4900L, "revenue.EUR", 3900L));
    assertThat(linkCounts(slug, REFUND_DAY)).isEqualTo(Map.of("refunded.EUR", 3900L, "revenue.EUR", -3900L));
    assertThat(productCounts(REFUND_DAY)).isEqualTo(Map.of("refunds", 1L, "refunded.EUR", 3900L, "revenue.EUR", -3900L));
  }

  /** The processing orders to try out of all 120; an emulator run may take a fixed sample. */
  protected List<List<Integer>> processingOrders(List<List<Integer>> all) {
    return all;
  }

  @Test
  void endsWithTheSameCountersInEveryOrderOfAClickASaleARebillARefundAndADuplicate() {
    for (List<Integer> order : processingOrders(permutations(List.of(0, 1, 2, 3, 4)))) {
      String run = runName(order);
      String slug = rebillingLink(run);
      List<TrackingEvent> events = List.of(
          click(slug, run + "click", CLICKED, null),
          sale(run + "order", run, run + "click", PAID, 2900),
          rebill(run + "order", run + "in", REBILLED, 2900),
          refund(run + "order", run + "re", REFUNDED, 4000),
          rebill(run + "order", run + "in", REBILLED, 2900));

      order.forEach(i -> deliver(events.get(i)));

      // 2900 + 2900 counted; the 4000 refund takes 2900 from the rebill, then 1100 from the sale.
      assertThat(linkCounts(slug, SALE_DAY)).as("order %s", order).isEqualTo(Map.of("goals", 1L, "revenue.USD", 2900L));
      assertThat(linkCounts(slug, REBILL_DAY)).as("order %s", order).isEqualTo(Map.of("revenue.USD", 2900L));
      assertThat(linkCounts(slug, REFUND_DAY)).as("order %s", order)
          .isEqualTo(Map.of("refunded.USD", 4000L, "revenue.USD", -4000L));
    }
  }

  @Test
  void listsTheProductOfEverySignedSaleRebillAndRefundFirstSeenAtItsEarliestPaymentWithItsTotals() {
    String sold = product() + "a";
    String rebilled = product() + "b";
    String refunded = product() + "c";

    deliver(new OrderEvent(OrderEvent.Kind.SALE, "orders:s" + suffix, PAID, "o1" + suffix, null, sold, 4900, "USD",
            null, null, null),
        new OrderEvent(OrderEvent.Kind.REBILL, "orders:r" + suffix, REBILLED, "o2" + suffix, "in" + suffix, rebilled,
            2900, "EUR", null, null, null),
        new OrderEvent(OrderEvent.Kind.REFUND, "orders:f" + suffix, REFUNDED, "o3" + suffix, "re" + suffix, refunded,
            500, "USD", null, null, null),
        new OrderEvent(OrderEvent.Kind.SALE, "orders:s2" + suffix, PAID.minusSeconds(60), "o4" + suffix, null, sold,
            100, "USD", null, null, null));

    assertThat(stores().catalog().list(3, product())).containsExactly(new Product(sold, PAID.minusSeconds(60)),
        new Product(rebilled, REBILLED), new Product(refunded, REFUNDED));
    // Totals over the 30 days up to the refund's day: 4900 + 100 in sales, lies outside (April 2);
    // the rebill's 2900 EUR and the refund (of nothing counted: its order has no sale) are inside.
    ProductStatistics statistics = new ProductStatistics(stores().catalog(), stores().counters(),
        Clock.fixed(REFUNDED, ZoneOffset.UTC));
    ProductListResult.Page page = (ProductListResult.Page) statistics.list("3",
        Base64.getUrlEncoder().withoutPadding().encodeToString(product().getBytes(StandardCharsets.UTF_8)));
    assertThat(page.items()).extracting(entry -> entry.product().productId()).containsExactly(sold, rebilled, refunded);
    assertThat(page.items().get(0).totals().sales()).isZero();
    assertThat(page.items().get(1).totals().rebills()).isEqualTo(1);
    assertThat(page.items().get(1).totals().revenue()).isEqualTo(Map.of("EUR", 2900L));
    assertThat(page.items().get(2).totals().refunds()).isEqualTo(1);
    assertThat(page.items().get(2).totals().refunded()).isEmpty();
  }
}
