package io.goalpost.core.identity;

import java.util.List;

/** The page events in each visitor id's lineage, in event-time order. */
public interface VisitorTouches {

  /** Adds the touch to the visitor's lineage; adding it again changes nothing. */
  void add(String visitorId, Touch touch);

  /** The visitor's touches, earliest first (ties by event id). Strongly consistent. */
  List<Touch> of(String visitorId);
}
