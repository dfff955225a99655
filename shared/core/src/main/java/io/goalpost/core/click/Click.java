package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A click as the worker keeps it: which link, when (receipt time, the event time of clicks), the
 * visitor id the request carried, if any, and whether a person made it. No IP, no user agent.
 * A bot's click is kept ({@code human} false) so a conversion naming it finds it and skips it.
 */
public record Click(String clickId, String slug, Instant at, String visitorId, boolean human) {

  public Click {
    Objects.requireNonNull(clickId, "clickId");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(at, "at");
  }

  /** A person's click. */
  public Click(String clickId, String slug, Instant at, String visitorId) {
    this(clickId, slug, at, visitorId, true);
  }

  public static Click of(ClickEvent event) {
    return new Click(event.clickId(), event.slug(), event.occurredAt(), event.visitorId(), !event.bot());
  }

  /** The UTC day its counters go to. */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
