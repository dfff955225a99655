package io.goalpost.core.click;

import java.util.List;

/**
 * The clicks in each visitor id's lineage (SPEC §1), in event-time order. Later issues add the
 * other touches and the lead a visitor is joined to; attribution reads it as a candidate source.
 */
public interface LineageStore {

  /** Adds the click to the visitor's lineage; adding it again changes nothing. */
  void addClick(String visitorId, Click click);

  /** The visitor's clicks, earliest first (ties by click id). Strongly consistent. */
  List<Click> clicksOf(String visitorId);
}
