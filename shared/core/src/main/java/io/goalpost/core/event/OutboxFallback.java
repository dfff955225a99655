package io.goalpost.core.event;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An event the queue refused goes to the outbox, where the worker's schedule re-drives it; when
 * the outbox refuses it too, to the last resort (a log line), so it is still not lost. Never
 * throws: a browser is waiting for its redirect, a page for its 202. The redirect and the beacon
 * use it as their {@code ClickFallback} and {@code PageEventFallback} ({@code fallback::keep}).
 *
 * @param <E> the kind of event the caller enqueues
 */
public final class OutboxFallback<E extends TrackingEvent> {

    private final Outbox outbox;
    private final BiConsumer<E, RuntimeException> lastResort;

    /** @param lastResort given the event and the outbox's failure; must not throw */
    public OutboxFallback(Outbox outbox, BiConsumer<E, RuntimeException> lastResort) {
        this.outbox = Objects.requireNonNull(outbox);
        this.lastResort = Objects.requireNonNull(lastResort);
    }

    public void keep(E event, RuntimeException queueFailure) {
        try {
            outbox.keep(event);
        } catch (RuntimeException outboxFailure) {
            // The outbox's failure is why the event ends with the last resort (the queue's is why it got here).
            lastResort.accept(event, outboxFailure);
        }
    }
}
