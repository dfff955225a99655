package io.goalpost.testing.history;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.TrackingEvent;
import java.time.Instant;

/**
 * A click on a link by a person: a visitor ({@code v0}) whose {@code gp_vid} the redirect may or
 * may not read (a first visit, or a tracking domain apart from the site's), or someone who never
 * gets a visitor id ({@code d0}); unique clicks then go by the daily-salted hash of the device.
 * A bot's click counts as a bot click only. A personalised link's click carries its lead
 * ({@code gp_lt}); null for an ordinary click.
 */
public record HistoryClick(String name, String link, String person, boolean carriesVisitorId, boolean bot,
    Instant at, String lead) implements HistoryEvent {

  /** The visitor id the click carried, if any. */
  public String visitor() {
    return carriesVisitorId && person.startsWith("v") ? person : null;
  }

  /** The visitor the person is, if they are one: who would claim this click on landing. */
  public String personVisitor() {
    return person.startsWith("v") ? person : null;
  }

  @Override
  public TrackingEvent in(Namespace ns) {
    String visitorId = visitor() == null ? null : ns.minted(visitor());
    if (lead != null) {
      String leadId = ns.minted(lead);
      return new ClickEvent(ns.external(link), ns.minted(name), visitorId, at, bot, ClickEvent.leadClicker(leadId),
          leadId);
    }
    String clicker = visitorId != null ? ClickEvent.visitorClicker(visitorId) : "h#" + ns.minted(person);
    return new ClickEvent(ns.external(link), ns.minted(name), visitorId, at, bot, clicker);
  }

  @Override
  public String toString() {
    return HistoryEvent.label(at) + " click " + name + " on " + link + " by " + person
        + (visitor() == null && person.startsWith("v") ? " (no gp_vid)" : "") + (lead == null ? "" : " gp_lt " + lead)
        + (bot ? " (bot)" : "");
  }
}
