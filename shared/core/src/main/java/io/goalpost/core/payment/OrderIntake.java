package io.goalpost.core.payment;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.Outbox;
import io.goalpost.core.lead.EmailSeal;
import java.util.Optional;

/**
 * Takes a verified orders webhook delivery to the worker: checks the body, stamps the event id
 * {@code orders:<webhook-id>}, seals the email to it, and enqueues it — or keeps it in the outbox when the queue is
 * down. A repeated delivery enqueues the same event id again; the worker's effects are keyed by
 * order and payment ids, so it changes nothing.
 */
public final class OrderIntake {

    private final OrderDelivery delivery;

    public OrderIntake(EventQueue queue, Outbox outbox, EmailSeal seal) {
        this.delivery = new OrderDelivery(queue, outbox, seal);
    }

    /** @param deliveryId the {@code webhook-id} the signature covered */
    public OrderReceipt receive(String deliveryId, NewOrder order) {
        Optional<OrderReceipt.Invalid> broken = OrderRules.firstBroken(deliveryId, order);
        if (broken.isPresent()) {
            return broken.get();
        }
        return delivery.deliver(OrderRules.event(deliveryId, order), OrderRules.email(order));
    }
}
