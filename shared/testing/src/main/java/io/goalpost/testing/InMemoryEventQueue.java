package io.goalpost.testing;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.TrackingEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what was published; {@link #failWith} makes every later publish throw, as a dead queue would. */
public final class InMemoryEventQueue implements EventQueue {

    private final List<TrackingEvent> events = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    @Override
    public void publish(TrackingEvent event) {
        RuntimeException toThrow = failure;
        if (toThrow != null) {
            throw toThrow;
        }
        events.add(event);
    }

    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public List<TrackingEvent> events() {
        return List.copyOf(events);
    }
}
