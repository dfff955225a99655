package io.goalpost.core.reconciliation;

import io.goalpost.core.stats.DateRange;
import java.util.List;
import java.util.Map;

/**
 * Every sale of a product in a range, credited or explained (SPEC §4). {@code attributedSales}
 * plus the {@code unattributed} counts is {@code sales}: each sale is counted once, in one place.
 *
 * @param byLink       links that were credited sales, most sales first (ties by slug)
 * @param unattributed only the reasons that hold for some sale, in precedence order
 * @param conversions  every sale, earliest first
 */
public record ReconciliationReport(String productId, DateRange range, long sales, long attributedSales,
    List<LinkSales> byLink, Map<Reason, Long> unattributed, List<SaleAnswer> conversions) {

  /** The sales credited to one link and what they paid, per currency (minor units). */
  public record LinkSales(String slug, long sales, Map<String, Long> revenue) {
  }
}
