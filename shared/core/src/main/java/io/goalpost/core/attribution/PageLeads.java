package io.goalpost.core.attribution;

import io.goalpost.core.click.ClickStore;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.lead.LeadLineages;
import io.goalpost.core.lead.LeadStore;
import io.goalpost.core.lead.PendingLeadTouches;
import io.goalpost.core.lead.PendingTouch;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What leads change about page events (SPEC §3 Consent table; docs/decisions/007): the page
 * events of an erased lead's visitor ids are dropped, and an event under consent
 * {@code essential} that names a person's {@code gp_lt} click counts for that click's lead, when
 * the lead had {@code gdprConsent} at the event's time. Like a claim, it must come within an hour
 * of the click, so a personalised URL pasted elsewhere later gives the lead nothing.
 *
 * <p>An essential event taken before its click waits as a pending touch until the click replays
 * it (docs/decisions/010). The click's lead lineage is written before the click item, so an event
 * that finds the click finds its lead too; the event keeps its touch before it looks for the
 * click a second time, and the click looks for touches after it is stored: whichever comes
 * second sees the other, however the two interleave or crash.
 */
public final class PageLeads {

  /** Page events without leads: nothing is erased, no essential event counts. */
  public static final PageLeads NONE = new PageLeads(null, null, null, null);

  private final LeadStore leads;
  private final LeadLineages leadLineages;
  private final ClickStore clicks;
  private final PendingLeadTouches pending;

  public PageLeads(LeadStore leads, LeadLineages leadLineages, ClickStore clicks, PendingLeadTouches pending) {
    this.leads = leads;
    this.leadLineages = leadLineages;
    this.clicks = clicks;
    this.pending = pending;
  }

  public boolean isErased(String visitorId) {
    return leadLineages != null && visitorId != null && leadLineages.isErased(visitorId);
  }

  /**
   * Whether the essential event must wait for its click: it may count for a lead (a page view or
   * opt-in naming a click id) and its click is not stored. It is then kept as a pending touch.
   */
  boolean waitsForItsClick(PageEvent event) {
    if (!mayCountForALead(event) || clicks.find(event.clickId()).isPresent()) {
      return false;
    }
    pending.keep(PendingTouch.of(event));
    if (clicks.find(event.clickId()).isEmpty()) {
      return true;
    }
    // The click came meanwhile, its lead lineage before it: decided now, nothing left to wait.
    pending.forget(event.clickId(), event.eventId());
    return false;
  }

  /** The consenting lead an essential-consent page view or opt-in counts for, if any. */
  public Optional<String> leadOfEssential(PageEvent event) {
    if (!mayCountForALead(event)) {
      return Optional.empty();
    }
    boolean inTime = clicks.find(event.clickId())
        .filter(click -> click.human() && !event.occurredAt().isBefore(click.at())
            && !event.occurredAt().isAfter(click.at().plus(ClickOwners.CLAIM_WINDOW)))
        .isPresent();
    if (!inTime) {
      return Optional.empty();
    }
    // Only a personalised click: a click a server-side opt-in named is the lead's too, but an
    // essential event on it would count or not by which the worker took first (docs/decisions/010).
    return leadLineages.leadsOfPersonalisedClick(event.clickId()).stream()
        .filter(lead -> leads.find(lead).filter(found -> !found.erased()).isPresent())
        .filter(lead -> leads.consentOf(lead).gdprConsentAt(event.occurredAt()))
        .findFirst();
  }

  /** The touches that waited for the click, to be decided now it is stored. */
  List<PendingTouch> waitingFor(String clickId) {
    return pending == null ? List.of() : pending.waitingFor(clickId);
  }

  /** Forgets a touch once it is decided, so nothing of an essential event outlives its decision. */
  void decided(PendingTouch touch) {
    pending.forget(touch.clickId(), touch.eventId());
  }

  /** Notes a lead's conversion on the lead, so its later joins and consent changes find it. */
  void referConversion(Conversion conversion) {
    if (leadLineages != null && conversion.leadId() != null) {
      leadLineages.referConversion(conversion.leadId(), conversion.id());
    }
  }

  private boolean mayCountForALead(PageEvent event) {
    return leadLineages != null && event.clickId() != null && event.visitorId() == null
        && event.kind() != PageEvent.Kind.CHECKOUT_VIEW;
  }

  static PageLeads over(LeadStore leads, LeadLineages leadLineages, ClickStore clicks, PendingLeadTouches pending) {
    return new PageLeads(Objects.requireNonNull(leads), Objects.requireNonNull(leadLineages),
        Objects.requireNonNull(clicks), Objects.requireNonNull(pending));
  }
}
