package io.goalpost.testing;

import io.goalpost.core.event.Outbox;
import io.goalpost.core.event.TrackingEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Kept events in memory, oldest first (by event time, then event id, as the DynamoDB outbox
 * sorts them). {@link #failWith} makes every later call throw, as an unreachable table would.
 */
public final class InMemoryOutbox implements Outbox {

    private record Key(Instant occurredAt, String eventId) {
    }

    private static final Comparator<Key> OLDEST_FIRST =
            Comparator.comparing(Key::occurredAt).thenComparing(Key::eventId);

    private final ConcurrentSkipListMap<Key, TrackingEvent> kept = new ConcurrentSkipListMap<>(OLDEST_FIRST);
    private volatile RuntimeException failure;

    @Override
    public void keep(TrackingEvent event) {
        failIfTold();
        kept.put(keyOf(event), event);
    }

    @Override
    public List<TrackingEvent> oldest(int limit) {
        failIfTold();
        return kept.values().stream().limit(limit).toList();
    }

    @Override
    public void remove(TrackingEvent event) {
        failIfTold();
        kept.remove(keyOf(event));
    }

    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** Everything kept, oldest first. */
    public List<TrackingEvent> events() {
        return List.copyOf(kept.values());
    }

    private void failIfTold() {
        RuntimeException toThrow = failure;
        if (toThrow != null) {
            throw toThrow;
        }
    }

    private static Key keyOf(TrackingEvent event) {
        return new Key(event.occurredAt(), event.eventId());
    }
}
