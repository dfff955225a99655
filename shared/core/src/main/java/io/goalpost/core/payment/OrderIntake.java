package io.goalpost.core.payment;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.Outbox;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes a verified orders webhook delivery to the worker: checks the body, stamps the event id
 * {@code orders:<webhook-id>}, and enqueues it — or keeps it in the outbox when the queue is
 * down. A repeated delivery enqueues the same event id again; the worker's effects are keyed by
 * order and payment ids, so it changes nothing.
 */
public final class OrderIntake {

    private final EventQueue queue;
    private final Outbox outbox;

    public OrderIntake(EventQueue queue, Outbox outbox) {
        this.queue = Objects.requireNonNull(queue);
        this.outbox = Objects.requireNonNull(outbox);
    }

    /** @param deliveryId the {@code webhook-id} the signature covered */
    public OrderReceipt receive(String deliveryId, NewOrder order) {
        Optional<OrderReceipt.Invalid> broken = OrderRules.firstBroken(deliveryId, order);
        if (broken.isPresent()) {
            return broken.get();
        }
        OrderEvent event = OrderRules.event(deliveryId, order);
        try {
            queue.publish(event);
            return new OrderReceipt.Enqueued(event);
        } catch (RuntimeException queueFailure) {
            try {
                outbox.keep(event);
                return new OrderReceipt.Kept(event, queueFailure);
            } catch (RuntimeException outboxFailure) {
                return new OrderReceipt.Unavailable(event, queueFailure, outboxFailure);
            }
        }
    }
}
