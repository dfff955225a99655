package io.goalpost.core.payment;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.Outbox;
import java.util.Objects;

/**
 * Hands a checked order event to the worker: the queue, else the outbox (the worker re-drives it
 * within a minute), else {@link OrderReceipt.Unavailable} so the sender retries. Shared by every
 * payment webhook, so none of them can lose a sale differently.
 */
final class OrderDelivery {

    private final EventQueue queue;
    private final Outbox outbox;

    OrderDelivery(EventQueue queue, Outbox outbox) {
        this.queue = Objects.requireNonNull(queue);
        this.outbox = Objects.requireNonNull(outbox);
    }

    OrderReceipt deliver(OrderEvent event) {
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
