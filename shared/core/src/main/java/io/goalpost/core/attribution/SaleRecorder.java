package io.goalpost.core.attribution;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.event.OrderEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.goalpost.core.lead.LeadLineages;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The worker's side of a sale (docs/decisions/001-data-model.md, "One sale"): the order's
 * conversion and the references to it are written first, the product counts once as operation
 * {@code sale#<orderId>}, then the credit is decided. Everything after the first write works from
 * the stored conversion, so the same order under another delivery id changes nothing.
 */
public final class SaleRecorder {

  private final ConversionStore conversions;
  private final CounterStore counters;
  private final CreditEvaluator credits;
  private final Function<OrderEvent, Optional<String>> leadOf;
  private final LeadLineages leadLineages;

  public SaleRecorder(ConversionStore conversions, CounterStore counters, CreditEvaluator credits) {
    this(conversions, counters, credits, sale -> Optional.empty(), null);
  }

  /**
   * @param leadOf       the lead of a sale's email, created or found, its visitor joined (docs/decisions/007)
   * @param leadLineages where a sale's lead notes it, so the lead's later clicks and joins find it
   */
  public SaleRecorder(ConversionStore conversions, CounterStore counters, CreditEvaluator credits,
      Function<OrderEvent, Optional<String>> leadOf, LeadLineages leadLineages) {
    this.conversions = Objects.requireNonNull(conversions);
    this.counters = Objects.requireNonNull(counters);
    this.credits = Objects.requireNonNull(credits);
    this.leadOf = Objects.requireNonNull(leadOf);
    this.leadLineages = leadLineages;
  }

  public void record(OrderEvent event) {
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
    counters.apply(productCountOf(sale));
    credits.evaluate(sale.id());
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
