package io.goalpost.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.testing.InMemoryWorkerStores;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

  private static final Instant AT = Instant.parse("2025-04-02T10:00:00Z");

  private final InMemoryWorkerStores stores = InMemoryWorkerStores.create();
  private final EventRecorder recorder = EventRecorder.over(stores.stores(), AttributionModel.LAST_TOUCH);

  private static OrderEvent order(OrderEvent.Kind kind) {
    return new OrderEvent(kind, "orders:msg_1", AT, "ord_1", "pay_2", "prod", 900, "USD", null, null, null);
  }

  @Test
  void recordsClicksSalesAndPageEvents() {
    assertThat(recorder.record(new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp", null, AT)))
        .isEqualTo(EventRecorder.Outcome.RECORDED);
    assertThat(recorder.record(order(OrderEvent.Kind.SALE))).isEqualTo(EventRecorder.Outcome.RECORDED);
    assertThat(recorder.record(new PageEvent(PageEvent.Kind.OPT_IN, "p:e1", AT, "https://shop.example.com/",
        null, PageEvent.Consent.ALL, "Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp", "newsletter", null)))
        .isEqualTo(EventRecorder.Outcome.RECORDED);

    assertThat(stores.clicks().size()).isEqualTo(1);
    assertThat(stores.conversions().find("sale#ord_1")).isPresent();
    assertThat(stores.conversions().find("opt_in#p:e1")).isPresent();
    assertThat(stores.touches().of("Vq3mXkP9aZr2LdT8wYbN4c")).hasSize(1);
  }

  @Test
  void recordsRebillsAndRefundsAsPaymentsOfTheirOrderWithoutAConversion() {
    assertThat(recorder.record(order(OrderEvent.Kind.REBILL))).isEqualTo(EventRecorder.Outcome.RECORDED);
    assertThat(recorder.record(new OrderEvent(OrderEvent.Kind.REFUND, "orders:msg_2", AT, "ord_1", "re_3", "prod",
        400, "USD", null, null, null))).isEqualTo(EventRecorder.Outcome.RECORDED);

    assertThat(stores.orders().paymentsOf("ord_1")).extracting(OrderPayment::paymentId).containsExactly("pay_2", "re_3");
    assertThat(stores.conversions().find("sale#ord_1")).isEmpty();
    assertThat(stores.catalog().list(10, null)).extracting(p -> p.productId()).containsExactly("prod");
  }
}
