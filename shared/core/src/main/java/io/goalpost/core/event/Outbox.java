package io.goalpost.core.event;

import java.util.List;

/**
 * Where an ingest function keeps an event it could not put on the queue; the worker re-drives
 * it every minute ({@link OutboxRedrive}). Keeping the same event twice keeps it once.
 */
public interface Outbox {

  /** @throws RuntimeException when the store is unreachable too (the caller logs the event) */
  void keep(TrackingEvent event);

  /** Up to {@code limit} kept events, oldest first. */
  List<TrackingEvent> oldest(int limit);

  /** Forgets an event once it is on the queue. Forgetting an absent event is fine. */
  void remove(TrackingEvent event);
}
