package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;

/**
 * What a personalised click ({@code gp_lt}) does beyond an ordinary one: it enters the lead's
 * lineage, and joins the visitor id the request carried (docs/decisions/007). Called before the
 * click's conversions are reconsidered, so they see it.
 */
@FunctionalInterface
public interface ClickLeads {

  ClickLeads NONE = (event, click) -> { };

  void record(ClickEvent event, Click click);
}
