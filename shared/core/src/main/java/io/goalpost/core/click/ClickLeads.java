package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;

/**
 * What a personalised click ({@code gp_lt}) does beyond an ordinary one: it enters the lead's
 * lineage, and joins the visitor id the request carried (docs/decisions/007); once the click is
 * stored, the essential page events that waited for it are decided (docs/decisions/010).
 */
@FunctionalInterface
public interface ClickLeads {

  ClickLeads NONE = (event, click) -> { };

  /**
   * Called before the click is stored, so whoever finds the click finds its lead lineage; the
   * click passed is the one the event makes, as the store will keep it.
   */
  void record(ClickEvent event, Click click);

  /** Called once the click is stored and before its conversions are reconsidered. */
  default void stored(ClickEvent event, Click click) {
  }
}
