package io.goalpost.core.attribution;

import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadLineages;
import io.goalpost.core.lead.LeadStore;
import io.goalpost.core.lead.LineageErasure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The worker's side of what the api did to a lead (docs/decisions/007). The api wrote the lead,
 * its consent and its joins before it enqueued the event; the worker writes the opt-in
 * conversion, then decides again every conversion of the lead, since a join or a consent change
 * can add candidates or take them away. Every step is a put of the same item or a re-evaluation,
 * so a redelivery after a crash at any point ends in the same credits.
 */
public final class LeadRecorder {

  private final LeadStore leads;
  private final LeadLineages leadLineages;
  private final LineageErasure erasure;
  private final ConversionStore conversions;
  private final LeadCandidates candidates;
  private final CreditEvaluator credits;

  public LeadRecorder(LeadStore leads, LeadLineages leadLineages, LineageErasure erasure, ConversionStore conversions,
      LeadCandidates candidates, CreditEvaluator credits) {
    this.leads = Objects.requireNonNull(leads);
    this.leadLineages = Objects.requireNonNull(leadLineages);
    this.erasure = Objects.requireNonNull(erasure);
    this.conversions = Objects.requireNonNull(conversions);
    this.candidates = Objects.requireNonNull(candidates);
    this.credits = Objects.requireNonNull(credits);
  }

  public void record(LeadEvent event) {
    Optional<Lead> lead = leads.find(event.leadId());
    if (event.kind() == LeadEvent.Kind.ERASE) {
      lead.filter(Lead::erased).ifPresent(this::erase);
      return;
    }
    if (lead.isEmpty() || lead.get().erased()) {
      return;
    }
    if (event.kind() == LeadEvent.Kind.OPT_IN) {
      recordOptIn(event);
    }
    candidates.conversionsOfLead(event.leadId()).forEach(credits::reevaluate);
  }

  private void recordOptIn(LeadEvent event) {
    Conversion optIn = conversions.putIfAbsent(Conversion.leadOptIn(event.eventId(), event.occurredAt(),
        event.leadId(), event.visitorId(), event.clickId(), event.formId())).conversion();
    if (optIn.clickId() != null) {
      // The user's backend vouches for the click its form page was landed with: the lead's lineage.
      leadLineages.addClick(optIn.leadId(), optIn.clickId());
      conversions.referFromClick(optIn.clickId(), optIn.id());
    }
    conversions.referFromVisitor(optIn);
    leadLineages.referConversion(optIn.leadId(), optIn.id());
    if (credits.evaluate(optIn.id()).isPresent()) {
      credits.reevaluateLaterOfItsIdentity(optIn);
    }
  }

  /**
   * The tombstone is written; the rest goes. Visitor ids are marked erased first, so page events
   * of theirs are dropped from then on, then their lineages, then the lead's own traces.
   */
  private void erase(Lead tombstone) {
    Set<String> visitors = new LinkedHashSet<>(tombstone.erasedVisitorIds());
    List<String> identities = new ArrayList<>(visitors);
    identities.add("lead#" + tombstone.leadId());
    visitors.forEach(visitor -> leadLineages.markErased(visitor, tombstone.leadId()));
    identities.forEach(erasure::eraseLineage);
    leadLineages.erase(tombstone.leadId());
    leads.eraseHistory(tombstone.leadId());
  }
}
