package io.goalpost.core.attribution;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.identity.Claim;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.identity.Touch;
import io.goalpost.core.identity.VisitorTouches;
import io.goalpost.core.lead.PendingTouch;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The worker's side of a page event (SPEC §3 Page events, Consent and identity;
 * docs/decisions/001-data-model.md, "One page event"). Under consent {@code all} with a visitor
 * id: the touch goes into the visitor's lineage, a named click id is claimed, and a page view or
 * an opt-in is a conversion. Otherwise nothing that names anyone is kept: a checkout view counts
 * in the product's totals, and a page view or opt-in naming a click counts only for the click's
 * consenting lead — waiting for the click, under its click id alone, if the click is not stored
 * yet (docs/decisions/010).
 *
 * <p>Every write is a put of the same item on every repetition, or put-if-absent, and the counts
 * go through one operation {@code page#<eventId>}, so a redelivery after a crash at any point
 * counts once. All the writes come before the reads that decide credits.
 */
public final class PageRecorder {

  private final VisitorTouches touches;
  private final ClickOwners owners;
  private final ConversionStore conversions;
  private final CheckoutVisitors checkoutVisitors;
  private final CounterStore counters;
  private final CreditEvaluator credits;
  private final PageLeads leads;

  public PageRecorder(VisitorTouches touches, ClickOwners owners, ConversionStore conversions,
      CheckoutVisitors checkoutVisitors, CounterStore counters, CreditEvaluator credits) {
    this(touches, owners, conversions, checkoutVisitors, counters, credits, PageLeads.NONE);
  }

  /** @param leads drops erased visitors' events and counts a consenting lead's essential ones */
  public PageRecorder(VisitorTouches touches, ClickOwners owners, ConversionStore conversions,
      CheckoutVisitors checkoutVisitors, CounterStore counters, CreditEvaluator credits, PageLeads leads) {
    this.touches = Objects.requireNonNull(touches);
    this.owners = Objects.requireNonNull(owners);
    this.conversions = Objects.requireNonNull(conversions);
    this.checkoutVisitors = Objects.requireNonNull(checkoutVisitors);
    this.counters = Objects.requireNonNull(counters);
    this.credits = Objects.requireNonNull(credits);
    this.leads = Objects.requireNonNull(leads);
  }

  public void record(PageEvent event) {
    // An erased lead's visitor ids are gone for good: nothing of theirs is written again.
    if (leads.isErased(event.visitorId())) {
      return;
    }
    // Without consent all (or without a visitor id) no id is kept and nothing enters a lineage.
    // The click id such an event may carry counts only when it is a gp_lt click of a lead with
    // gdprConsent (SPEC §3 Consent): the event is then that lead's, and names no visitor.
    boolean consenting = event.consent() == PageEvent.Consent.ALL && event.visitorId() != null;
    if (consenting) {
      touches.add(event.visitorId(), Touch.of(event));
    }
    if (event.kind() == PageEvent.Kind.CHECKOUT_VIEW && event.productId() != null) {
      counters.apply(checkoutCountOf(event, consenting));
    }
    if (!consenting) {
      if (!leads.waitsForItsClick(event)) {
        recordForItsLead(event);
      }
      return;
    }
    if (event.clickId() != null) {
      owners.claim(new Claim(event.clickId(), event.visitorId(), event.occurredAt()))
          .ifPresent(change -> change.visitorIds()
              .forEach(visitor -> credits.reevaluateVisitorFrom(visitor, change.click().at())));
    }
    if (event.kind() != PageEvent.Kind.CHECKOUT_VIEW) {
      recordConversion(Conversion.ofPage(event));
    }
  }

  /**
   * Decides the essential events that waited for this click, now that it and its lead lineage are
   * stored, by the rule they would have met had they come after it (docs/decisions/010). Each is
   * forgotten only once its conversion is recorded, so a crash before that replays it again.
   */
  public void replayWaitingFor(String clickId) {
    for (PendingTouch touch : leads.waitingFor(clickId)) {
      recordForItsLead(touch.event());
      leads.decided(touch);
    }
  }

  private void recordForItsLead(PageEvent event) {
    leads.leadOfEssential(event).ifPresent(lead -> recordConversion(Conversion.ofLeadPage(event, lead)));
  }

  private void recordConversion(Conversion fromEvent) {
    Conversion conversion = conversions.putIfAbsent(fromEvent).conversion();
    conversions.referFromVisitor(conversion);
    if (conversion.clickId() != null) {
      conversions.referFromClick(conversion.clickId(), conversion.id());
    }
    leads.referConversion(conversion);
    if (credits.evaluate(conversion.id()).isPresent()) {
      credits.reevaluateLaterOfItsIdentity(conversion);
    }
  }

  static String operationId(String eventId) {
    return "page#" + eventId;
  }

  /** {@code checkoutViews} +1; {@code checkoutVisitors} +1 for a consenting visitor's first view of the day. */
  private Operation checkoutCountOf(PageEvent event, boolean consenting) {
    LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put(Fields.CHECKOUT_VIEWS, 1L);
    if (consenting && checkoutVisitors.firstOfDay(event.productId(), day, event.visitorId(), event.eventId())) {
      amounts.put(Fields.CHECKOUT_VISITORS, 1L);
    }
    return new Operation(operationId(event.eventId()),
        List.of(new Delta(Counter.product(event.productId(), day), amounts)));
  }
}
