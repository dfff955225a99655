package io.goalpost.core.lead;

import io.goalpost.core.event.OrderEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment's email (SPEC §3 Consent table): creates or finds its lead; with a visitor id too, the
 * visitor is joined — verified when the lead had {@code gdprConsent} at the sale's time, else a
 * diagnostic join. An erased lead's email has no pointer any more, so its next purchase starts a
 * new, unjoined lead.
 */
public final class SaleLeads {

  public static final String SOURCE = "payment";

  private final LeadStore leads;
  private final EmailHashes hashes;
  private final LeadJoins joins;
  private final java.util.function.Supplier<String> newLeadIds;

  public SaleLeads(LeadStore leads, EmailHashes hashes, java.util.function.Supplier<String> newLeadIds) {
    this.leads = Objects.requireNonNull(leads);
    this.hashes = Objects.requireNonNull(hashes);
    this.joins = new LeadJoins(leads);
    this.newLeadIds = Objects.requireNonNull(newLeadIds);
  }

  /** The sale's lead, when it carried a well-formed email. */
  public Optional<String> leadOf(OrderEvent sale) {
    Optional<String> email = EmailAddresses.normalise(sale.email());
    if (email.isEmpty()) {
      return Optional.empty();
    }
    String leadId = leads.createOrFind(email.get(), hashes.of(email.get()), newLeadIds.get(), sale.occurredAt());
    if (sale.visitorId() != null) {
      joins.join(leadId, sale.visitorId(), sale.occurredAt(), SOURCE);
    }
    return Optional.of(leadId);
  }
}
