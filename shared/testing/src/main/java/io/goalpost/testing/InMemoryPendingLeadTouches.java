package io.goalpost.testing;

import io.goalpost.core.lead.PendingLeadTouches;
import io.goalpost.core.lead.PendingTouch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pending touches in memory; {@link PendingLeadTouchesContract} keeps it honest against the DynamoDB one. */
public final class InMemoryPendingLeadTouches implements PendingLeadTouches {

  private final Map<String, TreeMap<String, PendingTouch>> byClick = new HashMap<>();

  @Override
  public synchronized void keep(PendingTouch touch) {
    byClick.computeIfAbsent(touch.clickId(), c -> new TreeMap<>()).putIfAbsent(touch.eventId(), touch);
  }

  @Override
  public synchronized List<PendingTouch> waitingFor(String clickId) {
    TreeMap<String, PendingTouch> touches = byClick.get(clickId);
    return touches == null ? List.of() : List.copyOf(touches.values());
  }

  @Override
  public synchronized void forget(String clickId, String eventId) {
    TreeMap<String, PendingTouch> touches = byClick.get(clickId);
    if (touches != null) {
      touches.remove(eventId);
    }
  }

  /** Every touch still kept, for a test to see what outlives its decision. */
  public synchronized List<PendingTouch> all() {
    return byClick.values().stream().flatMap(touches -> touches.values().stream()).toList();
  }
}
