package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A click as the worker keeps it: which link, when (receipt time, the event time of clicks), and
 * the visitor id the request carried, if any. No IP, no user agent.
 */
public record Click(String clickId, String slug, Instant at, String visitorId) {

  public Click {
    Objects.requireNonNull(clickId, "clickId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(at, "at");
  }

  public static Click of(ClickEvent event) {
    return new Click(event.clickId(), event.slug(), event.occurredAt(), event.visitorId());
  }

  /** The UTC day its counters go to. */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
