package io.goalpost.testing.history;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.TrackingEvent;
import java.time.Instant;

/**
 * A click on a link: by a visitor whose {@code gp_vid} the redirect read, or by a device known
 * only by its daily-salted hash ({@code d0}), a person's or a bot's.
 */
public record HistoryClick(String name, String link, String visitor, String device, boolean bot, Instant at)
    implements HistoryEvent {

  @Override
  public TrackingEvent in(Namespace ns) {
    String visitorId = visitor == null ? null : ns.minted(visitor);
    String clicker = visitorId != null ? ClickEvent.visitorClicker(visitorId) : "h#" + ns.minted(device);
    return new ClickEvent(ns.external(link), ns.minted(name), visitorId, at, bot, clicker);
  }

  @Override
  public String toString() {
    return HistoryEvent.label(at) + " click " + name + " on " + link + " by " + (visitor != null ? visitor : device)
        + (bot ? " (bot)" : "");
  }
}
