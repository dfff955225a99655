package io.goalpost.core.lead;

import java.util.List;

/** What {@code GET /api/leads/{leadId}} shows: the lead, its verified visitor ids, consent history and log. */
public record LeadView(Lead lead, List<Join> joins, List<ConsentChange> consent, List<LogEntry> log) {

  public LeadView {
    joins = List.copyOf(joins);
    consent = List.copyOf(consent);
    log = List.copyOf(log);
  }
}
