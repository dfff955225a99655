package io.goalpost.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderLedgerTest {

  private static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");
  private static final Conversion SALE = new Conversion("sale#o1", Conversion.Kind.SALE, PAID, null, null, "o1",
      "prod", 1000, "USD", null, null);
  private static final Credit CREDIT = new Credit("spring", "clickA", CreditPath.CLICK_ID);

  private static OrderPayment payment(OrderPayment.Kind kind, String id, String day, long amount) {
    return new OrderPayment(kind, "o1", id, Instant.parse(day + "T12:00:00Z"), "prod", amount, "USD");
  }

  private static Delta row(Counter counter, Map<String, Long> amounts) {
    return new Delta(counter, amounts);
  }

  @Test
  void takesARefundFromTheLatestPaidRebillBeforeItThenFromTheSale() {
    List<OrderPayment> payments = List.of(payment(OrderPayment.Kind.REBILL, "in_1", "2025-05-02", 1000),
        payment(OrderPayment.Kind.REBILL, "in_2", "2025-06-02", 1000),
        payment(OrderPayment.Kind.REFUND, "re_1", "2025-05-10", 1500));

    Tally tally = OrderLedger.of(SALE, CREDIT, false, payments);

    // re_1 (May 10) may not return in_2 (June 2): 1000 from in_1, 500 from the sale. The link,
    // without countRebills, loses only the sale's 500.
    LocalDate refundDay = LocalDate.parse("2025-05-10");
    assertThat(tally.deltas()).contains(
        row(Counter.link("spring", refundDay), Map.of("refunded.USD", 500L, "revenue.USD", -500L)),
        row(Counter.product("prod", refundDay), Map.of("refunds", 1L, "refunded.USD", 1500L, "revenue.USD", -1500L)));
    assertThat(tally.deltas()).noneMatch(delta -> delta.counter().subject() == Counter.Subject.LINK
        && !delta.counter().day().equals(refundDay));
  }

  @Test
  void touchesNoLinkWhileTheSaleIsMissingOrUncredited() {
    List<OrderPayment> payments = List.of(payment(OrderPayment.Kind.REBILL, "in_1", "2025-05-02", 1000),
        payment(OrderPayment.Kind.REFUND, "re_1", "2025-05-10", 300));

    for (Tally tally : List.of(OrderLedger.of(null, null, true, payments), OrderLedger.of(SALE, null, true, payments))) {
      assertThat(tally.deltas()).allMatch(delta -> delta.counter().subject() == Counter.Subject.PRODUCT);
    }
  }

  @Test
  void givesTheSameTallyForTheSamePaymentsInAnyOrder() {
    OrderPayment a = payment(OrderPayment.Kind.REFUND, "re_a", "2025-05-10", 700);
    OrderPayment b = payment(OrderPayment.Kind.REFUND, "re_b", "2025-05-10", 700);
    OrderPayment c = payment(OrderPayment.Kind.REBILL, "in_c", "2025-05-02", 200);

    assertThat(OrderLedger.of(SALE, CREDIT, true, List.of(a, b, c)))
        .isEqualTo(OrderLedger.of(SALE, CREDIT, true, List.of(c, b, a)));
  }
}
