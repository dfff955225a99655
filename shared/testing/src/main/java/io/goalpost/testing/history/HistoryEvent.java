package io.goalpost.testing.history;

import io.goalpost.core.event.TrackingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One event of a generated history, by short names, with a one-line {@code toString} so a shrunk
 * counterexample reads as a story. It becomes the worker's event in a namespace.
 */
public sealed interface HistoryEvent permits HistoryClick, HistoryPage, HistoryPayment, HistoryLead {

  /** Day 0 of every history, midnight UTC. */
  Instant DAY_ZERO = Instant.parse("2025-04-01T00:00:00Z");

  Instant at();

  /** The event as its first delivery carries it. */
  TrackingEvent in(Namespace ns);

  /**
   * The event as another delivery carries it: the same event, except that a cart's webhook may
   * deliver one payment again under a new delivery id.
   */
  default TrackingEvent redeliveredIn(Namespace ns) {
    return in(ns);
  }

  /** The id of the conversion it makes, if it makes one. */
  default Optional<String> conversionIdIn(Namespace ns) {
    return Optional.empty();
  }

  /** {@code d2 09:30}: the day after day 0 and the time of day. */
  static String label(Instant at) {
    long minutes = Duration.between(DAY_ZERO, at).toMinutes();
    long ofDay = Math.floorMod(minutes, 1440);
    return String.format("d%d %02d:%02d", Math.floorDiv(minutes, 1440), ofDay / 60, ofDay % 60);
  }
}
