package io.goalpost.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.payment.StripeEvent.Charge;
import io.goalpost.core.payment.StripeEvent.CheckoutSession;
import io.goalpost.core.payment.StripeEvent.Invoice;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.TestEmailSeal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

// Lives beside the fakes (shared/testing) because the core cannot depend on them. The samples in
// events/ go through the whole route in the webhook function's tests; these pin each rule.
class StripeIntakeTest {

    private static final String VERSION = StripeIntake.PINNED_API_VERSION;
    private static final long CREATED = 1_795_694_398L;
    private static final Instant AT = Instant.ofEpochSecond(CREATED);
    private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
    private static final String SESSION_ID = "cs_live_b1Q2w3E4r5T6y7U8i9O0pAsDfGhJkLzXcVbNmQwErTyUiOpAsDfGhJkLzXcVbN";

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final StripeIntake intake = new StripeIntake(queue, outbox, TestEmailSeal.IN_MEMORY);

    private static Map<String, String> metadata(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static CheckoutSession session(String status, String subscription, String paymentIntent,
            Map<String, String> metadata, String clientReferenceId) {
        return new CheckoutSession(SESSION_ID, status, 4900L, "eur", "  Buyer@Example.COM ", clientReferenceId,
                metadata, subscription, paymentIntent);
    }

    private static CheckoutSession paid(Map<String, String> metadata) {
        return session("paid", null, "pi_3QabcDEF", metadata, null);
    }

    private static StripeEvent event(String type, StripeEvent.StripeObject object) {
        return new StripeEvent("evt_1Qa2b3", type, VERSION, CREATED, object);
    }

    private static Invoice invoice(String billingReason, Map<String, String> subscriptionMetadata,
            List<Map<String, String>> lines) {
        return new Invoice("in_1QxRenew", billingReason, 2900L, "usd", "buyer@example.com", "sub_1QmonthlY",
                subscriptionMetadata, lines);
    }

    private static Charge charge(String paymentIntent, Long refunded, Long before, Map<String, String> metadata) {
        return new Charge("ch_3QabcDEF", paymentIntent, refunded, before, "eur", metadata);
    }

    private OrderReceipt receive(String type, StripeEvent.StripeObject object) {
        return intake.receive(event(type, object));
    }

    @Test
    void turnsAPaidCheckoutIntoASaleOfItsPaymentIntentWithEveryIdItCarries() {
        OrderReceipt receipt = receive("checkout.session.completed",
                paid(metadata("product_id", "prod_spring", "gp_vid", VISITOR, "gp_cid", CLICK)));

        OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "stripe:evt_1Qa2b3", AT, "pi_3QabcDEF", null,
                "prod_spring", 4900, "EUR", null, VISITOR, CLICK);
        OrderEvent sent = ((OrderReceipt.Enqueued) receipt).event();
        assertThat(sent.withSealedEmail(null)).isEqualTo(sale);
        assertThat(TestEmailSeal.opened(sent)).isEqualTo("buyer@example.com");
        assertThat(queue.events()).containsExactly(sent);
    }

    @Test
    void makesTheSubscriptionTheOrderOfASubscriptionCheckout() {
        receive("checkout.session.completed",
                session("paid", "sub_1QmonthlY", null, metadata("product_id", "prod_club"), null));

        assertThat(onlyOrder().orderId()).isEqualTo("sub_1QmonthlY");
    }

    @Test
    void makesTheSessionTheOrderWhenThereIsNeitherSubscriptionNorPaymentCuttingItsIdTo64Characters() {
        receive("checkout.session.completed",
                session("no_payment_required", null, null, metadata("product_id", "prod_free"), null));

        assertThat(onlyOrder().orderId()).isEqualTo(SESSION_ID.substring(0, 64));
    }

    @Test
    void countsASessionThatNeedsNoPaymentAsASaleOfZeroAtOnce() {
        receive("checkout.session.completed", session("no_payment_required", "sub_1Qtrial", null,
                metadata("product_id", "prod_club"), VISITOR));

        OrderEvent sale = onlyOrder();
        assertThat(sale.kind()).isEqualTo(OrderEvent.Kind.SALE);
        assertThat(sale.amount()).isZero();
        assertThat(sale.orderId()).isEqualTo("sub_1Qtrial");
    }

    @Test
    void waitsForTheAsyncPaymentOfAnUnpaidSessionAndThenCountsItsSale() {
        CheckoutSession unpaid = session("unpaid", null, "pi_3Qsepa", metadata("product_id", "prod_spring"), null);
        CheckoutSession settled = session("paid", null, "pi_3Qsepa", metadata("product_id", "prod_spring"), null);

        OrderReceipt completed = receive("checkout.session.completed", unpaid);
        assertThat(completed).isEqualTo(new OrderReceipt.Ignored("stripe:evt_1Qa2b3", StripeDrop.AWAITING_PAYMENT));
        assertThat(queue.events()).isEmpty();

        intake.receive(new StripeEvent("evt_1Qasync", "checkout.session.async_payment_succeeded", VERSION, CREATED + 86_400,
                settled));
        assertThat(onlyOrder().eventId()).isEqualTo("stripe:evt_1Qasync");
        assertThat(onlyOrder().orderId()).isEqualTo("pi_3Qsepa");
        assertThat(onlyOrder().occurredAt()).isEqualTo(AT.plusSeconds(86_400));
    }

    @Test
    void takesTheVisitorIdFromClientReferenceIdWhenMetadataHasNone() {
        receive("checkout.session.completed", session("paid", null, "pi_3Q", metadata("product_id", "p"), VISITOR));

        assertThat(onlyOrder().visitorId()).isEqualTo(VISITOR);
    }

    @Test
    void prefersTheMetadataVisitorIdOverClientReferenceId() {
        String other = "OtherVisitor0000000001";
        receive("checkout.session.completed",
                session("paid", null, "pi_3Q", metadata("product_id", "p", "gp_vid", VISITOR), other));

        assertThat(onlyOrder().visitorId()).isEqualTo(VISITOR);
    }

    @Test
    void leavesOutIdsAndEmailsThatAreNotGoalpostsOwnButStillCountsTheSale() {
        receive("checkout.session.completed", new CheckoutSession("cs_1", "paid", 100L, "usd", "not an email",
                "customer-42", metadata("product_id", "p", "gp_vid", "short", "gp_cid", "has spaces in it, no"), null,
                "pi_3Q"));

        OrderEvent sale = onlyOrder();
        assertThat(sale.visitorId()).isNull();
        assertThat(sale.clickId()).isNull();
        assertThat(sale.sealedEmail()).isNull();
        assertThat(sale.amount()).isEqualTo(100);
    }

    @Test
    void answersASessionWithoutAProductIdAsIgnoredSoStripeStopsRetrying() {
        OrderReceipt receipt = receive("checkout.session.completed", paid(metadata("gp_vid", VISITOR)));

        assertThat(receipt).isEqualTo(new OrderReceipt.Ignored("stripe:evt_1Qa2b3", StripeDrop.NO_PRODUCT_ID));
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void turnsARenewalInvoiceIntoARebillOfTheSubscriptionsOrderNamedByTheInvoice() {
        receive("invoice.paid", invoice("subscription_cycle", metadata("product_id", "prod_club"), List.of()));

        assertThat(onlyOrder().withSealedEmail(null)).isEqualTo(new OrderEvent(OrderEvent.Kind.REBILL,
                "stripe:evt_1Qa2b3", AT, "sub_1QmonthlY", "in_1QxRenew", "prod_club", 2900, "USD", null, null, null));
        assertThat(TestEmailSeal.opened(onlyOrder())).isEqualTo("buyer@example.com");
    }

    @Test
    void findsARebillsProductOnItsLinesWhenTheSubscriptionSnapshotHasNone() {
        receive("invoice.paid", invoice("subscription_cycle", Map.of(),
                List.of(Map.of("note", "x"), Map.of("product_id", "prod_from_line"))));

        assertThat(onlyOrder().productId()).isEqualTo("prod_from_line");
    }

    @ParameterizedTest
    @MethodSource("notRenewals")
    void ignoresInvoicesThatAreNotRenewals(String billingReason) {
        OrderReceipt receipt = receive("invoice.paid", invoice(billingReason, metadata("product_id", "p"), List.of()));

        assertThat(receipt).isEqualTo(new OrderReceipt.Ignored("stripe:evt_1Qa2b3", StripeDrop.NOT_A_RENEWAL));
        assertThat(queue.events()).isEmpty();
    }

    static Stream<String> notRenewals() {
        return Stream.of("subscription_create", "subscription_update", "manual", "subscription_threshold", null);
    }

    @Test
    void turnsARefundIntoARefundOfTheIncreaseKeyedByItsChargeAndRunningTotal() {
        receive("charge.refunded", charge("pi_3QabcDEF", 1500L, 0L, metadata("product_id", "prod_spring")));
        intake.receive(new StripeEvent("evt_second", "charge.refunded", VERSION, CREATED + 60,
                charge("pi_3QabcDEF", 4900L, 1500L, metadata("product_id", "prod_spring"))));

        assertThat(queue.events()).containsExactly(
                new OrderEvent(OrderEvent.Kind.REFUND, "stripe:evt_1Qa2b3", AT, "pi_3QabcDEF", "ch_3QabcDEF:refunded:1500",
                        "prod_spring", 1500, "EUR", null, null, null),
                new OrderEvent(OrderEvent.Kind.REFUND, "stripe:evt_second", AT.plusSeconds(60), "pi_3QabcDEF",
                        "ch_3QabcDEF:refunded:4900", "prod_spring", 3400, "EUR", null, null, null));
    }

    @Test
    void ignoresRefundsGoalpostCannotPlace() {
        assertThat(receive("charge.refunded", charge(null, 100L, 0L, metadata("product_id", "p"))))
                .isEqualTo(new OrderReceipt.Ignored("stripe:evt_1Qa2b3", StripeDrop.NO_PAYMENT_INTENT));
        assertThat(receive("charge.refunded", charge("pi_sub", 100L, 0L, Map.of())))
                .isEqualTo(new OrderReceipt.Ignored("stripe:evt_1Qa2b3", StripeDrop.NO_PRODUCT_ID));
        assertThat(receive("charge.refunded", charge("pi_3Q", 100L, 100L, metadata("product_id", "p"))))
                .isEqualTo(new OrderReceipt.Ignored("stripe:evt_1Qa2b3", StripeDrop.NO_REFUND_INCREASE));
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void ignoresEventTypesItDoesNotMapWhateverTheirVersion() {
        OrderReceipt receipt = intake.receive(new StripeEvent("evt_1", "customer.created", "2020-08-27", CREATED,
                new StripeEvent.Unread()));

        assertThat(receipt).isEqualTo(new OrderReceipt.Ignored("stripe:evt_1", StripeDrop.UNHANDLED_TYPE));
    }

    @Test
    void refusesAMappedEventOfAnotherApiVersionNamingTheVersionToPin() {
        OrderReceipt receipt = intake.receive(new StripeEvent("evt_1", "checkout.session.completed", "2024-06-20",
                CREATED, paid(metadata("product_id", "p"))));

        assertThat(receipt).isInstanceOfSatisfying(OrderReceipt.Invalid.class, invalid -> {
            assertThat(invalid.field()).isEqualTo("api_version");
            assertThat(invalid.message()).contains("2024-06-20", VERSION);
        });
        assertThat(queue.events()).isEmpty();
    }

    static Stream<Arguments> brokenEvents() {
        CheckoutSession ok = paid(metadata("product_id", "prod_spring"));
        return Stream.of(
                Arguments.of(new StripeEvent(null, "checkout.session.completed", VERSION, CREATED, ok), "id"),
                Arguments.of(new StripeEvent("evt 1", "checkout.session.completed", VERSION, CREATED, ok), "id"),
                Arguments.of(new StripeEvent("evt_1", null, VERSION, CREATED, ok), "type"),
                Arguments.of(new StripeEvent("evt_1", "checkout.session.completed", VERSION, null, ok), "created"),
                Arguments.of(event("checkout.session.completed", new StripeEvent.Unread()), "data.object"),
                Arguments.of(event("invoice.paid", ok), "data.object"),
                Arguments.of(event("checkout.session.completed", new CheckoutSession("cs_1", "paid", -1L, "usd", null, null,
                        metadata("product_id", "p"), null, "pi_1")), "data.object.amount_total"),
                Arguments.of(event("checkout.session.completed", new CheckoutSession("cs_1", "paid", null, "usd", null, null,
                        metadata("product_id", "p"), null, "pi_1")), "data.object.amount_total"),
                Arguments.of(event("checkout.session.completed", new CheckoutSession("cs_1", "paid", 1L, "dollars", null,
                        null, metadata("product_id", "p"), null, "pi_1")), "data.object.currency"),
                Arguments.of(event("checkout.session.completed", new CheckoutSession("cs_1", "paid", 1L, "usd", null,
                        null, metadata("product_id", "p"), null, "pi 1")), "data.object.payment_intent"),
                Arguments.of(event("checkout.session.completed", new CheckoutSession("cs_1", "expired", 1L, "usd", null,
                        null, metadata("product_id", "p"), null, "pi_1")), "data.object.payment_status"),
                Arguments.of(event("checkout.session.completed", paid(metadata("product_id", "spring sale!"))),
                        "data.object.metadata.product_id"),
                Arguments.of(event("invoice.paid", new Invoice("in_1", "subscription_cycle", 100L, "usd", null, null,
                        metadata("product_id", "p"), List.of())), "data.object.parent.subscription_details.subscription"),
                Arguments.of(event("invoice.paid", new Invoice("in_1", "subscription_cycle", -100L, "usd", null, "sub_1",
                        metadata("product_id", "p"), List.of())), "data.object.amount_paid"),
                Arguments.of(event("charge.refunded", charge("pi_1", 100L, null, metadata("product_id", "p"))),
                        "data.previous_attributes.amount_refunded"),
                Arguments.of(event("charge.refunded", charge("pi_1", null, 0L, metadata("product_id", "p"))),
                        "data.object.amount_refunded"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenEvents")
    void refusesABrokenEventNamingTheFieldAndRecordsNothing(StripeEvent event, String field) {
        OrderReceipt receipt = intake.receive(event);

        assertThat(receipt).isInstanceOfSatisfying(OrderReceipt.Invalid.class,
                invalid -> assertThat(invalid.field()).isEqualTo(field));
        assertThat(queue.events()).isEmpty();
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void putsARepeatedEventOnTheQueueAgainUnderTheSameEventId() {
        StripeEvent sale = event("checkout.session.completed", paid(metadata("product_id", "prod_spring")));

        intake.receive(sale);
        intake.receive(sale);

        // Equal but for the seal, whose nonce is new each time; the worker keys its effects by order and payment.
        assertThat(queue.events()).hasSize(2).extracting(e -> ((OrderEvent) e).withSealedEmail(null))
                .containsOnly(((OrderEvent) queue.events().get(0)).withSealedEmail(null));
    }

    @Test
    void keepsTheOrderInTheOutboxWhenTheQueueIsDownAndSaysSoWhenBothAre() {
        StripeEvent sale = event("checkout.session.completed", paid(metadata("product_id", "prod_spring")));
        queue.failWith(new IllegalStateException("queue down"));

        assertThat(intake.receive(sale)).isInstanceOf(OrderReceipt.Kept.class);
        assertThat(outbox.events()).hasSize(1);

        outbox.failWith(new IllegalStateException("table down"));
        assertThat(intake.receive(sale)).isInstanceOf(OrderReceipt.Unavailable.class);
    }

    @Test
    void neverPrintsTheBuyersEmailInTheEventsItReads() {
        assertThat(paid(Map.of()).toString()).doesNotContainIgnoringCase("example.com");
        assertThat(invoice("subscription_cycle", Map.of(), List.of()).toString()).doesNotContainIgnoringCase("example.com");
    }

    private OrderEvent onlyOrder() {
        assertThat(queue.events()).hasSize(1);
        return (OrderEvent) queue.events().get(0);
    }
}
