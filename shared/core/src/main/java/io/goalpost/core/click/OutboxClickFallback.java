package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.Outbox;
import java.util.Objects;

/**
 * A click the queue refused goes to the outbox, where the worker's schedule re-drives it; when
 * the outbox refuses it too, to the last resort (a log line), so it is still not lost. Never
 * throws: the browser is waiting for its redirect.
 */
public final class OutboxClickFallback implements ClickFallback {

    private final Outbox outbox;
    private final ClickFallback lastResort;

    public OutboxClickFallback(Outbox outbox, ClickFallback lastResort) {
        this.outbox = Objects.requireNonNull(outbox);
        this.lastResort = Objects.requireNonNull(lastResort);
    }

    @Override
    public void keep(ClickEvent click, RuntimeException queueFailure) {
        try {
            outbox.keep(click);
        } catch (RuntimeException outboxFailure) {
            // The outbox's failure is why the click ends in the log (the queue's is why it got here).
            lastResort.keep(click, outboxFailure);
        }
    }
}
