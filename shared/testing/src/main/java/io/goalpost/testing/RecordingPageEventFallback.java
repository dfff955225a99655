package io.goalpost.testing;

import io.goalpost.core.beacon.PageEventFallback;
import io.goalpost.core.event.PageEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the page events the queue refused, so a test can see where they went. */
public final class RecordingPageEventFallback implements PageEventFallback {

    private final List<PageEvent> kept = new CopyOnWriteArrayList<>();

    @Override
    public void keep(PageEvent event, RuntimeException queueFailure) {
        kept.add(event);
    }

    public List<PageEvent> kept() {
        return List.copyOf(kept);
    }
}
