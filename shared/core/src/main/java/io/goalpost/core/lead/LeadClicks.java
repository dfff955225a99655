package io.goalpost.core.lead;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickLeads;
import io.goalpost.core.event.ClickEvent;
import java.util.Objects;

/**
 * A {@code gp_lt} click of a person (SPEC §3 Consent table): into the lead's lineage whatever the
 * cookies, and a join to the visitor id the request carried — verified under consent, else
 * diagnostic. An erased lead's personalised link still redirects and counts, and names no one.
 */
public final class LeadClicks implements ClickLeads {

  public static final String SOURCE = "gp_lt";

  private final LeadStore leads;
  private final LeadLineages lineages;
  private final LeadJoins joins;

  public LeadClicks(LeadStore leads, LeadLineages lineages) {
    this.leads = Objects.requireNonNull(leads);
    this.lineages = Objects.requireNonNull(lineages);
    this.joins = new LeadJoins(leads);
  }

  @Override
  public void record(ClickEvent event, Click click) {
    if (event.leadId() == null || !click.human()) {
      return;
    }
    boolean live = leads.find(event.leadId()).filter(lead -> !lead.erased()).isPresent();
    if (!live) {
      return;
    }
    lineages.addClick(event.leadId(), click.clickId());
    if (click.visitorId() != null) {
      joins.join(event.leadId(), click.visitorId(), click.at(), SOURCE);
    }
  }
}
