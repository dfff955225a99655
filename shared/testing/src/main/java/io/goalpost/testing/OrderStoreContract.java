package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.OrderPayment;
import io.goalpost.core.attribution.OrderSettlement;
import io.goalpost.core.attribution.OrderStore;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.counter.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every OrderStore must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class OrderStoreContract {

  private static final LocalDate DAY = LocalDate.parse("2025-05-02");

  private final String suffix = TestIds.suffix();
  private final String order = "ord" + suffix;

  protected abstract OrderStore store();

  private OrderPayment payment(OrderPayment.Kind kind, String paymentId, String at, long amount, String currency) {
    return new OrderPayment(kind, order, paymentId, Instant.parse(at), "prod_spring", amount, currency);
  }

  private static Tally tally(long rebills, long revenue) {
    Counter product = Counter.product("prod_spring", DAY);
    return Tally.of(List.of(new Delta(product, Map.of("rebills", rebills, "revenue.USD", revenue))));
  }

  private static Operation move(String id) {
    return new Operation(id, List.of(Delta.of(Counter.product("prod_spring", DAY), "rebills", 1)));
  }

  @Test
  void keepsTheFirstFactsOfAPaymentAndListsAnOrdersPaymentsEarliestFirst() {
    OrderPayment rebill = payment(OrderPayment.Kind.REBILL, "in_2", "2025-05-02T10:00:00Z", 4900, "USD");
    OrderPayment refund = payment(OrderPayment.Kind.REFUND, "re_1", "2025-05-01T10:00:00.123456789Z", 900, "EUR");

    assertThat(store().putIfAbsent(rebill)).isEqualTo(rebill);
    assertThat(store().putIfAbsent(refund)).isEqualTo(refund);
    assertThat(store().putIfAbsent(payment(OrderPayment.Kind.REBILL, "in_2", "2025-05-03T10:00:00Z", 1, "USD")))
        .isEqualTo(rebill);

    assertThat(store().paymentsOf(order)).containsExactly(refund, rebill);
    assertThat(store().paymentsOf("other" + suffix)).isEmpty();
  }

  @Test
  void keepsARebillAndARefundUnderOnePaymentIdApart() {
    OrderPayment rebill = payment(OrderPayment.Kind.REBILL, "pay_1", "2025-05-02T10:00:00Z", 4900, "USD");
    OrderPayment refund = payment(OrderPayment.Kind.REFUND, "pay_1", "2025-05-02T10:00:00Z", 900, "USD");

    store().putIfAbsent(rebill);
    store().putIfAbsent(refund);

    assertThat(store().paymentsOf(order)).containsExactlyInAnyOrder(rebill, refund);
  }

  @Test
  void answersAnOrderNeverSettledAsNoneAtVersionZero() {
    assertThat(store().settlement(order)).isEqualTo(OrderSettlement.none());
  }

  @Test
  void changesTheSettlementOnlyFromTheVersionItHolds() {
    assertThat(store().changeSettlement(order, 1, tally(1, 4900), null)).isFalse();
    assertThat(store().changeSettlement(order, 0, tally(1, 4900), move("order#a#v1"))).isTrue();
    assertThat(store().changeSettlement(order, 0, tally(2, 9800), null)).isFalse();

    assertThat(store().settlement(order)).isEqualTo(new OrderSettlement(1, tally(1, 4900), move("order#a#v1")));

    assertThat(store().changeSettlement(order, 1, Tally.empty(), null)).isTrue();
    assertThat(store().settlement(order)).isEqualTo(new OrderSettlement(2, Tally.empty(), null));
  }

  @Test
  void clearsThePendingOperationOnlyIfItIsStillTheOneNamed() {
    store().changeSettlement(order, 0, tally(1, 4900), move("order#a#v1"));

    store().clearPending(order, "order#a#v0");
    assertThat(store().settlement(order).pending()).isEqualTo(move("order#a#v1"));

    store().clearPending(order, "order#a#v1");
    assertThat(store().settlement(order)).isEqualTo(new OrderSettlement(1, tally(1, 4900), null));
    store().clearPending("never" + suffix, "order#x#v1");
  }
}
