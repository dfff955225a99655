package io.goalpost.core.event;

import java.util.Objects;

/**
 * Moves kept events from the outbox onto the queue; the worker runs it every minute.
 *
 * <p>Each event is published before it is removed. A crash (or a failed remove) between the two
 * publishes it again on the next pass, which is harmless: the worker's effects are keyed by event
 * and operation ids, so a second copy changes nothing. The other order could lose an event.
 *
 * <p>A pass stops at the first publish that fails — the queue is still down, and trying the rest
 * would only spend the time budget — and leaves every event it did not move for the next pass.
 */
public final class OutboxRedrive {

    /** Per pass, so one scheduled run stays well inside its timeout however long the outage was. */
    public static final int DEFAULT_BATCH = 500;

    private final Outbox outbox;
    private final EventQueue queue;
    private final int batch;

    public OutboxRedrive(Outbox outbox, EventQueue queue) {
        this(outbox, queue, DEFAULT_BATCH);
    }

    public OutboxRedrive(Outbox outbox, EventQueue queue, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.outbox = Objects.requireNonNull(outbox);
        this.queue = Objects.requireNonNull(queue);
        this.batch = batch;
    }

    /**
     * One pass over the oldest kept events.
     *
     * @return how many events went onto the queue and left the outbox
     * @throws RuntimeException when the outbox itself cannot be read or written; what was moved
     *     before stays moved
     */
    public int redrive() {
        int moved = 0;
        for (TrackingEvent event : outbox.oldest(batch)) {
            try {
                queue.publish(event);
            } catch (RuntimeException queueStillDown) {
                return moved;
            }
            outbox.remove(event);
            moved++;
        }
        return moved;
    }
}
