package io.goalpost.core.reconciliation;

import io.goalpost.core.attribution.ClickIdCandidates;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.ConversionStore;
import io.goalpost.core.attribution.LeadCandidates;
import io.goalpost.core.attribution.LineageCandidates;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.link.Link;
import io.goalpost.core.stats.DateRange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code GET /api/products/{productId}/reconciliation} (SPEC §3 Reconciliation, §4;
 * docs/decisions/009): the product's sales in the range, each credited — as the worker stored it
 * — or given its one reason, computed now from stored facts. Nothing here is written.
 */
public final class Reconciliation {

  /** The product ids {@code ProductStatistics} accepts, so the two routes refuse the same ones. */
  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Comparator<ReconciliationReport.LinkSales> MOST_SALES_FIRST =
      Comparator.comparingLong(ReconciliationReport.LinkSales::sales).reversed()
          .thenComparing(ReconciliationReport.LinkSales::slug);

  /**
   * The most sales without a credit one report explains (docs/decisions/012). A credited sale
   * costs a hundredth of a read; an uncredited one about six sequential reads of its candidates,
   * and the api function has 10 s: a range with more gets a 400 asking for a shorter one.
   */
  public static final int MAX_UNCREDITED_SALES = 200;

  private final ProductSales sales;
  private final ConversionStore conversions;
  private final SaleReasons reasons;
  private final Clock clock;
  private final int maxUncredited;

  public Reconciliation(ProductSales sales, ConversionStore conversions, SaleReasons reasons, Clock clock) {
    this(sales, conversions, reasons, clock, MAX_UNCREDITED_SALES);
  }

  private Reconciliation(ProductSales sales, ConversionStore conversions, SaleReasons reasons, Clock clock,
      int maxUncredited) {
    this.sales = Objects.requireNonNull(sales);
    this.conversions = Objects.requireNonNull(conversions);
    this.reasons = Objects.requireNonNull(reasons);
    this.clock = Objects.requireNonNull(clock);
    if (maxUncredited < 1) {
      throw new IllegalArgumentException("maxUncredited must be positive: " + maxUncredited);
    }
    this.maxUncredited = maxUncredited;
  }

  /** The same report with another bound on the uncredited sales it explains (a benchmark's or a test's). */
  public Reconciliation explainingAtMost(int maxUncredited) {
    return new Reconciliation(sales, conversions, reasons, clock, maxUncredited);
  }

  /** Over the worker's stores, with the worker's candidate sources in its path precedence. */
  public static Reconciliation over(WorkerStores stores, Clock clock) {
    ClickOwners owners = new ClickOwners(stores.clicks(), stores.claims());
    SaleReasons reasons = new SaleReasons(
        List.of(new ClickIdCandidates(stores.clicks(), owners, stores.conversions()),
            new LineageCandidates(stores.lineages(), owners, stores.conversions()),
            new LeadCandidates(stores.leads(), stores.leadLineages(), stores.clicks(), stores.lineages(), owners,
                stores.conversions())),
        stores.links(),
        new OtherDevices(stores.leads(), stores.leadLineages(), stores.clicks(), stores.lineages(), owners),
        erasedIdentity(stores));
    return new Reconciliation(stores.productSales(), stores.conversions(), reasons, clock);
  }

  /** As the worker tells an erased identity (docs/decisions/007): its lead is a tombstone, or its visitor id is erased. */
  private static Predicate<Conversion> erasedIdentity(WorkerStores stores) {
    return sale -> (sale.visitorId() != null && stores.leadLineages().isErased(sale.visitorId()))
        || (sale.leadId() != null && stores.leads().find(sale.leadId()).filter(Lead::erased).isPresent());
  }

  /** {@code from} and {@code to} as the request gave them ({@code YYYY-MM-DD}), null when absent. */
  public ReconciliationResult of(String productId, String from, String to) {
    if (productId == null || !PRODUCT_ID.matcher(productId).matches()) {
      return new ReconciliationResult.Invalid("productId must be 1-64 characters of A-Z, a-z, 0-9, _ . : and -");
    }
    DateRange range;
    try {
      range = DateRange.parse(from, to, clock);
    } catch (DateRange.InvalidDateRange invalid) {
      return new ReconciliationResult.Invalid(invalid.getMessage());
    }
    List<String> ids = sales.between(productId, range.from(), range.to());
    // One batched read for all the conversions, not one read per sale (docs/decisions/012).
    Map<String, ConversionRecord> records = conversions.findAll(ids);
    long uncredited = records.values().stream().filter(record -> record.credit() == null).count();
    if (uncredited > maxUncredited) {
      return new ReconciliationResult.Invalid(range.from() + " … " + range.to() + " holds " + uncredited
          + " sales without a credit; one report explains at most " + maxUncredited
          + ": ask for a shorter range (from, to)");
    }
    Map<String, Optional<Link>> linksBySlug = new HashMap<>();
    List<SaleAnswer> answers = new ArrayList<>();
    for (String id : ids) {
      ConversionRecord record = records.get(id);
      if (record != null) {
        answers.add(answer(record, linksBySlug));
      }
    }
    return new ReconciliationResult.Found(reportOf(productId, range, answers));
  }

  /** A credited sale is its stored credit: no candidate is read for it. */
  private SaleAnswer answer(ConversionRecord record, Map<String, Optional<Link>> linksBySlug) {
    Conversion sale = record.conversion();
    return record.credit() != null ? SaleAnswer.credited(sale, record.credit())
        : SaleAnswer.unattributed(sale, reasons.of(sale, linksBySlug));
  }

  private static ReconciliationReport reportOf(String productId, DateRange range, List<SaleAnswer> answers) {
    Map<String, Long> salesBySlug = new TreeMap<>();
    Map<String, Map<String, Long>> revenueBySlug = new TreeMap<>();
    Map<Reason, Long> unattributed = new EnumMap<>(Reason.class);
    for (SaleAnswer answer : answers) {
      if (answer.attributed()) {
        salesBySlug.merge(answer.slug(), 1L, Long::sum);
        revenueBySlug.computeIfAbsent(answer.slug(), slug -> new TreeMap<>())
            .merge(answer.currency(), answer.amount(), Long::sum);
      } else {
        unattributed.merge(answer.reason(), 1L, Long::sum);
      }
    }
    List<ReconciliationReport.LinkSales> byLink = new ArrayList<>();
    salesBySlug.forEach((slug, count) -> byLink.add(
        new ReconciliationReport.LinkSales(slug, count, revenueBySlug.get(slug))));
    byLink.sort(MOST_SALES_FIRST);
    long attributed = salesBySlug.values().stream().mapToLong(Long::longValue).sum();
    return new ReconciliationReport(productId, range, answers.size(), attributed, List.copyOf(byLink), unattributed,
        List.copyOf(answers));
  }
}
