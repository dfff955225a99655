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
    RECORDED,
    /**
     * Rebills and refunds: acknowledged, so they are not dead-lettered, without any effect yet;
     * a later issue applies them (a redrive from the queue would come too late).
     */
    NOT_APPLIED_YET
  }

  private final ClickRecorder clicks;
  private final SaleRecorder sales;
  private final PageRecorder pages;

  public EventRecorder(ClickRecorder clicks, SaleRecorder sales, PageRecorder pages) {
    this.clicks = Objects.requireNonNull(clicks);
    this.sales = Objects.requireNonNull(sales);
    this.pages = Objects.requireNonNull(pages);
  }

  /**
   * The worker over its stores. Candidate sources, in path precedence: the click id, then the
   * visitor's lineage; the lead's comes later, as a further source in this list.
   */
  public static EventRecorder over(WorkerStores stores, AttributionModel model) {
    ClickOwners owners = new ClickOwners(stores.clicks(), stores.claims());
    CreditEvaluator credits = new CreditEvaluator(stores.conversions(),
        List.of(new ClickIdCandidates(stores.clicks(), owners, stores.conversions()),
            new LineageCandidates(stores.lineages(), owners, stores.conversions())),
        stores.links(), model, stores.counters());
    ClickRecorder clicks = new ClickRecorder(stores.clicks(), stores.lineages(), stores.uniqueClickers(),
        Clickers.asSent(), stores.counters(), credits);
    PageRecorder pages = new PageRecorder(stores.touches(), owners, stores.conversions(), stores.checkoutVisitors(),
        stores.counters(), credits);
    return new EventRecorder(clicks, new SaleRecorder(stores.conversions(), stores.counters(), credits), pages);
  }

  public Outcome record(TrackingEvent event) {
    if (event instanceof ClickEvent click) {
      clicks.record(click);
      return Outcome.RECORDED;
    }
    if (event instanceof OrderEvent order && order.kind() == OrderEvent.Kind.SALE) {
      sales.record(order);
      return Outcome.RECORDED;
    }
    if (event instanceof PageEvent page) {
      pages.record(page);
      return Outcome.RECORDED;
    }
    return Outcome.NOT_APPLIED_YET;
  }
}
