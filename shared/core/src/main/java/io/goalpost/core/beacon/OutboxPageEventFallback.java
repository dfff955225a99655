package io.goalpost.core.beacon;

import io.goalpost.core.event.Outbox;
import io.goalpost.core.event.PageEvent;
import java.util.Objects;

/**
 * A page event the queue refused goes to the outbox, where the worker's schedule re-drives it;
 * when the outbox refuses it too, to the last resort. Never throws.
 */
public final class OutboxPageEventFallback implements PageEventFallback {

    private final Outbox outbox;
    private final PageEventFallback lastResort;

    public OutboxPageEventFallback(Outbox outbox, PageEventFallback lastResort) {
        this.outbox = Objects.requireNonNull(outbox);
        this.lastResort = Objects.requireNonNull(lastResort);
    }

    @Override
    public void keep(PageEvent event, RuntimeException queueFailure) {
        try {
            outbox.keep(event);
        } catch (RuntimeException outboxFailure) {
            // The outbox's failure is why the event ends with the last resort.
            lastResort.keep(event, outboxFailure);
        }
    }
}
