package io.goalpost.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What the page script (or the no-JavaScript pixel) reported: a page view, an opt-in or a view of
 * a checkout. Ids are kept only under consent {@code all}; under {@code essential} the event
 * carries at most the click id of the URL it was sent from (so a consenting lead's personalised
 * click still counts, SPEC §3 Consent) and is otherwise counted in totals only.
 *
 * @param url       the page URL without query or fragment, except {@code utm_*} parameters
 * @param referrer  the referring URL reduced the same way, or null
 * @param visitorId {@code gp_vid}, only under consent {@code all}
 * @param clickId   {@code gp_cid} the page was landed with, or null
 */
public record PageEvent(Kind kind, String eventId, Instant occurredAt, String url,
    String referrer, Consent consent, String visitorId, String clickId, String formId,
    String productId) implements TrackingEvent {

  public enum Kind {
    PAGE_VIEW("page_view"), OPT_IN("opt_in"), CHECKOUT_VIEW("checkout_view");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Kind fromWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName.equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown page event type: " + name);
    }
  }

  public enum Consent {
    ALL("all"), ESSENTIAL("essential");

    private final String wireName;

    Consent(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Consent fromWireName(String name) {
      return "all".equals(name) ? ALL : ESSENTIAL;
    }
  }

  public static final int VERSION = 1;
  public static final String TYPE = "page";

  public PageEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(consent, "consent");
    if (consent == Consent.ESSENTIAL && visitorId != null) {
      throw new IllegalArgumentException("visitorId: not kept without consent all");
    }
  }

  @Override
  public int version() {
    return VERSION;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
