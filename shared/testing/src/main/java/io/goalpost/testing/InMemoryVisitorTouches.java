package io.goalpost.testing;

import io.goalpost.core.identity.Touch;
import io.goalpost.core.identity.VisitorTouches;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Touches in memory; {@link VisitorTouchesContract} keeps it honest against the DynamoDB one. */
public final class InMemoryVisitorTouches implements VisitorTouches {

  private static final Comparator<Touch> BY_TIME =
      Comparator.comparing(Touch::at).thenComparing(Touch::eventId);

  private final Map<String, TreeSet<Touch>> byVisitor = new HashMap<>();

  @Override
  public synchronized void add(String visitorId, Touch touch) {
    byVisitor.computeIfAbsent(visitorId, v -> new TreeSet<>(BY_TIME)).add(touch);
  }

  @Override
  public synchronized List<Touch> of(String visitorId) {
    return List.copyOf(byVisitor.getOrDefault(visitorId, new TreeSet<>(BY_TIME)));
  }

  /** How many visitors have any touch (for tests that nothing was kept). */
  public synchronized int visitorCount() {
    return byVisitor.size();
  }

  /** Erasure of a lineage (docs/decisions/007), as the DynamoDB one deletes the visitor's partition. */
  public synchronized void forget(String visitorId) {
    byVisitor.remove(visitorId);
  }
}
