package io.goalpost.core.lead;

import java.time.Instant;
import java.util.Objects;

/**
 * Joins a visitor id to a lead as the SPEC §3 Consent table allows: verified when the lead had
 * {@code gdprConsent} at the join's event time, else only a diagnostic join under the email's
 * hash (docs/decisions/007). Callers are verified sources only; no beacon path reaches this.
 */
public final class LeadJoins {

  private final LeadStore leads;

  public LeadJoins(LeadStore leads) {
    this.leads = Objects.requireNonNull(leads);
  }

  /** Answers whether the join is verified; an erased or unknown lead joins no one. */
  public boolean join(String leadId, String visitorId, Instant at, String source) {
    Lead lead = leads.find(leadId).orElse(null);
    if (lead == null || lead.erased()) {
      return false;
    }
    if (leads.consentOf(leadId).gdprConsentAt(at)) {
      leads.join(leadId, new Join(visitorId, at, source));
      return true;
    }
    leads.addDiagnosticJoin(lead.emailHash(), visitorId, at);
    return false;
  }
}
