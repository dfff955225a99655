package io.goalpost.testing;

import io.goalpost.core.click.ClickFallback;
import io.goalpost.core.event.ClickEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the clicks the queue refused, so a test can see none was lost. */
public final class RecordingClickFallback implements ClickFallback {

    private final List<ClickEvent> kept = new CopyOnWriteArrayList<>();

    @Override
    public void keep(ClickEvent click, RuntimeException queueFailure) {
        kept.add(click);
    }

    public List<ClickEvent> kept() {
        return List.copyOf(kept);
    }
}
