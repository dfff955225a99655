package io.goalpost.core.attribution;

import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.counter.Tally;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings what an order's rebills and refunds added to counters in line with the order's facts
 * ({@link OrderLedger}), the way {@link CreditEvaluator} does a credit: read the settlement, finish
 * its pending operation, <em>then</em> read the facts (payments, the sale and its credit, the
 * link); write the new tally with version + 1 and the operation that moves the counters to it as
 * {@code pending}, on condition of the version read; apply it; clear it. The operation's id names
 * the order and version ({@code order#<orderId>#v<n>}), so each change counts once and the changes
 * telescope to the current tally.
 *
 * <p>A payment, a sale or a credit can each change the tally in ways no ordering rule sees (a
 * rebill moves where a later refund is taken from), so every settle of an order with payments
 * moves the version even when the tally stays: a settle that read older facts then loses its
 * version check and decides again (docs/decisions/005-rebills-and-refunds.md). An order without
 * payments has nothing to settle and is not written.
 */
public final class OrderSettler {

  private final OrderStore orders;
  private final ConversionStore conversions;
  private final LinkStore links;
  private final CounterStore counters;

  public OrderSettler(OrderStore orders, ConversionStore conversions, LinkStore links, CounterStore counters) {
    this.orders = Objects.requireNonNull(orders);
    this.conversions = Objects.requireNonNull(conversions);
    this.links = Objects.requireNonNull(links);
    this.counters = Objects.requireNonNull(counters);
  }

  public static String operationId(String orderId, long version) {
    return "order#" + orderId + "#v" + version;
  }

  /** Settles the order; called after writing any fact it depends on. */
  public void settle(String orderId) {
    for (int attempt = 0; attempt < CreditEvaluator.MAX_ATTEMPTS; attempt++) {
      OrderSettlement settlement = orders.settlement(orderId);
      settlement.pendingOperation().ifPresent(pending -> finish(orderId, pending));
      List<OrderPayment> payments = orders.paymentsOf(orderId);
      if (payments.isEmpty()) {
        return;
      }
      Tally target = tallyOf(orderId, payments);
      long next = settlement.version() + 1;
      Optional<Operation> move = settlement.applied().towards(target, operationId(orderId, next));
      if (orders.changeSettlement(orderId, settlement.version(), target, move.orElse(null))) {
        move.ifPresent(operation -> finish(orderId, operation));
        return;
      }
    }
    throw new IllegalStateException("the settlement of order " + orderId + " kept changing under other workers");
  }

  private Tally tallyOf(String orderId, List<OrderPayment> payments) {
    Optional<ConversionRecord> sale = conversions.find(Conversion.saleId(orderId));
    Credit credit = sale.map(ConversionRecord::credit).orElse(null);
    boolean countRebills = credit != null && links.find(credit.slug()).map(Link::countRebills).orElse(false);
    return OrderLedger.of(sale.map(ConversionRecord::conversion).orElse(null), credit, countRebills, payments);
  }

  private void finish(String orderId, Operation operation) {
    counters.apply(operation);
    orders.clearPending(orderId, operation.id());
  }
}
