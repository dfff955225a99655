package io.goalpost.core.attribution;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an order's rebills and refunds add to counters, decided from the order's facts alone — the
 * sale (if it has arrived), its credit, the credited link's {@code countRebills}, and the payments
 * — so the same facts give the same tally in whatever order they arrived (SPEC §3,
 * docs/decisions/005-rebills-and-refunds.md):
 * <ul>
 *   <li>product: a rebill counts {@code rebills} +1 and its revenue; a refund {@code refunds} +1,
 *       and what it returned as {@code refunded}, taken off {@code revenue} — each on its own day;</li>
 *   <li>a refund returns at most what the order counted in its currency: it is taken from the
 *       order's payments latest first (the rebills up to the refund's time, then the sale), after
 *       the earlier refunds took their part;</li>
 *   <li>the credited link: a rebill's revenue only with {@code countRebills}; a refund's part taken
 *       from the sale, and from rebills only with {@code countRebills}. Goals stay.</li>
 * </ul>
 */
public final class OrderLedger {

  private OrderLedger() {
  }

  /**
   * @param sale         the order's sale, or null while it has not arrived
   * @param credit       the sale's credit, or null when it has none
   * @param countRebills whether the credited link counts rebills
   */
  public static Tally of(Conversion sale, Credit credit, boolean countRebills, List<OrderPayment> payments) {
    List<OrderPayment> inTime = payments.stream().sorted(OrderPayment.BY_TIME).toList();
    String slug = sale != null && credit != null ? credit.slug() : null;
    Tally.Builder tally = new Tally.Builder();
    List<Paid> paid = new ArrayList<>();
    if (sale != null) {
      paid.add(new Paid(null, sale.currency(), sale.amount(), true));
    }
    for (OrderPayment rebill : inTime) {
      if (rebill.kind() == OrderPayment.Kind.REBILL) {
        paid.add(new Paid(rebill, rebill.currency(), rebill.amount(), false));
        Counter product = Counter.product(rebill.productId(), rebill.day());
        tally.add(product, Fields.REBILLS, 1).add(product, Fields.revenue(rebill.currency()), rebill.amount());
        if (slug != null && countRebills) {
          tally.add(Counter.link(slug, rebill.day()), Fields.revenue(rebill.currency()), rebill.amount());
        }
      }
    }
    for (OrderPayment refund : inTime) {
      if (refund.kind() == OrderPayment.Kind.REFUND) {
        Returned returned = take(refund, paid);
        Counter product = Counter.product(refund.productId(), refund.day());
        tally.add(product, Fields.REFUNDS, 1);
        returnFrom(tally, product, refund.currency(), returned.fromSale() + returned.fromRebills());
        if (slug != null) {
          returnFrom(tally, Counter.link(slug, refund.day()), refund.currency(),
              returned.fromSale() + (countRebills ? returned.fromRebills() : 0));
        }
      }
    }
    return tally.build();
  }

  private static void returnFrom(Tally.Builder tally, Counter counter, String currency, long amount) {
    if (amount > 0) {
      tally.add(counter, Fields.refunded(currency), amount).add(counter, Fields.revenue(currency), -amount);
    }
  }

  /**
   * Takes the refund from what is left of the payments it may return, latest first: the rebills
   * of its currency up to its own time, newest first, then the sale (always before its refunds,
   * whatever the clocks said).
   */
  private static Returned take(OrderPayment refund, List<Paid> paid) {
    List<Paid> latestFirst = new ArrayList<>();
    Paid sale = null;
    for (Paid payment : paid) {
      if (!payment.currency().equals(refund.currency())) {
        continue;
      }
      if (payment.isSale()) {
        sale = payment;
      } else if (!payment.rebill().at().isAfter(refund.at())) {
        latestFirst.add(payment);
      }
    }
    latestFirst.sort(Comparator.comparing(Paid::rebill, OrderPayment.BY_TIME).reversed());
    if (sale != null) {
      latestFirst.add(sale);
    }
    long left = refund.amount();
    long fromSale = 0;
    long fromRebills = 0;
    for (Paid payment : latestFirst) {
      long taken = Math.min(left, payment.left);
      payment.left -= taken;
      left -= taken;
      if (payment.isSale()) {
        fromSale += taken;
      } else {
        fromRebills += taken;
      }
    }
    return new Returned(fromSale, fromRebills);
  }

  private record Returned(long fromSale, long fromRebills) {
  }

  /** A payment of the order and what refunds have left of it. */
  private static final class Paid {
    private final OrderPayment rebill;
    private final String currency;
    private final boolean sale;
    private long left;

    Paid(OrderPayment rebill, String currency, long amount, boolean sale) {
      this.rebill = rebill;
      this.currency = currency;
      this.left = amount;
      this.sale = sale;
    }

    OrderPayment rebill() {
      return rebill;
    }

    String currency() {
      return currency;
    }

    boolean isSale() {
      return sale;
    }
  }
}
