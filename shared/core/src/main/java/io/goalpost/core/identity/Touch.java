package io.goalpost.core.identity;

import io.goalpost.core.event.PageEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One page event in a visitor's lineage (SPEC §1 touch): a page view, an opt-in or a checkout
 * view, kept only under consent {@code all}. The lead log (a later issue) shows these.
 */
public record Touch(PageEvent.Kind kind, String eventId, Instant at, String url, String clickId,
    String formId, String productId) {

  public Touch {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(url, "url");
  }

  public static Touch of(PageEvent event) {
    return new Touch(event.kind(), event.eventId(), event.occurredAt(), event.url(), event.clickId(), event.formId(),
        event.productId());
  }
}
