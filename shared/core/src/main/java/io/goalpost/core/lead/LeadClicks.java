package io.goalpost.core.lead;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickLeads;
import io.goalpost.core.event.ClickEvent;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@code gp_lt} click of a person (SPEC §3 Consent table): into the lead's lineage whatever the
 * cookies, and a join to the visitor id the request carried — verified under consent, else
 * diagnostic. An erased lead's personalised link still redirects and counts, and names no one.
 * Once the click is stored, the essential page events that named it before it came are replayed
 * (docs/decisions/010); an ordinary click leaves them waiting, and they never count.
 */
public final class LeadClicks implements ClickLeads {

  public static final String SOURCE = "gp_lt";

  private final LeadStore leads;
  private final LeadLineages lineages;
  private final LeadJoins joins;
  private final Consumer<String> replayWaitingFor;

  public LeadClicks(LeadStore leads, LeadLineages lineages) {
    this(leads, lineages, clickId -> { });
  }

  /** @param replayWaitingFor decides the pending touches of a click id */
  public LeadClicks(LeadStore leads, LeadLineages lineages, Consumer<String> replayWaitingFor) {
    this.leads = Objects.requireNonNull(leads);
    this.lineages = Objects.requireNonNull(lineages);
    this.joins = new LeadJoins(leads);
    this.replayWaitingFor = Objects.requireNonNull(replayWaitingFor);
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
    lineages.addPersonalisedClick(event.leadId(), click.clickId());
    if (click.visitorId() != null) {
      joins.join(event.leadId(), click.visitorId(), click.at(), SOURCE);
    }
  }

  /** Even an erased lead's click replays: its touches are then decided to give nothing, and forgotten. */
  @Override
  public void stored(ClickEvent event, Click click) {
    if (event.leadId() != null && click.human()) {
      replayWaitingFor.accept(click.clickId());
    }
  }
}
