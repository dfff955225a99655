package io.goalpost.core.beacon;

import io.goalpost.core.event.PageEvent;

/**
 * Where a page event goes when the queue would not take it. The DynamoDB outbox
 * ({@code io.goalpost.core.event.Outbox}) belongs here once it exists; until then a log line
 * records the loss. Implementations must not throw: the page is not waiting for us.
 */
@FunctionalInterface
public interface PageEventFallback {

    void keep(PageEvent event, RuntimeException queueFailure);
}
