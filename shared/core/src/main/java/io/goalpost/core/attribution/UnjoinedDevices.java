package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.LineageStore;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.lead.DiagnosticJoins;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes the reconciliation's {@code other_device_or_cookie} decidable (SPEC §3 Reconciliation;
 * docs/decisions/007): whether a sale's identity — the lead its email found — has a person's
 * click, at or before the sale, only on a visitor id that may not be joined to it (a diagnostic
 * join). It answers yes or no for one sale and names no one; the reconciliation counts it.
 */
public final class UnjoinedDevices {

  private final LeadStore leads;
  private final DiagnosticJoins diagnostics;
  private final LineageStore lineages;
  private final ClickOwners owners;

  public UnjoinedDevices(LeadStore leads, DiagnosticJoins diagnostics, LineageStore lineages, ClickOwners owners) {
    this.leads = Objects.requireNonNull(leads);
    this.diagnostics = Objects.requireNonNull(diagnostics);
    this.lineages = Objects.requireNonNull(lineages);
    this.owners = Objects.requireNonNull(owners);
  }

  /** The person clicked, before the sale, on a device that may not be joined to the sale's identity. */
  public boolean clickedOnlyOnAnUnjoinedDevice(Conversion sale) {
    if (sale.leadId() == null) {
      return false;
    }
    String emailHash = leads.find(sale.leadId()).filter(lead -> !lead.erased()).map(Lead::emailHash).orElse(null);
    if (emailHash == null) {
      return false;
    }
    for (String visitor : diagnostics.mayNotJoin(emailHash)) {
      List<Click> clicks = new ArrayList<>(lineages.clicksOf(visitor));
      clicks.addAll(owners.wonBy(visitor));
      if (clicks.stream().anyMatch(click -> click.human() && !click.at().isAfter(sale.at()))) {
        return true;
      }
    }
    return false;
  }
}
