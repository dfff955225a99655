package io.goalpost.testing.history;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.LeadJoins;
import io.goalpost.core.lead.LeadStore;
import java.time.Instant;
import java.util.Optional;

/**
 * What the api does for a lead ({@code ld0}, email {@code ld0@…}): a server-side opt-in
 * ({@code POST /api/leads}: the lead, the consent sent with it if any, a join of the visitor id it
 * names) or a consent change ({@code PATCH}). The api writes those items itself, synchronously,
 * then enqueues the event; {@link #applyApiSide} is that first half, the event is the second.
 *
 * @param gdprConsent the consent an opt-in sent (null: none) or a change's new value
 * @param visitor     the visitor id an opt-in named, joined to the lead (null: none)
 * @param form        the form an opt-in named (null: none)
 */
public record HistoryLead(String name, LeadEvent.Kind kind, String lead, Boolean gdprConsent, String visitor,
    String form, Instant at) implements HistoryEvent {

  public HistoryLead {
    if (kind == LeadEvent.Kind.ERASE || kind == LeadEvent.Kind.CONSENT && gdprConsent == null) {
      throw new IllegalArgumentException("an opt-in, or a consent change with its value");
    }
  }

  /** The lead's email in a namespace: the api and a payment's email meet on it. */
  static String email(Namespace ns, String lead) {
    return ns.external(lead) + "@example.com";
  }

  /** The api's own writes, as {@code Leads.optIn} and {@code Leads.changeConsent} make them. */
  public void applyApiSide(Namespace ns, WorkerStores stores) {
    LeadStore leads = stores.leads();
    String email = email(ns, lead);
    if (kind == LeadEvent.Kind.CONSENT) {
      leads.addConsent(ns.minted(lead), new ConsentChange(gdprConsent, at, eventId(ns), "api"));
      return;
    }
    String leadId = leads.createOrFind(email, stores.emailHashes().of(email), ns.minted(lead), at);
    if (gdprConsent != null) {
      leads.addConsent(leadId, new ConsentChange(gdprConsent, at, eventId(ns), "opt_in"));
    }
    if (visitor != null) {
      new LeadJoins(leads).join(leadId, ns.minted(visitor), at, "opt_in");
    }
  }

  private String eventId(Namespace ns) {
    return "api:" + ns.minted(name);
  }

  @Override
  public TrackingEvent in(Namespace ns) {
    return kind == LeadEvent.Kind.OPT_IN
        ? LeadEvent.optIn(eventId(ns), at, ns.minted(lead), visitor == null ? null : ns.minted(visitor), null,
            form == null ? null : ns.external(form))
        : LeadEvent.consent(eventId(ns), at, ns.minted(lead));
  }

  @Override
  public Optional<String> conversionIdIn(Namespace ns) {
    return kind == LeadEvent.Kind.OPT_IN
        ? Optional.of(Conversion.pageId(Conversion.Kind.OPT_IN, eventId(ns)))
        : Optional.empty();
  }

  @Override
  public String toString() {
    String consent = gdprConsent == null ? "" : " gdprConsent=" + gdprConsent;
    return HistoryEvent.label(at) + " " + name + (kind == LeadEvent.Kind.OPT_IN
        ? " api opt_in " + lead + consent + (visitor == null ? "" : " " + visitor) + (form == null ? "" : " " + form)
        : " api consent " + lead + consent);
  }
}
