package io.goalpost.testing;

import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.lead.AesGcmEmailSeal;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Fixtures of the worker's scenario contracts: links, events, delivery and what to read back.
 * Names passed in get a per-test suffix, so a shared table works.
 */
public abstract class WorkerScenario {

  protected static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  protected static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");
  protected static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");
  protected static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");

  protected final String suffix = TestIds.suffix();

  /** The stores under test; the same ones on every call within a test. */
  protected abstract WorkerStores stores();

  /** A worker over {@link #stores()}; each call may build a new one, as another Lambda would. */
  protected EventRecorder worker() {
    return worker(AttributionModel.LAST_TOUCH);
  }

  protected EventRecorder worker(AttributionModel model) {
    return EventRecorder.over(stores(), model);
  }

  // ---- links ----------------------------------------------------------------------------

  protected String link(String name, Goal goal, int windowDays) {
    return link(name, goal, windowDays, false);
  }

  protected String link(String name, Goal goal, int windowDays, boolean countRebills) {
    String slug = name + "-" + suffix;
    stores().links().create(new Link(slug, name, "https://shop.example.com/" + name, "ads", null, goal,
        windowDays, countRebills, CLICKED.minus(Duration.ofDays(30)), false));
    return slug;
  }

  /** A 30-day link with a purchase goal of {@link #product()} that counts rebills. */
  protected String rebillingLink(String name) {
    return link(name, Goal.purchase(product()), 30, true);
  }

  protected String purchaseLink(String name) {
    return link(name, Goal.purchase(product()), 30);
  }

  protected String product() {
    return "prod_" + suffix;
  }

  protected String id(String name) {
    return name + suffix;
  }

  // ---- events ---------------------------------------------------------------------------

  protected ClickEvent click(String slug, String clickName, Instant at, String visitorName) {
    return new ClickEvent(slug, id(clickName), visitorName == null ? null : id(visitorName), at);
  }

  protected OrderEvent sale(String orderName, String deliveryId, String clickName, Instant at, long amount) {
    return saleBy(null, orderName, deliveryId, clickName, at, amount);
  }

  /** A sale carrying the visitor id of {@code visitorName} (null: none) and maybe a click id. */
  protected OrderEvent saleBy(String visitorName, String orderName, String deliveryId, String clickName, Instant at,
      long amount) {
    String eventId = "orders:" + deliveryId + suffix;
    return new OrderEvent(OrderEvent.Kind.SALE, eventId, at, orderName + suffix, null,
        product(), amount, "USD", sealed("buyer@example.com", eventId), visitorName == null ? null : id(visitorName),
        clickName == null ? null : id(clickName));
  }

  /** A sale in {@code currency}, naming the click of {@code clickName} (null: none). */
  protected OrderEvent saleIn(String currency, String orderName, String clickName, Instant at, long amount) {
    return new OrderEvent(OrderEvent.Kind.SALE, "orders:" + orderName + "-sale" + suffix, at, orderName + suffix, null,
        product(), amount, currency, null, null, clickName == null ? null : id(clickName));
  }

  protected OrderEvent rebill(String orderName, String paymentName, Instant at, long amount) {
    return payment(OrderEvent.Kind.REBILL, orderName, paymentName, "USD", at, amount);
  }

  protected OrderEvent refund(String orderName, String paymentName, Instant at, long amount) {
    return payment(OrderEvent.Kind.REFUND, orderName, paymentName, "USD", at, amount);
  }

  /** A rebill or refund of the order, delivered under a delivery id of its own payment's. */
  protected OrderEvent payment(OrderEvent.Kind kind, String orderName, String paymentName, String currency,
      Instant at, long amount) {
    String eventId = "orders:" + paymentName + suffix;
    return new OrderEvent(kind, eventId, at, orderName + suffix, paymentName + suffix,
        product(), amount, currency, sealed("buyer@example.com", eventId), null, null);
  }

  /** The email as the webhook puts it in an event: sealed to it, under the stores' EmailHashKey. */
  protected String sealed(String email, String eventId) {
    return new AesGcmEmailSeal(stores().emailHashes()).seal(email, eventId);
  }

  /** A page view under consent all by {@code visitorName}, landed with {@code clickName} (null: none). */
  protected PageEvent pageView(String eventName, String visitorName, String clickName, String url, Instant at) {
    return page(PageEvent.Kind.PAGE_VIEW, eventName, PageEvent.Consent.ALL, visitorName, clickName, url, null, null, at);
  }

  /** An opt-in under consent all by {@code visitorName}, of form {@code formId} (null: none). */
  protected PageEvent optIn(String eventName, String visitorName, String clickName, String formId, Instant at) {
    return page(PageEvent.Kind.OPT_IN, eventName, PageEvent.Consent.ALL, visitorName, clickName,
        "https://shop.example.com/join", formId, null, at);
  }

  protected PageEvent checkoutView(String eventName, String visitorName, Instant at) {
    return page(PageEvent.Kind.CHECKOUT_VIEW, eventName, PageEvent.Consent.ALL, visitorName, null,
        "https://shop.example.com/checkout", null, product(), at);
  }

  protected PageEvent page(PageEvent.Kind kind, String eventName, PageEvent.Consent consent, String visitorName,
      String clickName, String url, String formId, String productId, Instant at) {
    return new PageEvent(kind, "p:" + id(eventName), at, url, null, consent,
        visitorName == null ? null : id(visitorName), clickName == null ? null : id(clickName), formId, productId);
  }

  // ---- delivery and what it left --------------------------------------------------------

  protected void deliver(TrackingEvent... events) {
    deliverWith(worker(), events);
  }

  protected void deliverWith(EventRecorder worker, TrackingEvent... events) {
    for (TrackingEvent event : events) {
      worker.record(event);
    }
  }

  protected Map<String, Long> linkCounts(String slug, LocalDate day) {
    return countsOf(Counter.Subject.LINK, slug, day);
  }

  protected Map<String, Long> productCounts(LocalDate day) {
    return countsOf(Counter.Subject.PRODUCT, product(), day);
  }

  /** One day's counts, without fields that sum to zero (a credit that came and went). */
  private Map<String, Long> countsOf(Counter.Subject subject, String id, LocalDate day) {
    Map<String, Long> counts = new HashMap<>(
        stores().counters().read(subject, id, day, day).getOrDefault(day, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }

  protected ConversionRecord stored(String orderName) {
    return stores().conversions().find(Conversion.saleId(orderName + suffix)).orElseThrow();
  }

  /** The stored conversion of a page event. */
  protected ConversionRecord stored(PageEvent event) {
    return stores().conversions().find(conversionId(event)).orElseThrow();
  }

  protected static String conversionId(PageEvent event) {
    return Conversion.pageId(Conversion.Kind.fromWireName(event.kind().wireName()), event.eventId());
  }

  // ---- helpers for orders and races -----------------------------------------------------

  protected static void atOnce(CyclicBarrier start, Runnable work) {
    try {
      start.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    work.run();
  }

  protected static List<List<Integer>> permutations(List<Integer> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<Integer>> all = new ArrayList<>();
    for (Integer first : items) {
      List<Integer> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<Integer> tail : permutations(rest)) {
        List<Integer> permutation = new ArrayList<>();
        permutation.add(first);
        permutation.addAll(tail);
        all.add(permutation);
      }
    }
    return all;
  }

  /** A short name for one processing order, to keep its ids apart from the other orders'. */
  protected static String runName(List<Integer> order) {
    StringBuilder name = new StringBuilder("p");
    order.forEach(name::append);
    return name.toString();
  }
}
