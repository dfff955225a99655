package io.goalpost.core.payment;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.Outbox;
import io.goalpost.core.lead.EmailSeal;

/**
 * Takes an authentic Stripe event to the worker: maps it per {@link StripeRules} under the event
 * id {@code stripe:<evt_…>}, seals the email to it, and enqueues it — or keeps it in the outbox when the queue is down.
 * A repeated event enqueues the same event again; the worker's effects are keyed by order and
 * payment ids, so it changes nothing.
 */
public final class StripeIntake {

    /**
     * The one Stripe API version whose payloads Goalpost reads (docs/decisions/003-stripe.md): the
     * webhook endpoint in Stripe must be created with it.
     */
    public static final String PINNED_API_VERSION = "2025-03-31.basil";

    private final OrderDelivery delivery;

    public StripeIntake(EventQueue queue, Outbox outbox, EmailSeal seal) {
        this.delivery = new OrderDelivery(queue, outbox, seal);
    }

    public OrderReceipt receive(StripeEvent event) {
        StripeRules.Mapping mapping = StripeRules.map(event, PINNED_API_VERSION);
        if (mapping instanceof StripeRules.Mapping.Refused refused) {
            return refused.invalid();
        }
        if (mapping instanceof StripeRules.Mapping.Ignored ignored) {
            return new OrderReceipt.Ignored(StripeRules.EVENT_ID_PREFIX + event.id(), ignored.reason());
        }
        StripeRules.Mapping.Order order = (StripeRules.Mapping.Order) mapping;
        return delivery.deliver(order.event(), order.email());
    }
}
