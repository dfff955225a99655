package io.goalpost.core.lead;

import io.goalpost.core.event.OrderEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A payment's email (SPEC §3 Consent table): creates or finds its lead; with a visitor id too, the
 * visitor is joined — verified when the lead had {@code gdprConsent} at the sale's time, else a
 * diagnostic join. An erased lead's email has no pointer any more, so its next purchase starts a
 * new, unjoined lead.
 *
 * <p>The email arrives sealed to its event (docs/decisions/011) and is opened here, the one place
 * that needs it. One that cannot be opened (another key, altered, moved from another event) makes
 * the sale a sale without an email: it still counts, only its lead is not known.
 */
public final class SaleLeads {

  public static final String SOURCE = "payment";

  private final LeadStore leads;
  private final EmailHashes hashes;
  private final LeadJoins joins;
  private final EmailSeal seal;
  private final Supplier<String> newLeadIds;

  public SaleLeads(LeadStore leads, EmailHashes hashes, EmailSeal seal, Supplier<String> newLeadIds) {
    this.leads = Objects.requireNonNull(leads);
    this.hashes = Objects.requireNonNull(hashes);
    this.seal = Objects.requireNonNull(seal);
    this.joins = new LeadJoins(leads);
    this.newLeadIds = Objects.requireNonNull(newLeadIds);
  }

  /** The sale's lead, when it carried a well-formed email that opens. */
  public Optional<String> leadOf(OrderEvent sale) {
    Optional<String> email = opened(sale).flatMap(EmailAddresses::normalise);
    if (email.isEmpty()) {
      return Optional.empty();
    }
    String leadId = leads.createOrFind(email.get(), hashes.of(email.get()), newLeadIds.get(), sale.occurredAt());
    if (sale.visitorId() != null) {
      joins.join(leadId, sale.visitorId(), sale.occurredAt(), SOURCE);
    }
    return Optional.of(leadId);
  }

  /** True when the sale carries a sealed email this worker cannot open: the caller logs why it has no lead. */
  public boolean unreadableEmail(OrderEvent sale) {
    return sale.sealedEmail() != null && opened(sale).isEmpty();
  }

  private Optional<String> opened(OrderEvent sale) {
    return sale.sealedEmail() == null ? Optional.empty() : seal.open(sale.sealedEmail(), sale.eventId());
  }
}
