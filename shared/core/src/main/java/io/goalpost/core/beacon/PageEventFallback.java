package io.goalpost.core.beacon;

import io.goalpost.core.event.PageEvent;

/**
 * Where a page event goes when the queue would not take it: the outbox
 * ({@link io.goalpost.core.event.OutboxFallback}), and after it a log line. Implementations must not throw: a
 * failure to record is never the page's problem.
 */
@FunctionalInterface
public interface PageEventFallback {

    void keep(PageEvent event, RuntimeException queueFailure);
}
