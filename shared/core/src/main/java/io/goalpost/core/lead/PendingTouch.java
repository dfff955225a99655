package io.goalpost.core.lead;

import io.goalpost.core.event.PageEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An essential-consent page view or opt-in that named a click the worker has not stored yet
 * (docs/decisions/010): only what the lead rule and the conversion need — no visitor id, no
 * referrer, no IP, no user agent. The url is the beacon's reduced one (no query but {@code utm_*}).
 */
public record PendingTouch(String clickId, String eventId, PageEvent.Kind kind, Instant at, String url,
    String formId) {

  public PendingTouch {
    Objects.requireNonNull(clickId, "clickId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(url, "url");
    if (kind == PageEvent.Kind.CHECKOUT_VIEW) {
      throw new IllegalArgumentException("a checkout view never counts for a lead");
    }
  }

  public static PendingTouch of(PageEvent event) {
    if (event.visitorId() != null) {
      throw new IllegalArgumentException("only an event that keeps no visitor id waits as a pending touch");
    }
    return new PendingTouch(event.clickId(), event.eventId(), event.kind(), event.occurredAt(), event.url(),
        event.formId());
  }

  /** The page event again, as the beacon sent it under consent {@code essential}, less what was not kept. */
  public PageEvent event() {
    return new PageEvent(kind, eventId, at, url, null, PageEvent.Consent.ESSENTIAL, null, clickId, formId, null);
  }
}
