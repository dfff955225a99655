package io.goalpost.core.event;

import io.goalpost.core.id.Ids;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the api function hands the worker about a lead (docs/decisions/007). It carries the lead's
 * id, never its email: the api has already created the lead and written its consent and joins.
 * <ul>
 *   <li>{@code opt_in}: the server-side opt-in, an {@code opt_in} conversion of the lead (with
 *       the visitor and click ids and form the user's backend sent); its join may change credits;</li>
 *   <li>{@code consent}: the consent changed, so the lead's conversions are decided again;</li>
 *   <li>{@code erase}: the erasure command; the tombstone is already written.</li>
 * </ul>
 */
public record LeadEvent(Kind kind, String eventId, Instant occurredAt, String leadId, String visitorId,
    String clickId, String formId) implements TrackingEvent {

  public enum Kind {
    OPT_IN("opt_in"), CONSENT("consent"), ERASE("erase");

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
      throw new IllegalArgumentException("unknown lead event kind: " + name);
    }
  }

  public static final int VERSION = 1;
  public static final String TYPE = "lead";
  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  public LeadEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    requireMinted("leadId", leadId);
    if (visitorId != null) {
      requireMinted("visitorId", visitorId);
    }
    if (clickId != null) {
      requireMinted("clickId", clickId);
    }
    if (formId != null && !EXTERNAL_ID.matcher(formId).matches()) {
      throw new IllegalArgumentException("formId: must match " + EXTERNAL_ID.pattern());
    }
  }

  public static LeadEvent optIn(String eventId, Instant at, String leadId, String visitorId, String clickId,
      String formId) {
    return new LeadEvent(Kind.OPT_IN, eventId, at, leadId, visitorId, clickId, formId);
  }

  public static LeadEvent consent(String eventId, Instant at, String leadId) {
    return new LeadEvent(Kind.CONSENT, eventId, at, leadId, null, null, null);
  }

  public static LeadEvent erase(String eventId, Instant at, String leadId) {
    return new LeadEvent(Kind.ERASE, eventId, at, leadId, null, null, null);
  }

  private static void requireMinted(String field, String value) {
    if (!Ids.isMintedId(value)) {
      throw new IllegalArgumentException(field + ": must match " + Ids.MINTED_ID.pattern());
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
