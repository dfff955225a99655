package io.goalpost.core.payment;

import io.goalpost.core.event.OrderEvent;
import java.util.Objects;

/**
 * What became of one orders webhook delivery. The receipts print only the event id: the event
 * may hold an email, which must never reach a log.
 */
public sealed interface OrderReceipt {

    /** On the queue: the worker has it. */
    record Enqueued(OrderEvent event) implements OrderReceipt {
        @Override
        public String toString() {
            return "Enqueued[" + event.eventId() + "]";
        }
    }

    /** The queue refused it; it waits in the outbox for the worker's next re-drive. */
    record Kept(OrderEvent event, RuntimeException queueFailure) implements OrderReceipt {
        @Override
        public String toString() {
            return "Kept[" + event.eventId() + ", queue: " + queueFailure.getClass().getName() + "]";
        }
    }

    /** Refused before anything was written; {@code reason} reads on from the field name. */
    record Invalid(String field, String reason) implements OrderReceipt {
        public Invalid {
            Objects.requireNonNull(field);
            Objects.requireNonNull(reason);
        }

        public String message() {
            return field + " " + reason;
        }
    }

    /**
     * Authentic, and deliberately not passed on ({@link StripeDrop}): answered {@code 200}, so
     * the sender stops retrying something that will never count.
     */
    record Ignored(String eventId, StripeDrop reason) implements OrderReceipt {
        public Ignored {
            Objects.requireNonNull(eventId);
            Objects.requireNonNull(reason);
        }
    }

    /** Neither the queue nor the outbox took it: nothing was recorded, the sender must retry. */
    record Unavailable(OrderEvent event, RuntimeException queueFailure, RuntimeException outboxFailure)
            implements OrderReceipt {
        @Override
        public String toString() {
            return "Unavailable[" + event.eventId() + ", queue: " + queueFailure.getClass().getName()
                    + ", outbox: " + outboxFailure.getClass().getName() + "]";
        }
    }
}
