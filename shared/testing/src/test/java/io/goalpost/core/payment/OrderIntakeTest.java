package io.goalpost.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.goalpost.core.event.OrderEvent;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.TestEmailSeal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class OrderIntakeTest {

    private static final String DELIVERY = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
    private static final NewOrder SALE = new NewOrder("sale", "order-1001", null, "prod_spring", new BigDecimal("4900"),
            "usd", "  Buyer@Example.COM ", VISITOR, CLICK, "2025-04-01T09:31:00Z");

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final OrderIntake intake = new OrderIntake(queue, outbox, TestEmailSeal.IN_MEMORY);

    @Test
    void putsASaleOnTheQueueUnderTheDeliveryIdWithItsCurrencyUpperCasedAndItsEmailNormalisedAndSealed() {
        OrderReceipt receipt = intake.receive(DELIVERY, SALE);

        OrderEvent withoutEmail = new OrderEvent(OrderEvent.Kind.SALE, "orders:" + DELIVERY,
                Instant.parse("2025-04-01T09:31:00Z"), "order-1001", null, "prod_spring", 4900, "USD",
                null, VISITOR, CLICK);
        OrderEvent sent = ((OrderReceipt.Enqueued) receipt).event();
        assertThat(sent.withSealedEmail(null)).isEqualTo(withoutEmail);
        assertThat(sent.sealedEmail()).doesNotContain("@").doesNotContainIgnoringCase("example");
        assertThat(TestEmailSeal.opened(sent)).isEqualTo("buyer@example.com");
        assertThat(queue.events()).containsExactly(sent);
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void sealsTheEmailOfAnOrderItKeepsInTheOutbox() {
        queue.failWith(new IllegalStateException("queue unreachable"));

        intake.receive(DELIVERY, SALE);

        OrderEvent kept = (OrderEvent) outbox.events().get(0);
        assertThat(kept.sealedEmail()).doesNotContain("@");
        assertThat(TestEmailSeal.opened(kept)).isEqualTo("buyer@example.com");
    }

    @Test
    void takesRebillsAndRefundsThatNameTheirPayment() {
        intake.receive("msg_rebill", order(SALE, "rebill", "pay_2", SALE.amount()));
        intake.receive("msg_refund", order(SALE, "refund", "pay_2:refund", new BigDecimal("1500")));

        assertThat(queue.events()).extracting(e -> ((OrderEvent) e).kind(), e -> ((OrderEvent) e).paymentId(),
                        e -> ((OrderEvent) e).amount())
                .containsExactly(tuple(OrderEvent.Kind.REBILL, "pay_2", 4900L),
                        tuple(OrderEvent.Kind.REFUND, "pay_2:refund", 1500L));
    }

    @Test
    void takesASaleWithOnlyItsRequiredFieldsAndASaleOfNothing() {
        NewOrder bare = new NewOrder("sale", "order-1", null, "p", BigDecimal.ZERO, "EUR", null, null, null,
                "2025-04-01T09:31:00Z");

        assertThat(intake.receive(DELIVERY, bare)).isInstanceOf(OrderReceipt.Enqueued.class);
        assertThat(((OrderEvent) queue.events().get(0)).amount()).isZero();
    }

    @Test
    void treatsOptionalFieldsSentAsEmptyStringsAsAbsent() {
        NewOrder order = new NewOrder("sale", "order-1", "", "p", BigDecimal.TEN, "EUR", "", "", "",
                "2025-04-01T09:31:00Z");

        intake.receive(DELIVERY, order);

        assertThat(queue.events()).singleElement().satisfies(e -> {
            OrderEvent event = (OrderEvent) e;
            assertThat(event.paymentId()).isNull();
            assertThat(event.sealedEmail()).isNull();
            assertThat(event.visitorId()).isNull();
            assertThat(event.clickId()).isNull();
        });
    }

    @Test
    void readsAnEventTimeWithAnOffsetAsTheSameInstantInUtc() {
        intake.receive(DELIVERY, at(SALE, "2025-04-01T11:31:00.250+02:00"));

        assertThat(queue.events().get(0).occurredAt()).isEqualTo(Instant.parse("2025-04-01T09:31:00.250Z"));
    }

    @Test
    void putsARepeatedDeliveryOnTheQueueAgainUnderTheSameEventId() {
        intake.receive(DELIVERY, SALE);
        intake.receive(DELIVERY, SALE);

        assertThat(queue.events()).hasSize(2).extracting(e -> e.eventId()).containsOnly("orders:" + DELIVERY);
    }

    @Test
    void keepsTheOrderInTheOutboxWhenTheQueueRefusesIt() {
        queue.failWith(new IllegalStateException("queue unreachable"));

        OrderReceipt receipt = intake.receive(DELIVERY, SALE);

        assertThat(receipt).isInstanceOf(OrderReceipt.Kept.class);
        assertThat(outbox.events()).containsExactly(((OrderReceipt.Kept) receipt).event());
    }

    @Test
    void saysUnavailableWhenNeitherTheQueueNorTheOutboxTakesIt() {
        queue.failWith(new IllegalStateException("queue unreachable"));
        outbox.failWith(new IllegalStateException("table unreachable"));

        OrderReceipt receipt = intake.receive(DELIVERY, SALE);

        assertThat(receipt).isInstanceOf(OrderReceipt.Unavailable.class);
        assertThat(receipt.toString()).contains("orders:" + DELIVERY).doesNotContainIgnoringCase("buyer@example.com");
    }

    @Test
    void neverPrintsTheEmailInAReceipt() {
        assertThat(intake.receive(DELIVERY, SALE).toString()).doesNotContainIgnoringCase("example.com");
        assertThat(SALE.toString()).doesNotContainIgnoringCase("example.com");
    }

    static Stream<Arguments> brokenOrders() {
        return Stream.of(
                broken("webhook-id", null, SALE),
                broken("webhook-id", "msg with spaces", SALE),
                broken("webhook-id", "m".repeat(129), SALE),
                broken("type", DELIVERY, order(SALE, null, null, SALE.amount())),
                broken("type", DELIVERY, order(SALE, "chargeback", null, SALE.amount())),
                broken("type", DELIVERY, order(SALE, "SALE", null, SALE.amount())),
                broken("orderId", DELIVERY, new NewOrder("sale", null, null, "p", BigDecimal.ONE, "USD", null, null, null,
                        "2025-04-01T09:31:00Z")),
                broken("orderId", DELIVERY, new NewOrder("sale", "order 1", null, "p", BigDecimal.ONE, "USD", null, null,
                        null, "2025-04-01T09:31:00Z")),
                broken("orderId", DELIVERY, new NewOrder("sale", "o".repeat(65), null, "p", BigDecimal.ONE, "USD", null,
                        null, null, "2025-04-01T09:31:00Z")),
                broken("paymentId", DELIVERY, order(SALE, "rebill", null, SALE.amount())),
                broken("paymentId", DELIVERY, order(SALE, "refund", "", SALE.amount())),
                broken("paymentId", DELIVERY, order(SALE, "refund", "pay/2", SALE.amount())),
                broken("productId", DELIVERY, new NewOrder("sale", "o", null, null, BigDecimal.ONE, "USD", null, null, null,
                        "2025-04-01T09:31:00Z")),
                broken("productId", DELIVERY, new NewOrder("sale", "o", null, "prod#1", BigDecimal.ONE, "USD", null, null,
                        null, "2025-04-01T09:31:00Z")),
                broken("amount", DELIVERY, order(SALE, "sale", null, null)),
                broken("amount", DELIVERY, order(SALE, "sale", null, new BigDecimal("-1"))),
                broken("amount", DELIVERY, order(SALE, "sale", null, new BigDecimal("49.00"))),
                broken("amount", DELIVERY, order(SALE, "sale", null, new BigDecimal("49.5"))),
                broken("amount", DELIVERY, order(SALE, "sale", null, new BigDecimal("9223372036854775808"))),
                broken("currency", DELIVERY, currency(null)),
                broken("currency", DELIVERY, currency("US")),
                broken("currency", DELIVERY, currency("USDT")),
                broken("currency", DELIVERY, currency("U$D")),
                broken("email", DELIVERY, email("buyer-at-example.com")),
                broken("email", DELIVERY, email("buyer@example.com\nBcc: x@y.z")),
                broken("email", DELIVERY, email("a".repeat(250) + "@example.com")),
                broken("visitorId", DELIVERY, ids("short", null)),
                broken("visitorId", DELIVERY, ids("Vq3mXkP9aZr2LdT8wYbN4c-", null)),
                broken("clickId", DELIVERY, ids(null, "A".repeat(33))),
                broken("clickId", DELIVERY, ids(null, "Ab3dEf6hIj9k_m2nOp5qRs")),
                broken("occurredAt", DELIVERY, at(SALE, null)),
                broken("occurredAt", DELIVERY, at(SALE, "2025-04-01")),
                broken("occurredAt", DELIVERY, at(SALE, "2025-04-01T09:31:00")),
                broken("occurredAt", DELIVERY, at(SALE, "1743499860")),
                broken("occurredAt", DELIVERY, at(SALE, "yesterday")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("brokenOrders")
    void refusesABrokenOrderNamingTheFieldAndRecordsNothing(String field, String delivery, NewOrder order) {
        OrderReceipt receipt = intake.receive(delivery, order);

        assertThat(receipt).isInstanceOfSatisfying(OrderReceipt.Invalid.class, invalid -> {
            assertThat(invalid.field()).isEqualTo(field);
            assertThat(invalid.message()).startsWith(field + " ");
            if (order.email() != null) {
                assertThat(invalid.message()).as("never echoes the email").doesNotContain(order.email().strip());
            }
        });
        assertThat(queue.events()).isEmpty();
        assertThat(outbox.events()).isEmpty();
    }

    private static Arguments broken(String field, String delivery, NewOrder order) {
        return Arguments.of(field, delivery, order);
    }

    private static NewOrder order(NewOrder o, String type, String paymentId, BigDecimal amount) {
        return new NewOrder(type, o.orderId(), paymentId, o.productId(), amount, o.currency(), o.email(),
                o.visitorId(), o.clickId(), o.occurredAt());
    }

    private static NewOrder at(NewOrder o, String occurredAt) {
        return new NewOrder(o.type(), o.orderId(), o.paymentId(), o.productId(), o.amount(), o.currency(), o.email(),
                o.visitorId(), o.clickId(), occurredAt);
    }

    private static NewOrder currency(String currency) {
        return new NewOrder("sale", "o", null, "p", BigDecimal.ONE, currency, null, null, null, "2025-04-01T09:31:00Z");
    }

    private static NewOrder email(String email) {
        return new NewOrder("sale", "o", null, "p", BigDecimal.ONE, "USD", email, null, null, "2025-04-01T09:31:00Z");
    }

    private static NewOrder ids(String visitorId, String clickId) {
        return new NewOrder("sale", "o", null, "p", BigDecimal.ONE, "USD", null, visitorId, clickId,
                "2025-04-01T09:31:00Z");
    }
}
