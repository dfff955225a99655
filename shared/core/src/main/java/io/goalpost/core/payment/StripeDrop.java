package io.goalpost.core.payment;

/**
 * Why an authentic Stripe event was answered {@code 200} and not passed on. Each is logged by
 * name, so someone can count them; none is an error Stripe could fix by retrying.
 */
public enum StripeDrop {
    /** Not one of the event types Goalpost maps (SPEC §3 Payments: other types are ignored). */
    UNHANDLED_TYPE("Goalpost maps only checkout.session.completed, checkout.session.async_payment_succeeded, "
            + "invoice.paid and charge.refunded"),
    /** A delayed payment method: the sale waits for checkout.session.async_payment_succeeded. */
    AWAITING_PAYMENT("the session is not paid yet; its sale comes with checkout.session.async_payment_succeeded"),
    /** The first invoice is the session's sale; updates and manual invoices are no rebills. */
    NOT_A_RENEWAL("only an invoice with billing_reason subscription_cycle is a rebill"),
    /** Stripe sells something Goalpost was not told to track. */
    NO_PRODUCT_ID("no metadata product_id names the product, so Goalpost does not track it"),
    /** A charge made without a PaymentIntent belongs to no Checkout order. */
    NO_PAYMENT_INTENT("the charge has no payment_intent, so it belongs to no Checkout order"),
    /** Nothing more was refunded than before (a refund reversed, or an update without a refund). */
    NO_REFUND_INCREASE("amount_refunded did not increase");

    private final String message;

    StripeDrop(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
