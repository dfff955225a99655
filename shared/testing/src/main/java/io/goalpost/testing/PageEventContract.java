package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.link.Goal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the worker must do with page events over any stores (SPEC §3 Page events, Consent and
 * identity, Attribution): claims by the first visitor, nothing kept without consent, opt-in and
 * page-visit goals once per identity per link whatever the processing order, the cookie path for
 * sales, checkout counters, and every event counted once however often it is delivered.
 */
public abstract class PageEventContract extends WorkerScenario {

  private static final Instant MINUTE_LATER = CLICKED.plus(Duration.ofMinutes(1));
  private static final Instant NEXT_DAY = CLICKED.plus(Duration.ofDays(1));
  private static final LocalDate DAY_AFTER = CLICK_DAY.plusDays(1);

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private String optInLink(String name) {
    return link(name, Goal.optIn(null), 30);
  }

  private Credit cookie(String slug, String clickName) {
    return new Credit(slug, id(clickName), CreditPath.COOKIE);
  }

  // ---- claims ---------------------------------------------------------------------------

  @Test
  void givesAClickToTheFirstVisitorByEventTimeInEveryProcessingOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
      String run = runName(order);
      String slug = optInLink(run);
      PageEvent laterClaim = optIn(run + "late", run + "visitorA", run + "click", null, CLICKED.plus(Duration.ofMinutes(10)));
      PageEvent earlierClaim = optIn(run + "early", run + "visitorB", run + "click", null, CLICKED.plus(Duration.ofMinutes(5)));
      List<TrackingEvent> events = List.of(click(slug, run + "click", CLICKED, null), laterClaim, earlierClaim, laterClaim);

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stored(earlierClaim).credit()).as("order %s", order).isEqualTo(cookie(slug, run + "click"));
      assertThat(stored(laterClaim).credit()).as("order %s", order).isNull();
      assertThat(stored(laterClaim).pending()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, CLICK_DAY)).as("order %s", order)
          .isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
    }
  }

  @Test
  void claimsAClickUpToAnHourAfterItAndNotOneMomentLater() {
    String slug = optInLink("hour");
    Instant hourLater = CLICKED.plus(ClickOwners.CLAIM_WINDOW);

    deliver(click(slug, "clickA", CLICKED, null), pageView("landA", "visitorA", "clickA", "https://shop.example.com/", hourLater),
        click(slug, "clickB", CLICKED, null),
        pageView("landB", "visitorB", "clickB", "https://shop.example.com/", hourLater.plusNanos(1)));
    PageEvent optInA = optIn("optA", "visitorA", null, null, NEXT_DAY);
    PageEvent optInB = optIn("optB", "visitorB", null, null, NEXT_DAY);
    deliver(optInA, optInB);

    assertThat(stored(optInA).credit()).isEqualTo(cookie(slug, "clickA"));
    assertThat(stored(optInB).credit()).isNull();
    assertThat(stores().claims().claimsOf(id("clickB"), CLICKED, hourLater.plusSeconds(1))).hasSize(1);
  }

  @Test
  void givesASecondVisitorLandingWithAnAlreadyClaimedClickIdNothing() {
    String slug = optInLink("pasted");
    PageEvent secondsOptIn = optIn("optB", "visitorB", "clickA", null, CLICKED.plus(Duration.ofMinutes(3)));
    PageEvent firstsOptIn = optIn("optA", "visitorA", null, null, CLICKED.plus(Duration.ofMinutes(4)));

    deliver(click(slug, "clickA", CLICKED, null),
        pageView("landA", "visitorA", "clickA", "https://shop.example.com/", MINUTE_LATER),
        pageView("landB", "visitorB", "clickA", "https://shop.example.com/", CLICKED.plus(Duration.ofMinutes(2))),
        secondsOptIn, firstsOptIn);

    assertThat(stored(secondsOptIn).credit()).isNull();
    assertThat(stored(firstsOptIn).credit()).isEqualTo(cookie(slug, "clickA"));
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 1L);
  }

  @Test
  void keepsAClickThatCarriedAVisitorIdWithThatVisitorWhoeverClaimsIt() {
    String slug = optInLink("carried");
    PageEvent othersOptIn = optIn("optB", "visitorB", "clickA", null, CLICKED.plusSeconds(1));
    PageEvent ownersOptIn = optIn("optA", "visitorA", null, null, CLICKED.plusSeconds(2));

    deliver(othersOptIn, click(slug, "clickA", CLICKED, "visitorA"), ownersOptIn);

    assertThat(stored(othersOptIn).credit()).isNull();
    assertThat(stored(ownersOptIn).credit()).isEqualTo(cookie(slug, "clickA"));
  }

  @Test
  void settlesTwoClaimsRecordedAtTheSameTimeByTwoWorkersOnTheEarlierOne() throws Exception {
    for (int round = 0; round < 8; round++) {
      String slug = optInLink("race" + round);
      deliver(click(slug, "click" + round, CLICKED, null));
      PageEvent later = optIn("late" + round, "visitorA" + round, "click" + round, null, CLICKED.plusSeconds(20));
      PageEvent earlier = optIn("early" + round, "visitorB" + round, "click" + round, null, CLICKED.plusSeconds(10));
      CyclicBarrier start = new CyclicBarrier(2);
      EventRecorder one = worker();
      EventRecorder other = worker();

      CompletableFuture<?> a = CompletableFuture.runAsync(() -> atOnce(start, () -> one.record(later)), threads);
      CompletableFuture<?> b = CompletableFuture.runAsync(() -> atOnce(start, () -> other.record(earlier)), threads);
      CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

      assertThat(stored(earlier).credit()).as("round %d", round).isEqualTo(cookie(slug, "click" + round));
      assertThat(stored(later).credit()).as("round %d", round).isNull();
      assertThat(linkCounts(slug, CLICK_DAY)).as("round %d", round).containsEntry("goals", 1L);
    }
  }

  // ---- consent --------------------------------------------------------------------------

  @Test
  void keepsNoIdsAndGivesNoGoalWithoutConsentAllOrWithoutAVisitorId() {
    String slug = optInLink("essential");
    PageEvent essentialView = page(PageEvent.Kind.PAGE_VIEW, "view", PageEvent.Consent.ESSENTIAL, null, "clickA",
        "https://shop.example.com/", null, null, MINUTE_LATER);
    PageEvent essentialOptIn = page(PageEvent.Kind.OPT_IN, "opt", PageEvent.Consent.ESSENTIAL, null, "clickA",
        "https://shop.example.com/join", "newsletter", null, MINUTE_LATER);
    PageEvent anonymousOptIn = page(PageEvent.Kind.OPT_IN, "anon", PageEvent.Consent.ALL, null, "clickA",
        "https://shop.example.com/join", null, null, MINUTE_LATER);

    deliver(click(slug, "clickA", CLICKED, null), essentialView, essentialOptIn, anonymousOptIn);

    assertThat(stores().claims().claimsOf(id("clickA"), CLICKED, NEXT_DAY)).isEmpty();
    for (PageEvent event : List.of(essentialView, essentialOptIn, anonymousOptIn)) {
      assertThat(stores().conversions().find(conversionId(event))).as(event.eventId()).isEmpty();
    }
    assertThat(stores().conversions().namingClick(id("clickA"))).isEmpty();
    assertThat(linkCounts(slug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
  }

  @Test
  void recordsEveryPageEventOfAConsentingVisitorInItsLineage() {
    PageEvent view = pageView("view", "visitor", "clickA", "https://shop.example.com/", MINUTE_LATER);
    PageEvent optIn = optIn("opt", "visitor", "clickA", "newsletter", MINUTE_LATER.plusSeconds(30));
    PageEvent checkout = checkoutView("checkout", "visitor", MINUTE_LATER.plusSeconds(60));

    deliver(checkout, view, optIn, view);

    assertThat(stores().touches().of(id("visitor")))
        .extracting(touch -> touch.eventId())
        .containsExactly(view.eventId(), optIn.eventId(), checkout.eventId());
  }

  // ---- goals ----------------------------------------------------------------------------

  @Test
  void creditsAnOptInToALinkOfItsFormOrOfAnyFormAndNotToOneOfAnotherForm() {
    String newsletter = link("newsletter", Goal.optIn("newsletter"), 30);
    String anyForm = optInLink("anyform");
    PageEvent webinar = optIn("webinar", "visitorA", null, "webinar", MINUTE_LATER);
    PageEvent signUp = optIn("signup", "visitorA", null, "newsletter", MINUTE_LATER.plusSeconds(1));
    PageEvent formless = optIn("formless", "visitorB", null, null, MINUTE_LATER);

    deliver(click(newsletter, "clickA", CLICKED, "visitorA"), click(anyForm, "clickB", CLICKED, "visitorB"),
        webinar, signUp, formless);

    assertThat(stored(webinar).credit()).isNull();
    assertThat(stored(signUp).credit()).isEqualTo(cookie(newsletter, "clickA"));
    assertThat(stored(formless).credit()).isEqualTo(cookie(anyForm, "clickB"));
    assertThat(linkCounts(newsletter, CLICK_DAY)).containsEntry("goals", 1L);
    assertThat(linkCounts(anyForm, CLICK_DAY)).containsEntry("goals", 1L);
  }

  @Test
  void creditsAPageVisitOnHostAndPathWhateverTheSchemeQueryFragmentTrailingSlashOrHostCase() {
    String thanks = link("thanks", Goal.pageVisit("https://Shop.Example.com/thanks/?ref=goal#top"), 30);
    List<PageEvent> matching = List.of(
        pageView("plain", "visitorA", null, "https://shop.example.com/thanks", MINUTE_LATER),
        pageView("http", "visitorB", null, "http://SHOP.example.com/thanks/", MINUTE_LATER),
        pageView("utm", "visitorC", null, "https://shop.example.com/thanks?utm_source=fb", MINUTE_LATER));
    List<PageEvent> others = List.of(
        pageView("case", "visitorD", null, "https://shop.example.com/Thanks", MINUTE_LATER),
        pageView("deeper", "visitorE", null, "https://shop.example.com/thanks/more", MINUTE_LATER),
        pageView("subdomain", "visitorF", null, "https://www.shop.example.com/thanks", MINUTE_LATER));
    for (String visitor : List.of("visitorA", "visitorB", "visitorC", "visitorD", "visitorE", "visitorF")) {
      deliver(click(thanks, "click" + visitor, CLICKED, visitor));
    }

    matching.forEach(this::deliver);
    others.forEach(this::deliver);

    matching.forEach(view -> assertThat(stored(view).credit()).as(view.url()).isNotNull());
    others.forEach(view -> assertThat(stored(view).credit()).as(view.url()).isNull());
    assertThat(linkCounts(thanks, CLICK_DAY)).containsEntry("goals", 3L);
  }

  @Test
  void countsAnIdentitysGoalOncePerLinkWithoutFallingThroughToAnotherLink() {
    String first = optInLink("first");
    String last = optInLink("last");
    PageEvent optIn = optIn("opt1", "visitor", null, null, CLICKED.plus(Duration.ofHours(2)));
    PageEvent again = optIn("opt2", "visitor", null, null, CLICKED.plus(Duration.ofHours(3)));

    deliver(click(first, "clickA", CLICKED, "visitor"), click(last, "clickB", CLICKED.plus(Duration.ofHours(1)), "visitor"),
        optIn, again);

    assertThat(stored(optIn).credit()).isEqualTo(cookie(last, "clickB"));
    assertThat(stored(again).credit()).isNull();
    assertThat(linkCounts(last, CLICK_DAY)).containsEntry("goals", 1L);
    assertThat(linkCounts(first, CLICK_DAY)).doesNotContainKey("goals");
  }

  @Test
  void givesTheGoalToTheEarliestConversionOfTheIdentityOnItsDayInEveryProcessingOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
      String run = runName(order);
      String slug = optInLink(run);
      PageEvent earlier = optIn(run + "early", run + "visitor", null, null, NEXT_DAY);
      PageEvent later = optIn(run + "late", run + "visitor", null, null, NEXT_DAY.plus(Duration.ofDays(1)));
      List<TrackingEvent> events = List.of(click(slug, run + "click", CLICKED, run + "visitor"), later, earlier, later);

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stored(earlier).credit()).as("order %s", order).isEqualTo(cookie(slug, run + "click"));
      assertThat(stored(later).credit()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, DAY_AFTER)).as("order %s", order).isEqualTo(Map.of("goals", 1L));
      assertThat(linkCounts(slug, DAY_AFTER.plusDays(1))).as("order %s", order).isEmpty();
    }
  }

  @Test
  void movesTheGoalToAnEarlierConversionProcessedLater() {
    String slug = optInLink("takeover");
    PageEvent later = optIn("late", "visitor", null, null, NEXT_DAY.plus(Duration.ofDays(1)));
    PageEvent earlier = optIn("early", "visitor", null, null, NEXT_DAY);

    deliver(click(slug, "clickA", CLICKED, "visitor"), later);
    assertThat(linkCounts(slug, DAY_AFTER.plusDays(1))).isEqualTo(Map.of("goals", 1L));
    deliver(earlier);

    assertThat(linkCounts(slug, DAY_AFTER)).isEqualTo(Map.of("goals", 1L));
    assertThat(linkCounts(slug, DAY_AFTER.plusDays(1))).isEmpty();
    assertThat(stored(later).version()).isEqualTo(2);
  }

  @Test
  void picksTheFirstTouchUnderFirstTouchAndTheLastUnderLastTouch() {
    String first = optInLink("first");
    String last = optInLink("last");
    ClickEvent firstClick = click(first, "clickA", CLICKED, "visitorA");
    ClickEvent lastClick = click(last, "clickB", CLICKED.plusSeconds(60), "visitorA");
    PageEvent underFirst = optIn("optA", "visitorA", null, null, NEXT_DAY);

    deliverWith(worker(AttributionModel.FIRST_TOUCH), firstClick, lastClick, underFirst);
    String otherFirst = optInLink("otherfirst");
    String otherLast = optInLink("otherlast");
    PageEvent underLast = optIn("optB", "visitorB", null, null, NEXT_DAY);
    deliverWith(worker(AttributionModel.LAST_TOUCH), click(otherFirst, "clickC", CLICKED, "visitorB"),
        click(otherLast, "clickD", CLICKED.plusSeconds(60), "visitorB"), underLast);

    assertThat(stored(underFirst).credit()).isEqualTo(cookie(first, "clickA"));
    assertThat(stored(underLast).credit()).isEqualTo(cookie(otherLast, "clickD"));
  }

  @Test
  void givesNoGoalOutsideTheWindowOrToAClickAfterTheConversion() {
    String week = link("week", Goal.optIn(null), 7);
    PageEvent tooLate = optIn("late", "visitorA", null, null, CLICKED.plus(Duration.ofDays(7)).plusNanos(1));
    PageEvent beforeTheClick = optIn("before", "visitorB", null, null, CLICKED.minusSeconds(1));

    deliver(click(week, "clickA", CLICKED, "visitorA"), tooLate, beforeTheClick, click(week, "clickB", CLICKED, "visitorB"));

    assertThat(stored(tooLate).credit()).isNull();
    assertThat(stored(beforeTheClick).credit()).isNull();
  }

  // ---- sales through the lineage --------------------------------------------------------

  @Test
  void creditsASaleCarryingOnlyTheVisitorIdThroughTheClickTheVisitorClaimed() {
    String slug = purchaseLink("cookie");

    deliver(saleBy("visitor", "order1", "d1", null, PAID, 4900), click(slug, "clickA", CLICKED, null),
        pageView("land", "visitor", "clickA", "https://shop.example.com/", MINUTE_LATER));

    assertThat(stored("order1").credit()).isEqualTo(cookie(slug, "clickA"));
    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
  }

  @Test
  void prefersTheClickIdPathWhenASaleReachesItsClickThroughTheClickIdAndTheLineage() {
    String slug = purchaseLink("both");

    deliver(click(slug, "clickA", CLICKED, "visitor"), saleBy("visitor", "order1", "d1", "clickA", PAID, 4900));

    assertThat(stored("order1").credit()).isEqualTo(new Credit(slug, id("clickA"), CreditPath.CLICK_ID));
  }

  @Test
  void givesNoCreditThroughTheClickIdOfAClickAnotherVisitorClaimedInEveryProcessingOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2))) {
      String run = runName(order);
      String slug = purchaseLink(run);
      List<TrackingEvent> events = List.of(click(slug, run + "click", CLICKED, null),
          pageView(run + "land", run + "visitorA", run + "click", "https://shop.example.com/", MINUTE_LATER),
          saleBy(run + "visitorB", run + "order", run, run + "click", PAID, 4900));

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stored(run + "order").credit()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, SALE_DAY)).as("order %s", order).isEmpty();
    }
  }

  @Test
  void takesASaleCreditAwayWhenAnEarlierClaimGivesItsClickToAnotherVisitor() {
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
      String run = runName(order);
      String slug = purchaseLink(run);
      List<TrackingEvent> events = List.of(click(slug, run + "click", CLICKED, null),
          pageView(run + "late", run + "visitorA", run + "click", "https://shop.example.com/", CLICKED.plusSeconds(20)),
          pageView(run + "early", run + "visitorB", run + "click", "https://shop.example.com/", CLICKED.plusSeconds(10)),
          saleBy(run + "visitorA", run + "order", run, run + "click", PAID, 4900));

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stored(run + "order").credit()).as("order %s", order).isNull();
      assertThat(stored(run + "order").pending()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, SALE_DAY)).as("order %s", order).isEmpty();
    }
  }

  @Test
  void givesASaleCarryingAVisitorIdNoCreditThroughAClickNobodyClaimed() {
    String slug = purchaseLink("unclaimed");

    deliver(click(slug, "clickA", CLICKED, null), saleBy("visitor", "order1", "d1", "clickA", PAID, 4900));

    assertThat(stored("order1").credit()).isNull();
  }

  // ---- checkout views -------------------------------------------------------------------

  @Test
  void countsEveryCheckoutViewAndEachConsentingVisitorOncePerProductAndDay() {
    PageEvent essential = page(PageEvent.Kind.CHECKOUT_VIEW, "essential", PageEvent.Consent.ESSENTIAL, null, null,
        "https://shop.example.com/checkout", null, product(), MINUTE_LATER);

    deliver(checkoutView("a1", "visitorA", MINUTE_LATER), checkoutView("a2", "visitorA", MINUTE_LATER.plusSeconds(5)),
        checkoutView("b1", "visitorB", MINUTE_LATER), essential, checkoutView("a3", "visitorA", NEXT_DAY));

    assertThat(productCounts(CLICK_DAY)).isEqualTo(Map.of("checkoutViews", 4L, "checkoutVisitors", 2L));
    assertThat(productCounts(DAY_AFTER)).isEqualTo(Map.of("checkoutViews", 1L, "checkoutVisitors", 1L));
  }

  // ---- redelivery -----------------------------------------------------------------------

  @Test
  void countsEveryKindOfPageEventOnceHoweverOftenItIsDelivered() {
    String optInSlug = optInLink("again");
    String visitSlug = link("visit", Goal.pageVisit("https://shop.example.com/thanks"), 30);
    PageEvent landing = pageView("land", "visitor", "clickA", "https://shop.example.com/thanks", MINUTE_LATER);
    PageEvent optIn = optIn("opt", "visitor", "clickA", null, MINUTE_LATER.plusSeconds(10));
    PageEvent checkout = checkoutView("checkout", "visitor", MINUTE_LATER.plusSeconds(20));
    PageEvent essentialCheckout = page(PageEvent.Kind.CHECKOUT_VIEW, "essential", PageEvent.Consent.ESSENTIAL, null,
        "clickA", "https://shop.example.com/checkout", null, product(), MINUTE_LATER);
    deliver(click(optInSlug, "clickA", CLICKED, null), click(visitSlug, "clickB", CLICKED.minusSeconds(1), "visitor"));

    deliver(landing, optIn, checkout, essentialCheckout);
    deliver(landing, optIn, checkout, essentialCheckout, landing);
    deliver(optIn, checkout, essentialCheckout);

    assertThat(stored(landing).credit()).isEqualTo(cookie(visitSlug, "clickB"));
    assertThat(stored(optIn).credit()).isEqualTo(cookie(optInSlug, "clickA"));
    assertThat(stored(landing).pending()).isNull();
    assertThat(stored(optIn).pending()).isNull();
    assertThat(linkCounts(optInSlug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
    assertThat(linkCounts(visitSlug, CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
    assertThat(productCounts(CLICK_DAY)).isEqualTo(Map.of("checkoutViews", 2L, "checkoutVisitors", 1L));
    assertThat(stores().touches().of(id("visitor"))).hasSize(3);
  }
}
