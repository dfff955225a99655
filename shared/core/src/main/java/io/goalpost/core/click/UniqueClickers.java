package io.goalpost.core.click;

import java.time.LocalDate;

/**
 * One marker per link, UTC day and clicker, held by the first click that set it. Asking again for
 * the same click answers the same, so a redelivered click decides its uniqueness as before.
 */
public interface UniqueClickers {

  /**
   * Sets the marker for this clicker on this link and day unless it is set, and answers whether
   * the marker is held by {@code clickId}, i.e. whether this click is the clicker's first there.
   */
  boolean firstOfDay(String slug, LocalDate day, String clicker, String clickId);
}
