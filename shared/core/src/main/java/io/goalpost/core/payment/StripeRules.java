package io.goalpost.core.payment;

import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.payment.StripeEvent.Charge;
import io.goalpost.core.payment.StripeEvent.CheckoutSession;
import io.goalpost.core.payment.StripeEvent.Invoice;
import java.time.Instant;
import java.util.Locale;

/**
 * How a Stripe event of the pinned API version becomes an order event (SPEC §3 Payments;
 * docs/decisions/003-stripe.md). Field names in refusals are Stripe's JSON paths, never values:
 * a value may be an email.
 */
final class StripeRules {

    static final String EVENT_ID_PREFIX = "stripe:";
    static final String CHECKOUT_COMPLETED = "checkout.session.completed";
    static final String ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String INVOICE_PAID = "invoice.paid";
    static final String CHARGE_REFUNDED = "charge.refunded";
    private static final String OBJECT = "data.object.";
    private static final int MAX_EXTERNAL_ID = 64;

    /** What an event comes to: an order event to deliver, a deliberate drop, or a refusal (400). */
    sealed interface Mapping {
        /** {@code email}, normalised, travels beside the event until the delivery seals it into it. */
        record Order(OrderEvent event, String email) implements Mapping {

            /** Never prints the email. */
            @Override
            public String toString() {
                return "Order[" + event + "]";
            }
        }

        record Ignored(StripeDrop reason) implements Mapping {
        }

        record Refused(OrderReceipt.Invalid invalid) implements Mapping {
        }
    }

    private StripeRules() {
    }

    static Mapping map(StripeEvent event, String pinnedApiVersion) {
        try {
            return mapOrRefuse(event, pinnedApiVersion);
        } catch (Refusal refusal) {
            return new Mapping.Refused(refusal.invalid);
        }
    }

    private static Mapping mapOrRefuse(StripeEvent event, String pinnedApiVersion) throws Refusal {
        require(event.id() != null && OrderRules.DELIVERY_ID.matcher(event.id()).matches(),
                "id", "is required and must be 1-128 visible ASCII characters");
        require(event.type() != null, "type", "is required");
        require(event.created() != null && event.created() > 0, "created", "is required (Unix seconds)");
        String type = event.type();
        boolean mapped = type.equals(CHECKOUT_COMPLETED) || type.equals(ASYNC_PAYMENT_SUCCEEDED)
                || type.equals(INVOICE_PAID) || type.equals(CHARGE_REFUNDED);
        if (!mapped) {
            return new Mapping.Ignored(StripeDrop.UNHANDLED_TYPE);
        }
        // Refused rather than guessed at: under another version the same fields may mean something
        // else or be elsewhere, and a 400 in Stripe's dashboard says what to change.
        require(pinnedApiVersion.equals(event.apiVersion()), "api_version", "is " + shown(event.apiVersion())
                + ", but this endpoint reads " + pinnedApiVersion + " only: set the webhook endpoint's API version "
                + "to " + pinnedApiVersion + " in Stripe");
        Instant occurredAt = Instant.ofEpochSecond(event.created());
        String eventId = EVENT_ID_PREFIX + event.id();
        if (type.equals(INVOICE_PAID)) {
            return invoice(eventId, occurredAt, expect(event, Invoice.class, "invoice"));
        }
        if (type.equals(CHARGE_REFUNDED)) {
            return refund(eventId, occurredAt, expect(event, Charge.class, "charge"));
        }
        return sale(eventId, occurredAt, expect(event, CheckoutSession.class, "checkout.session"));
    }

    /** A paid session, or one that needs no payment (a trial, a 100 % coupon), is the order's sale. */
    private static Mapping sale(String eventId, Instant occurredAt, CheckoutSession session) throws Refusal {
        String status = session.paymentStatus();
        if ("unpaid".equals(status)) {
            return new Mapping.Ignored(StripeDrop.AWAITING_PAYMENT);
        }
        boolean free = "no_payment_required".equals(status);
        require(free || "paid".equals(status), OBJECT + "payment_status", "must be paid, unpaid or no_payment_required");
        String productId = present(session.metadata().get("product_id"));
        if (productId == null) {
            return new Mapping.Ignored(StripeDrop.NO_PRODUCT_ID);
        }
        requireExternalId(productId, OBJECT + "metadata.product_id");
        long amount = free ? 0 : amount(session.amountTotal(), OBJECT + "amount_total");
        String orderId = orderIdOf(session);
        String visitorId = mintedOrNull(session.metadata().get("gp_vid"));
        if (visitorId == null) {
            // Goalpost's documented way to pass the visitor id: client_reference_id. Anything else
            // there (the shop's own customer id, say) is simply not a Goalpost id.
            visitorId = mintedOrNull(session.clientReferenceId());
        }
        return new Mapping.Order(new OrderEvent(OrderEvent.Kind.SALE, eventId, occurredAt, orderId, null, productId,
                amount, currency(session.currency()), null, visitorId, mintedOrNull(session.metadata().get("gp_cid"))),
                emailOrNull(session.email()));
    }

    /**
     * The order is the subscription, else the payment, else the session itself (a free one-off
     * purchase). Session ids run past 64 characters; their first 64 are still unique (random
     * base62 after the {@code cs_live_} prefix) and still find the session in the dashboard.
     */
    private static String orderIdOf(CheckoutSession session) throws Refusal {
        if (present(session.subscription()) != null) {
            return requireExternalId(session.subscription(), OBJECT + "subscription");
        }
        if (present(session.paymentIntent()) != null) {
            return requireExternalId(session.paymentIntent(), OBJECT + "payment_intent");
        }
        String id = present(session.id());
        require(id != null, OBJECT + "id", "is required");
        return requireExternalId(id.length() > MAX_EXTERNAL_ID ? id.substring(0, MAX_EXTERNAL_ID) : id, OBJECT + "id");
    }

    /** Only a subscription's renewal is a rebill; its first invoice is the session's sale. */
    private static Mapping invoice(String eventId, Instant occurredAt, Invoice invoice) throws Refusal {
        if (!"subscription_cycle".equals(invoice.billingReason())) {
            return new Mapping.Ignored(StripeDrop.NOT_A_RENEWAL);
        }
        String subscription = present(invoice.subscription());
        require(subscription != null, OBJECT + "parent.subscription_details.subscription",
                "is required on a subscription_cycle invoice");
        requireExternalId(subscription, OBJECT + "parent.subscription_details.subscription");
        String productId = present(invoice.subscriptionMetadata().get("product_id"));
        String productField = OBJECT + "parent.subscription_details.metadata.product_id";
        for (int line = 0; productId == null && line < invoice.lineMetadata().size(); line++) {
            productId = present(invoice.lineMetadata().get(line).get("product_id"));
            productField = OBJECT + "lines.data[" + line + "].metadata.product_id";
        }
        if (productId == null) {
            return new Mapping.Ignored(StripeDrop.NO_PRODUCT_ID);
        }
        requireExternalId(productId, productField);
        String invoiceId = present(invoice.id());
        require(invoiceId != null, OBJECT + "id", "is required");
        return new Mapping.Order(new OrderEvent(OrderEvent.Kind.REBILL, eventId, occurredAt, subscription,
                requireExternalId(invoiceId, OBJECT + "id"), productId,
                amount(invoice.amountPaid(), OBJECT + "amount_paid"), currency(invoice.currency()), null, null, null),
                emailOrNull(invoice.email()));
    }

    /**
     * The refund is what {@code amount_refunded} grew by. The pinned version's charge carries no
     * list of refunds, so each refund is named by its charge and the cumulative total it brought
     * the charge to: every refund raises that total, and a redelivery repeats it.
     */
    private static Mapping refund(String eventId, Instant occurredAt, Charge charge) throws Refusal {
        String paymentIntent = present(charge.paymentIntent());
        if (paymentIntent == null) {
            return new Mapping.Ignored(StripeDrop.NO_PAYMENT_INTENT);
        }
        String productId = present(charge.metadata().get("product_id"));
        if (productId == null) {
            return new Mapping.Ignored(StripeDrop.NO_PRODUCT_ID);
        }
        requireExternalId(productId, OBJECT + "metadata.product_id");
        requireExternalId(paymentIntent, OBJECT + "payment_intent");
        long refunded = amount(charge.amountRefunded(), OBJECT + "amount_refunded");
        long before = amount(charge.previousAmountRefunded(), "data.previous_attributes.amount_refunded");
        if (refunded <= before) {
            return new Mapping.Ignored(StripeDrop.NO_REFUND_INCREASE);
        }
        String chargeId = present(charge.id());
        require(chargeId != null, OBJECT + "id", "is required");
        String refundId = requireExternalId(chargeId, OBJECT + "id") + ":refunded:" + refunded;
        require(refundId.length() <= MAX_EXTERNAL_ID, OBJECT + "id", "is too long to name its refunds");
        return new Mapping.Order(new OrderEvent(OrderEvent.Kind.REFUND, eventId, occurredAt, paymentIntent, refundId,
                productId, refunded - before, currency(charge.currency()), null, null, null), null);
    }

    private static <T> T expect(StripeEvent event, Class<T> kind, String objectName) throws Refusal {
        require(kind.isInstance(event.object()), "data.object",
                "must be a \"" + objectName + "\" object for " + event.type());
        return kind.cast(event.object());
    }

    private static long amount(Long amount, String field) throws Refusal {
        require(amount != null, field, "is required (an integer in minor units)");
        require(amount >= 0, field, "must not be negative");
        return amount;
    }

    private static String currency(String currency) throws Refusal {
        require(currency != null && OrderRules.CURRENCY.matcher(currency).matches(), OBJECT + "currency",
                "is required and must be a 3-letter ISO 4217 code");
        return currency.toUpperCase(Locale.ROOT);
    }

    private static String requireExternalId(String id, String field) throws Refusal {
        require(OrderRules.EXTERNAL_ID.matcher(id).matches(), field, OrderRules.EXTERNAL_ID_RULE);
        return id;
    }

    /** Ids Goalpost minted, or nothing: metadata and client_reference_id are also the shop's to use. */
    private static String mintedOrNull(String id) {
        return id != null && OrderRules.MINTED_ID.matcher(id).matches() ? id : null;
    }

    /** Stripe checked the address when the buyer typed it; one that still fails ours is left out, not fatal. */
    private static String emailOrNull(String email) {
        return email != null && OrderRules.isEmail(email) ? OrderRules.normalisedEmail(email) : null;
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String shown(String apiVersion) {
        if (apiVersion == null) {
            return "missing";
        }
        return apiVersion.length() > 40 || !OrderRules.DELIVERY_ID.matcher(apiVersion).matches()
                ? "another version" : apiVersion;
    }

    private static void require(boolean holds, String field, String reason) throws Refusal {
        if (!holds) {
            throw new Refusal(new OrderReceipt.Invalid(field, reason));
        }
    }

    /** Ends the mapping of a broken event; never leaves this class. */
    private static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient OrderReceipt.Invalid invalid;

        Refusal(OrderReceipt.Invalid invalid) {
            super(null, null, false, false);
            this.invalid = invalid;
        }
    }
}
