package io.goalpost.core.attribution;

import io.goalpost.core.click.ClickRecorder;
import io.goalpost.core.click.Clickers;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.identity.ClickOwners;
import java.util.List;
import java.util.Objects;

/** The worker's one entry point: each event from the queue to the recorder of its kind. */
public final class EventRecorder {

  /** What became of an event. Anything but RECORDED is logged by the caller, never dropped silently. */
  public enum Outcome {
    RECORDED
  }

  private final ClickRecorder clicks;
  private final SaleRecorder sales;
  private final PageRecorder pages;
  private final PaymentRecorder payments;

  public EventRecorder(ClickRecorder clicks, SaleRecorder sales, PageRecorder pages, PaymentRecorder payments) {
    this.clicks = Objects.requireNonNull(clicks);
    this.sales = Objects.requireNonNull(sales);
    this.pages = Objects.requireNonNull(pages);
    this.payments = Objects.requireNonNull(payments);
  }

  /**
   * The worker over its stores. Candidate sources, in path precedence: the click id, then the
   * visitor's lineage; the lead's comes later, as a further source in this list.
   */
  public static EventRecorder over(WorkerStores stores, AttributionModel model) {
    ClickOwners owners = new ClickOwners(stores.clicks(), stores.claims());
    OrderSettler orders = new OrderSettler(stores.orders(), stores.conversions(), stores.links(), stores.counters());
    CreditEvaluator credits = new CreditEvaluator(stores.conversions(),
        List.of(new ClickIdCandidates(stores.clicks(), owners, stores.conversions()),
            new LineageCandidates(stores.lineages(), owners, stores.conversions())),
        stores.links(), model, stores.counters(), orders);
    ClickRecorder clicks = new ClickRecorder(stores.clicks(), stores.lineages(), stores.uniqueClickers(),
        Clickers.asSent(), stores.counters(), credits);
    PageRecorder pages = new PageRecorder(stores.touches(), owners, stores.conversions(), stores.checkoutVisitors(),
        stores.counters(), credits);
    return new EventRecorder(clicks, new SaleRecorder(stores.catalog(), stores.conversions(), stores.counters(), credits),
        pages, new PaymentRecorder(stores.catalog(), stores.orders(), orders));
  }

  public Outcome record(TrackingEvent event) {
    if (event instanceof ClickEvent click) {
      clicks.record(click);
      return Outcome.RECORDED;
    }
    if (event instanceof OrderEvent order) {
      if (order.kind() == OrderEvent.Kind.SALE) {
        sales.record(order);
      } else {
        payments.record(order);
      }
      return Outcome.RECORDED;
    }
    if (event instanceof PageEvent page) {
      pages.record(page);
      return Outcome.RECORDED;
    }
    throw new IllegalArgumentException("no recorder for events of type " + event.type());
  }
}
