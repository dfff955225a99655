package io.goalpost.core.attribution;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.product.ProductCatalog;
import io.goalpost.core.reconciliation.ProductSales;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.goalpost.core.lead.LeadLineages;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The worker's side of a sale (docs/decisions/001-data-model.md, "One sale"): the product goes
 * into the catalog, the order's conversion and the references to it are written, the product
 * counts once as operation {@code sale#<orderId>}, then the credit is decided — and with it the
 * order's rebills and refunds that arrived first are settled (docs/decisions/005). Everything
 * after the conversion's write works from the stored conversion, so the same order under another
 * delivery id changes nothing.
 */
public final class SaleRecorder {

  private final ProductCatalog catalog;
  private final ConversionStore conversions;
  private final CounterStore counters;
  private final CreditEvaluator credits;
  private final Function<OrderEvent, Optional<String>> leadOf;
  private final LeadLineages leadLineages;
  private final ProductSales productSales;
  private final LeadCandidates leadCandidates;

  public SaleRecorder(ProductCatalog catalog, ConversionStore conversions, CounterStore counters,
      CreditEvaluator credits) {
    this(catalog, conversions, counters, credits, sale -> Optional.empty(), null, null);
  }

  public SaleRecorder(ProductCatalog catalog, ConversionStore conversions, CounterStore counters,
      CreditEvaluator credits, Function<OrderEvent, Optional<String>> leadOf, LeadLineages leadLineages) {
    this(catalog, conversions, counters, credits, leadOf, leadLineages, null);
  }

  /**
   * @param leadOf       the lead of a sale's email, created or found, its visitor joined (docs/decisions/007)
   * @param leadLineages where a sale's lead notes it, so the lead's later clicks and joins find it
   * @param productSales where the sale is noted by product and day, for the reconciliation report
   *                     (docs/decisions/009; null: not noted)
   */
  public SaleRecorder(ProductCatalog catalog, ConversionStore conversions, CounterStore counters,
      CreditEvaluator credits, Function<OrderEvent, Optional<String>> leadOf, LeadLineages leadLineages,
      ProductSales productSales) {
    this(catalog, conversions, counters, credits, leadOf, leadLineages, productSales, null);
  }

  /**
   * @param leadCandidates decides again the conversions of a sale's lead after its payment joined
   *                       the buyer's visitor id to it (null: payments join nobody)
   */
  public SaleRecorder(ProductCatalog catalog, ConversionStore conversions, CounterStore counters,
      CreditEvaluator credits, Function<OrderEvent, Optional<String>> leadOf, LeadLineages leadLineages,
      ProductSales productSales, LeadCandidates leadCandidates) {
    this.leadCandidates = leadCandidates;
    this.catalog = Objects.requireNonNull(catalog);
    this.conversions = Objects.requireNonNull(conversions);
    this.counters = Objects.requireNonNull(counters);
    this.credits = Objects.requireNonNull(credits);
    this.leadOf = Objects.requireNonNull(leadOf);
    this.leadLineages = leadLineages;
    this.productSales = productSales;
  }

  public void record(OrderEvent event) {
    // First: a failure after it leaves a listed product with no sale yet, never a sale whose product is not listed.
    catalog.register(event.productId(), event.occurredAt());
    String lead = leadOf.apply(event).orElse(null);
    Conversion sale = conversions.putIfAbsent(Conversion.sale(event).withLead(lead)).conversion();
    if (sale.leadId() != null && leadLineages != null) {
      leadLineages.referConversion(sale.leadId(), sale.id());
    }
    if (sale.clickId() != null) {
      conversions.referFromClick(sale.clickId(), sale.id());
    }
    if (sale.visitorId() != null) {
      conversions.referFromVisitor(sale);
    }
    if (productSales != null) {
      // After the conversion, like every reference: whoever lists the product's sales finds it stored.
      productSales.note(sale);
    }
    counters.apply(productCountOf(sale));
    credits.evaluate(sale.id());
    if (leadCandidates != null && sale.leadId() != null && sale.visitorId() != null
        && leadCandidates.joins(sale.leadId(), sale.visitorId())) {
      // The payment joined the buyer's visitor id to a consenting lead (SaleLeads), as an api
      // opt-in would: that device and the lead's others are now one person, with each other's
      // clicks as candidates. Decided again as LeadRecorder does after a join; the sale itself
      // was just decided from the join. Without consent there is no join and nothing to redo.
      leadCandidates.conversionsOfLead(sale.leadId()).stream()
          .filter(id -> !id.equals(sale.id()))
          .forEach(credits::reevaluate);
    }
  }

  static String operationId(String orderId) {
    return "sale#" + orderId;
  }

  private static Operation productCountOf(Conversion sale) {
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put(Fields.SALES, 1L);
    amounts.put(Fields.revenue(sale.currency()), sale.amount());
    return new Operation(operationId(sale.orderId()),
        List.of(new Delta(Counter.product(sale.productId(), sale.day()), amounts)));
  }
}
