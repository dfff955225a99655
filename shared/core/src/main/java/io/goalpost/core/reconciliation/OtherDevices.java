package io.goalpost.core.reconciliation;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import io.goalpost.core.click.LineageStore;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadLineages;
import io.goalpost.core.lead.LeadStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides {@code other_device_or_cookie} (SPEC §3 Reconciliation; docs/decisions/009): the sale's
 * person clicked, at or before the sale, on a visitor id we may not connect to the sale. Those
 * are the visitor ids its email was seen beside without consent (diagnostic joins), and the
 * verified joins and {@code gp_lt} clicks of a lead that had no {@code gdprConsent} at the sale's
 * time. The sale's own visitor id is never "another device": its clicks are ordinary candidates.
 * Answers yes or no and names no one.
 */
final class OtherDevices {

  private final LeadStore leads;
  private final LeadLineages leadLineages;
  private final ClickStore clicks;
  private final LineageStore lineages;
  private final ClickOwners owners;

  OtherDevices(LeadStore leads, LeadLineages leadLineages, ClickStore clicks, LineageStore lineages,
      ClickOwners owners) {
    this.leads = Objects.requireNonNull(leads);
    this.leadLineages = Objects.requireNonNull(leadLineages);
    this.clicks = Objects.requireNonNull(clicks);
    this.lineages = Objects.requireNonNull(lineages);
    this.owners = Objects.requireNonNull(owners);
  }

  /** Whether such a click exists among those {@code relevant} accepts (a link whose goal the sale matches). */
  boolean clickedOnAnotherDevice(Conversion sale, Predicate<Click> relevant) {
    List<Click> reached = new ArrayList<>();
    Set<String> visitors = new LinkedHashSet<>();
    Lead own = sale.leadId() == null ? null : leads.find(sale.leadId()).filter(lead -> !lead.erased()).orElse(null);
    if (own != null) {
      visitors.addAll(leads.mayNotJoin(own.emailHash()));
    }
    for (String lead : leadsOf(sale)) {
      if (leads.consentOf(lead).gdprConsentAt(sale.at())) {
        continue;
      }
      leads.joinsOf(lead).stream().map(Join::visitorId).forEach(visitors::add);
      leadLineages.clicksOf(lead).forEach(clickId -> clicks.find(clickId).ifPresent(reached::add));
    }
    visitors.remove(sale.visitorId());
    for (String visitor : visitors) {
      reached.addAll(lineages.clicksOf(visitor));
      reached.addAll(owners.wonBy(visitor));
    }
    return reached.stream().anyMatch(click -> click.human() && !click.at().isAfter(sale.at()) && relevant.test(click));
  }

  private Set<String> leadsOf(Conversion sale) {
    Set<String> ids = new LinkedHashSet<>();
    if (sale.leadId() != null) {
      ids.add(sale.leadId());
    }
    if (sale.visitorId() != null) {
      ids.addAll(leads.leadsOfVisitor(sale.visitorId()));
    }
    ids.removeIf(id -> leads.find(id).map(Lead::erased).orElse(true));
    return ids;
  }
}
