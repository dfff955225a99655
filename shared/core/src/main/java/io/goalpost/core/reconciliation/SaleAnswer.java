package io.goalpost.core.reconciliation;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import java.time.Instant;
import java.util.Objects;

/**
 * One sale in the reconciliation: credited (its link and path) or not (its one reason). It holds
 * the order and its money, never who bought: no visitor id, click id or email.
 */
public record SaleAnswer(String orderId, Instant occurredAt, long amount, String currency, String slug,
    CreditPath path, Reason reason) {

  public SaleAnswer {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if ((slug == null) == (reason == null) || (slug == null) != (path == null)) {
      throw new IllegalArgumentException("a sale is either credited (slug and path) or has a reason");
    }
  }

  static SaleAnswer credited(Conversion sale, Credit credit) {
    return new SaleAnswer(sale.orderId(), sale.at(), sale.amount(), sale.currency(), credit.slug(), credit.path(),
        null);
  }

  static SaleAnswer unattributed(Conversion sale, Reason reason) {
    return new SaleAnswer(sale.orderId(), sale.at(), sale.amount(), sale.currency(), null, null,
        Objects.requireNonNull(reason));
  }

  public boolean attributed() {
    return slug != null;
  }
}
