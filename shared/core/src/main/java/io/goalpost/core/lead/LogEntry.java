package io.goalpost.core.lead;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One touch in a lead's log (SPEC §1 touch): a click, a page view, an opt-in, a checkout view or a
 * payment. Only what the SPEC §3 Consent table lets a lead's log show: its own lineage, the
 * lineages of verified joins, its conversions — never a diagnostic join.
 *
 * @param id the click id, event id or order id, so one touch reached two ways is listed once
 */
public record LogEntry(String type, String id, Instant at, String slug, String url, String formId,
    String productId, Long amount, String currency) {

  public static final Comparator<LogEntry> BY_TIME =
      Comparator.comparing(LogEntry::at).thenComparing(LogEntry::type).thenComparing(LogEntry::id);

  public LogEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
  }
}
