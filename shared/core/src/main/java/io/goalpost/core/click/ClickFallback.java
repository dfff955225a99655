package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;

/**
 * Where a click goes when the queue would not take it, so the redirect still answers and the
 * click is not lost. Implementations must not throw: the browser is waiting.
 */
@FunctionalInterface
public interface ClickFallback {

    void keep(ClickEvent click, RuntimeException queueFailure);
}
