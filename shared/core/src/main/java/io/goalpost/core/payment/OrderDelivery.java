package io.goalpost.core.payment;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.Outbox;
import io.goalpost.core.lead.EmailSeal;
import java.util.Objects;

/**
 * Hands a checked order event to the worker: the queue, else the outbox (the worker re-drives it
 * within a minute), else {@link OrderReceipt.Unavailable} so the sender retries. The email is
 * sealed to the event first (docs/decisions/011), so neither the queue nor the outbox ever holds
 * it in clear. Shared by every payment webhook, so none of them can lose a sale, or show an email,
 * differently.
 */
final class OrderDelivery {

    private final EventQueue queue;
    private final Outbox outbox;
    private final EmailSeal seal;

    OrderDelivery(EventQueue queue, Outbox outbox, EmailSeal seal) {
        this.queue = Objects.requireNonNull(queue);
        this.outbox = Objects.requireNonNull(outbox);
        this.seal = Objects.requireNonNull(seal);
    }

    /** @param email normalised, or null when the sender sent none */
    OrderReceipt deliver(OrderEvent withoutEmail, String email) {
        OrderEvent event = email == null ? withoutEmail
                : withoutEmail.withSealedEmail(seal.seal(email, withoutEmail.eventId()));
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
