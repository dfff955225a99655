package io.goalpost.core.attribution;

import io.goalpost.core.click.ClickStore;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.lead.LeadLineages;
import io.goalpost.core.lead.LeadStore;
import java.util.Objects;
import java.util.Optional;

/**
 * What leads change about page events (SPEC §3 Consent table; docs/decisions/007): the page
 * events of an erased lead's visitor ids are dropped, and an event under consent
 * {@code essential} that names a person's {@code gp_lt} click counts for that click's lead, when
 * the lead had {@code gdprConsent} at the event's time. Like a claim, it must come within an hour
 * of the click, so a personalised URL pasted elsewhere later gives the lead nothing.
 */
public final class PageLeads {

  /** Page events without leads: nothing is erased, no essential event counts. */
  public static final PageLeads NONE = new PageLeads(null, null, null);

  private final LeadStore leads;
  private final LeadLineages leadLineages;
  private final ClickStore clicks;

  public PageLeads(LeadStore leads, LeadLineages leadLineages, ClickStore clicks) {
    this.leads = leads;
    this.leadLineages = leadLineages;
    this.clicks = clicks;
  }

  public boolean isErased(String visitorId) {
    return leadLineages != null && visitorId != null && leadLineages.isErased(visitorId);
  }

  /** The consenting lead an essential-consent page view or opt-in counts for, if any. */
  public Optional<String> leadOfEssential(PageEvent event) {
    if (leadLineages == null || event.clickId() == null || event.kind() == PageEvent.Kind.CHECKOUT_VIEW) {
      return Optional.empty();
    }
    boolean inTime = clicks.find(event.clickId())
        .filter(click -> click.human() && !event.occurredAt().isBefore(click.at())
            && !event.occurredAt().isAfter(click.at().plus(ClickOwners.CLAIM_WINDOW)))
        .isPresent();
    if (!inTime) {
      return Optional.empty();
    }
    return leadLineages.leadsOfClick(event.clickId()).stream()
        .filter(lead -> leads.find(lead).filter(found -> !found.erased()).isPresent())
        .filter(lead -> leads.consentOf(lead).gdprConsentAt(event.occurredAt()))
        .findFirst();
  }

  /** Notes a lead's conversion on the lead, so its later joins and consent changes find it. */
  void referConversion(Conversion conversion) {
    if (leadLineages != null && conversion.leadId() != null) {
      leadLineages.referConversion(conversion.leadId(), conversion.id());
    }
  }

  static PageLeads over(LeadStore leads, LeadLineages leadLineages, ClickStore clicks) {
    return new PageLeads(Objects.requireNonNull(leads), Objects.requireNonNull(leadLineages),
        Objects.requireNonNull(clicks));
  }
}
