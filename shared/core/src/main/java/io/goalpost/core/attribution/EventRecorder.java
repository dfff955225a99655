package io.goalpost.core.attribution;

import io.goalpost.core.click.ClickRecorder;
import io.goalpost.core.click.Clickers;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.TrackingEvent;
import java.util.List;
import java.util.Objects;

/** The worker's one entry point: each event from the queue to the recorder of its kind. */
public final class EventRecorder {

  /** What became of an event. Anything but RECORDED is logged by the caller, never dropped silently. */
  public enum Outcome {
    RECORDED,
    /**
     * Rebills, refunds and page events: acknowledged, so they are not dead-lettered, without any
     * effect yet; the next issue applies them (a redrive from the queue would come too late).
     */
    NOT_APPLIED_YET
  }

  private final ClickRecorder clicks;
  private final SaleRecorder sales;

  public EventRecorder(ClickRecorder clicks, SaleRecorder sales) {
    this.clicks = Objects.requireNonNull(clicks);
    this.sales = Objects.requireNonNull(sales);
  }

  /**
   * The worker over its stores. Candidate sources, in path precedence: for now only the click
   * id; the visitor's lineage and the lead's come next, as further sources in this list.
   */
  public static EventRecorder over(WorkerStores stores, AttributionModel model) {
    CreditEvaluator credits = new CreditEvaluator(stores.conversions(),
        List.of(new ClickIdCandidates(stores.clicks(), stores.conversions())),
        stores.links(), model, stores.counters());
    ClickRecorder clicks = new ClickRecorder(stores.clicks(), stores.lineages(), stores.uniqueClickers(),
        Clickers.asSent(), stores.counters(), credits);
    return new EventRecorder(clicks, new SaleRecorder(stores.conversions(), stores.counters(), credits));
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
    return Outcome.NOT_APPLIED_YET;
  }
}
