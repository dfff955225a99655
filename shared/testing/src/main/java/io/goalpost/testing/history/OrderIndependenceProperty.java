package io.goalpost.testing.history;

import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.lead.AesGcmEmailSeal;
import io.goalpost.core.lead.EmailSeal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.statistics.Statistics;

/**
 * SPEC §3 Attribution, "results depend on event time, not processing order", as a property
 * (docs/decisions/006): a history is fed to the worker's {@link EventRecorder} in time order, in
 * reverse time order (unless a subclass leaves it out) and in a shuffled order with duplicates —
 * each run over stores of its own (or a namespace of its own in an emptied table) — and every run
 * must leave the same {@link Outcome}: credits per conversion and the link, product and channel
 * stats. Subclasses say which stores, and how many tries with which seed.
 */
public abstract class OrderIndependenceProperty {

  /** The statistics label of how many conversions a history's time-order run credited. */
  public static final String CREDITED = "credited conversions";

  /** The statistics label of whether a rebill or refund belonged to a credited sale. */
  public static final String PAYMENTS_FOLLOW_A_CREDIT = "rebill or refund of a credited sale";

  /** The statistics label of whether a page event without a visitor id counted for a lead (decision 010). */
  public static final String ESSENTIAL_FOR_A_LEAD = "page event without visitor id counted for a lead";

  /** The statistics label of whether some conversion was credited through a lead's lineage. */
  public static final String CREDITED_THROUGH_A_LEAD = "credited via lead";

  /** Stores for one run: fresh ones, or ones where the run's namespace is unused. */
  protected abstract WorkerStores storesForARun();

  /** Whether to feed each history latest first too; slow stores may leave it to the fast ones. */
  protected boolean alsoInReverseTimeOrder() {
    return true;
  }

  /** Fails, naming the order and the differing lines, unless every order leaves the same outcome. */
  protected void assertOrderIndependent(History history) {
    Outcome inTimeOrder = run(history, "time order", history.inTimeOrder());
    Statistics.label(CREDITED).collect(bucket(inTimeOrder));
    Statistics.label(PAYMENTS_FOLLOW_A_CREDIT).collect(paymentsOfACreditedSale(history, inTimeOrder));
    Statistics.label(ESSENTIAL_FOR_A_LEAD).collect(inTimeOrder.lines().stream()
        .anyMatch(line -> line.matches("credit (opt_in|page_view) e\\d+: .* via .* of ld\\d")));
    Statistics.label(CREDITED_THROUGH_A_LEAD).collect(inTimeOrder.lines().stream()
        .anyMatch(line -> line.startsWith("credit ") && line.contains(" via LEAD")));
    if (alsoInReverseTimeOrder()) {
      compare(inTimeOrder, run(history, "reverse time order", history.inReverseTimeOrder()), "reverse time order");
    }
    compare(inTimeOrder, run(history, "shuffled", history.shuffled()), "the shuffled order " + history.shuffled());
  }

  private Outcome run(History history, String name, List<History.Delivery> order) {
    Namespace ns = Namespace.fresh();
    WorkerStores stores = storesForARun();
    Instant created = HistoryEvent.DAY_ZERO.minus(Duration.ofDays(30));
    history.links().forEach(link -> stores.links().create(link.in(ns, created)));
    // The api's writes for leads come first, in time order, whatever order the worker then takes
    // the events in: a join is judged against the consent stored when it is written (decision
    // 007), so only with the api's side fixed is the worker's outcome a function of the events.
    history.events().stream()
        .filter(HistoryLead.class::isInstance)
        .forEach(lead -> ((HistoryLead) lead).applyApiSide(ns, stores));
    EventRecorder worker = EventRecorder.over(stores, history.model());
    EmailSeal seal = new AesGcmEmailSeal(stores.emailHashes());
    for (History.Delivery delivery : order) {
      HistoryEvent event = history.events().get(delivery.index());
      TrackingEvent tracking = delivery.again() ? event.redeliveredIn(ns) : event.in(ns);
      if (event instanceof HistoryPayment payment) {
        tracking = payment.withEmailSealed((OrderEvent) tracking, ns, seal);
      }
      try {
        worker.record(tracking);
      } catch (RuntimeException failed) {
        throw new AssertionError("delivering " + delivery + " (" + event + ") in " + name + " failed", failed);
      }
    }
    Outcome.Unfinished unfinished = Outcome.unfinished(history, ns, stores);
    if (!unfinished.conversions().isEmpty()) {
      throw new AssertionError("after " + name + " credit moves are still pending: " + unfinished.conversions());
    }
    return Outcome.of(history, ns, stores);
  }

  private static void compare(Outcome expected, Outcome actual, String order) {
    List<String> differences = expected.differencesFrom(actual);
    if (!differences.isEmpty()) {
      throw new AssertionError("delivered in " + order + ", the outcome differs from time order's"
          + " (- time order, + this order):\n  " + String.join("\n  ", differences));
    }
  }

  private static boolean paymentsOfACreditedSale(History history, Outcome outcome) {
    return history.events().stream()
        .filter(event -> event instanceof HistoryPayment payment && payment.payment() != null)
        .map(event -> "credit sale " + ((HistoryPayment) event).order() + ": ")
        .anyMatch(prefix -> outcome.lines().stream()
            .anyMatch(line -> line.startsWith(prefix) && line.contains(" via ")));
  }

  private static String bucket(Outcome outcome) {
    long credited = outcome.lines().stream()
        .filter(line -> line.startsWith("credit ") && line.contains(" via "))
        .count();
    return credited == 0 ? "none" : credited < 3 ? "1-2" : "3 or more";
  }
}
