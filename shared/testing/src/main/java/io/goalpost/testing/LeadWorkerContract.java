package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadJoins;
import io.goalpost.core.lead.LeadStore;
import io.goalpost.core.link.Goal;
import io.goalpost.core.reconciliation.Reason;
import io.goalpost.core.reconciliation.Reconciliation;
import io.goalpost.core.reconciliation.ReconciliationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worker's lead scenarios (docs/decisions/007; SPEC §3 Consent and identity, Attribution,
 * Leads), run over the in-memory fakes and over dynalite alike. The api's writes (the lead, its
 * consent, its joins, the tombstone) are made here as {@code Leads} makes them; the worker gets
 * the events the api and the ingest functions enqueue.
 */
public abstract class LeadWorkerContract extends WorkerScenario {

  private static final Instant OPTED_IN = CLICKED.minus(Duration.ofDays(1));

  /** The key the stores under test hash emails with. */
  protected abstract EmailHashes emailHashes();

  protected String email(String name) {
    return name + suffix + "@example.com";
  }

  /** What {@code POST /api/leads} writes before it enqueues the opt-in. */
  protected String optedInLead(String emailName, boolean gdprConsent, String visitorName) {
    LeadStore leads = stores().leads();
    String email = email(emailName);
    String leadId = leads.createOrFind(email, emailHashes().of(email), "Lead" + emailName + suffix, OPTED_IN);
    leads.addConsent(leadId, new ConsentChange(gdprConsent, OPTED_IN, "api:c" + emailName + suffix, "opt_in"));
    if (visitorName != null) {
      new LeadJoins(leads).join(leadId, id(visitorName), OPTED_IN, "opt_in");
    }
    return leadId;
  }

  protected LeadEvent optInEvent(String leadId, String visitorName) {
    return LeadEvent.optIn("api:o" + leadId, OPTED_IN, leadId, visitorName == null ? null : id(visitorName), null,
        null);
  }

  protected OrderEvent saleWithEmail(String emailName, String visitorName, String orderName, Instant at) {
    String eventId = "orders:d" + orderName + suffix;
    return new OrderEvent(OrderEvent.Kind.SALE, eventId, at, orderName + suffix, null,
        product(), 4900, "USD", sealed(email(emailName), eventId), visitorName == null ? null : id(visitorName), null);
  }

  protected ClickEvent personalisedClick(String slug, String clickName, Instant at, String visitorName, String leadId) {
    return new ClickEvent(slug, id(clickName), visitorName == null ? null : id(visitorName), at, false,
        ClickEvent.leadClicker(leadId), leadId);
  }

  private Credit creditOf(String orderName) {
    return stored(orderName).credit();
  }

  @Test
  void aConsentingLeadWhoClickedOnThePhoneAndBoughtOnTheLaptopIsCreditedThroughTheLead() {
    String slug = purchaseLink("spring");
    String lead = optedInLead("ada", true, "phone");

    deliver(optInEvent(lead, "phone"), click(slug, "c1", CLICKED, "phone"),
        saleWithEmail("ada", "laptop", "o1", PAID));

    assertThat(creditOf("o1")).isEqualTo(new Credit(slug, id("c1"), CreditPath.LEAD));
    assertThat(linkCounts(slug, SALE_DAY)).containsEntry("goals", 1L).containsEntry("revenue.USD", 4900L);
    assertThat(stores().leads().joinsOf(lead)).extracting(Join::visitorId).containsExactly(id("laptop"), id("phone"));
  }

  @Test
  void theSameEventsInTheOtherOrderGiveTheSameCreditAndRedeliveriesChangeNothing() {
    String slug = purchaseLink("spring");
    String lead = optedInLead("ada", true, "phone");
    TrackingEvent[] events = {saleWithEmail("ada", "laptop", "o1", PAID), click(slug, "c1", CLICKED, "phone"),
        optInEvent(lead, "phone")};

    deliver(events);
    deliver(events);

    assertThat(creditOf("o1")).isEqualTo(new Credit(slug, id("c1"), CreditPath.LEAD));
    assertThat(linkCounts(slug, SALE_DAY)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(productCounts(SALE_DAY)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
  }

  @Test
  void withoutConsentTheOtherDeviceGetsNothingAndIsKeptOnlyAsADiagnosticJoin() {
    String slug = purchaseLink("spring");
    String lead = optedInLead("bob", false, "phone");

    deliver(optInEvent(lead, "phone"), click(slug, "c1", CLICKED, "phone"), saleWithEmail("bob", "laptop", "o1", PAID));

    assertThat(creditOf("o1")).isNull();
    assertThat(linkCounts(slug, SALE_DAY)).isEmpty();
    assertThat(stores().leads().joinsOf(lead)).isEmpty();
    assertThat(stores().leads().leadsOfVisitor(id("laptop"))).isEmpty();
    assertThat(stores().leads().mayNotJoin(emailHashes().of(email("bob")))).containsExactly(id("laptop"), id("phone"));
  }

  @Test
  void consentWithdrawnBeforeASaleStopsUseFromThenOnWhileTheEarlierCreditStays() {
    String slug = purchaseLink("spring");
    String lead = optedInLead("cy", true, "phone");
    deliver(optInEvent(lead, "phone"), click(slug, "c1", CLICKED, "phone"), saleWithEmail("cy", null, "o1", PAID));

    stores().leads().addConsent(lead, new ConsentChange(false, PAID.plusSeconds(60), "api:w" + suffix, "api"));
    deliver(LeadEvent.consent("api:w" + suffix, PAID.plusSeconds(60), lead),
        saleWithEmail("cy", null, "o2", PAID.plusSeconds(3600)));

    assertThat(creditOf("o1")).isEqualTo(new Credit(slug, id("c1"), CreditPath.LEAD));
    assertThat(creditOf("o2")).isNull();
    assertThat(linkCounts(slug, SALE_DAY)).containsEntry("goals", 1L);
  }

  @Test
  void aPersonalisedClickJoinsTheLeadsLineageWhateverTheCookiesAndCreditsItsEmailOnlyPurchase() {
    String slug = purchaseLink("spring");
    String lead = optedInLead("dee", true, null);

    deliver(personalisedClick(slug, "c1", CLICKED, null, lead), saleWithEmail("dee", null, "o1", PAID));

    assertThat(stores().leadLineages().clicksOf(lead)).containsExactly(id("c1"));
    assertThat(creditOf("o1")).isEqualTo(new Credit(slug, id("c1"), CreditPath.LEAD));
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("clicks", 1L).containsEntry("uniqueClicks", 1L);
  }

  @Test
  void aPersonalisedClickWithAVisitorIdJoinsThatVisitorOnlyUnderConsent() {
    String slug = purchaseLink("spring");
    String consenting = optedInLead("eve", true, null);
    String refusing = optedInLead("fay", false, null);

    deliver(personalisedClick(slug, "c1", CLICKED, "v1", consenting), personalisedClick(slug, "c2", CLICKED, "v2", refusing));

    assertThat(stores().leads().joinsOf(consenting)).extracting(Join::visitorId).containsExactly(id("v1"));
    assertThat(stores().leads().joinsOf(refusing)).isEmpty();
    assertThat(stores().leads().mayNotJoin(emailHashes().of(email("fay")))).containsExactly(id("v2"));
  }

  @Test
  void anEssentialConsentPageEventNamingAConsentingLeadsPersonalisedClickCountsForTheLeadOnly() {
    String slug = link("webinar", Goal.optIn(null), 30);
    String consenting = optedInLead("gus", true, null);
    String refusing = optedInLead("hal", false, null);
    PageEvent counts = page(PageEvent.Kind.OPT_IN, "e1", PageEvent.Consent.ESSENTIAL, null, "c1",
        "https://shop.example.com/join", null, null, CLICKED.plusSeconds(60));
    PageEvent noConsent = page(PageEvent.Kind.OPT_IN, "e2", PageEvent.Consent.ESSENTIAL, null, "c2",
        "https://shop.example.com/join", null, null, CLICKED.plusSeconds(60));
    PageEvent ordinaryClick = page(PageEvent.Kind.OPT_IN, "e3", PageEvent.Consent.ESSENTIAL, null, "c3",
        "https://shop.example.com/join", null, null, CLICKED.plusSeconds(60));

    deliver(personalisedClick(slug, "c1", CLICKED, null, consenting), personalisedClick(slug, "c2", CLICKED, null, refusing),
        click(slug, "c3", CLICKED, null), counts, noConsent, ordinaryClick);

    assertThat(stored(counts).credit()).isEqualTo(new Credit(slug, id("c1"), CreditPath.CLICK_ID));
    assertThat(stored(counts).conversion().leadId()).isEqualTo(consenting);
    assertThat(stores().conversions().find(conversionId(noConsent))).isEmpty();
    assertThat(stores().conversions().find(conversionId(ordinaryClick))).isEmpty();
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 1L);
  }

  @Test
  void anEssentialEventOnAnOrdinaryClickThatAServerSideOptInNamedGivesTheLeadNothingInEveryOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2))) {
      String run = runName(order);
      String slug = link(run + "webinar", Goal.optIn(null), 30);
      String lead = optedInLead(run + "kim", true, null);
      // The user's backend read gp_cid from the landing URL itself: the click is the lead's, not personalised.
      LeadEvent namingTheClick = LeadEvent.optIn("api:o" + run + suffix, CLICKED.plus(Duration.ofMinutes(5)), lead,
          null, id(run + "c1"), null);
      PageEvent essential = page(PageEvent.Kind.PAGE_VIEW, run + "e1", PageEvent.Consent.ESSENTIAL, null, run + "c1",
          "https://shop.example.com/welcome", null, null, CLICKED.plusSeconds(60));
      List<TrackingEvent> events = List.of(click(slug, run + "c1", CLICKED, null), namingTheClick, essential);

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stores().conversions().find(conversionId(essential))).as("order %s", order).isEmpty();
      assertThat(stores().leadLineages().clicksOf(lead)).as("order %s", order).containsExactly(id(run + "c1"));
    }
  }

  @Test
  void aPastedPersonalisedUrlOpenedHoursLaterGivesTheLeadNothing() {
    String slug = link("webinar", Goal.optIn(null), 30);
    String lead = optedInLead("ian", true, null);
    PageEvent late = page(PageEvent.Kind.OPT_IN, "e1", PageEvent.Consent.ESSENTIAL, null, "c1",
        "https://shop.example.com/join", null, null, CLICKED.plus(Duration.ofHours(3)));

    deliver(personalisedClick(slug, "c1", CLICKED, null, lead), late);

    assertThat(stores().conversions().find(conversionId(late))).isEmpty();
  }

  // ---- one identity per consenting lead (docs/decisions/007) ------------------------------

  /** A lead created with {@code gdprConsent} at {@code OPTED_IN}, each visitor verifiably joined, as the api does. */
  private String leadOnDevices(String emailName, boolean gdprConsent, String... visitorNames) {
    String lead = optedInLead(emailName, gdprConsent, null);
    for (String visitor : visitorNames) {
      new LeadJoins(stores().leads()).join(lead, id(visitor), OPTED_IN, "opt_in");
    }
    return lead;
  }

  private Credit cookie(String slug, String clickName) {
    return new Credit(slug, id(clickName), CreditPath.COOKIE);
  }

  @Test
  void twoDevicesOfAConsentingLeadOptingInOnOneLinkCompleteItsGoalOnceForTheEarliestInEveryProcessingOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
      String run = runName(order);
      String slug = link(run + "webinar", Goal.optIn(null), 30);
      leadOnDevices(run + "ann", true, run + "phone", run + "laptop");
      PageEvent onThePhone = optIn(run + "o1", run + "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
      PageEvent onTheLaptop = optIn(run + "o2", run + "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));
      List<TrackingEvent> events = List.of(click(slug, run + "c1", CLICKED, run + "phone"),
          click(slug, run + "c2", CLICKED.plus(Duration.ofMinutes(30)), run + "laptop"), onTheLaptop, onThePhone);

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stored(onThePhone).credit()).as("order %s", order).isEqualTo(cookie(slug, run + "c1"));
      assertThat(stored(onTheLaptop).credit()).as("order %s", order).isNull();
      assertThat(stored(onTheLaptop).pending()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, CLICK_DAY)).as("order %s", order).containsEntry("goals", 1L);
    }
  }

  @Test
  void withoutConsentTheTwoDevicesOfALeadAreTwoIdentitiesAndBothOptInsCount() {
    String slug = link("webinar", Goal.optIn(null), 30);
    String lead = leadOnDevices("bea", false, "phone", "laptop");
    PageEvent onThePhone = optIn("o1", "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
    PageEvent onTheLaptop = optIn("o2", "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));

    deliver(click(slug, "c1", CLICKED, "phone"), click(slug, "c2", CLICKED.plus(Duration.ofMinutes(30)), "laptop"),
        onTheLaptop, onThePhone);

    assertThat(stores().leads().joinsOf(lead)).isEmpty();
    assertThat(stored(onThePhone).credit()).isEqualTo(cookie(slug, "c1"));
    assertThat(stored(onTheLaptop).credit()).isEqualTo(cookie(slug, "c2"));
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 2L);
  }

  @Test
  void theLeadsOwnServerSideOptInAndItsDevicesPageOptInAreOnePersonInEveryProcessingOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2))) {
      String run = runName(order);
      String slug = link(run + "webinar", Goal.optIn(null), 30);
      String lead = leadOnDevices(run + "cid", true, run + "phone");
      LeadEvent serverSide = LeadEvent.optIn("api:o" + run + suffix, CLICKED.plus(Duration.ofMinutes(5)), lead, null,
          id(run + "c1"), null);
      PageEvent onThePhone = optIn(run + "o1", run + "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
      List<TrackingEvent> events = List.of(click(slug, run + "c1", CLICKED, run + "phone"), onThePhone, serverSide);

      order.forEach(i -> deliver(events.get(i)));

      String serverSideId = Conversion.pageId(Conversion.Kind.OPT_IN, serverSide.eventId());
      assertThat(stores().conversions().find(serverSideId).orElseThrow().credit()).as("order %s", order)
          .isEqualTo(new Credit(slug, id(run + "c1"), CreditPath.CLICK_ID));
      assertThat(stored(onThePhone).credit()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, CLICK_DAY)).as("order %s", order).containsEntry("goals", 1L);
    }
  }

  @Test
  void aDeviceOptInThatTheLeadsOwnOptInHeldStillHoldsTheDevicesLaterOneAfterConsentIsWithdrawnInEveryOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
      String run = runName(order);
      String slug = link(run + "webinar", Goal.optIn(null), 30);
      String lead = leadOnDevices(run + "hep", true, run + "phone");
      stores().leads().addConsent(lead, new ConsentChange(false, CLICKED.plus(Duration.ofMinutes(20)),
          "api:w" + run + suffix, "api"));
      LeadEvent serverSide = LeadEvent.optIn("api:o" + run + suffix, CLICKED.plus(Duration.ofMinutes(5)), lead, null,
          id(run + "c1"), null);
      PageEvent heldByTheLead = optIn(run + "o1", run + "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
      // After the withdrawal the phone is its own identity again, whose earlier opt-in picked this link.
      PageEvent afterWithdrawal = optIn(run + "o2", run + "phone", null, null, CLICKED.plus(Duration.ofHours(1)));
      List<TrackingEvent> events = List.of(click(slug, run + "c1", CLICKED, run + "phone"), afterWithdrawal,
          serverSide, heldByTheLead);

      order.forEach(i -> deliver(events.get(i)));

      String serverSideId = Conversion.pageId(Conversion.Kind.OPT_IN, serverSide.eventId());
      assertThat(stores().conversions().find(serverSideId).orElseThrow().credit()).as("order %s", order)
          .isEqualTo(new Credit(slug, id(run + "c1"), CreditPath.CLICK_ID));
      assertThat(stored(heldByTheLead).credit()).as("order %s", order).isNull();
      assertThat(stored(afterWithdrawal).credit()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, CLICK_DAY)).as("order %s", order).containsEntry("goals", 1L);
    }
  }

  @Test
  void aClaimThatGivesThePhoneItsClickTakesTheGoalFromTheLeadsLaterLaptopOptInInEveryOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
      String run = runName(order);
      String slug = link(run + "webinar", Goal.optIn(null), 30);
      leadOnDevices(run + "jan", true, run + "phone", run + "laptop");
      deliver(click(slug, run + "c2", CLICKED.plus(Duration.ofMinutes(30)), run + "laptop"));
      PageEvent onThePhone = optIn(run + "o1", run + "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
      PageEvent onTheLaptop = optIn(run + "o2", run + "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));
      // The phone's click carried no cookie; its landing page claims it.
      List<TrackingEvent> events = List.of(click(slug, run + "c1", CLICKED, null),
          pageView(run + "land", run + "phone", run + "c1", "https://shop.example.com/", CLICKED.plusSeconds(30)),
          onTheLaptop, onThePhone);

      order.forEach(i -> deliver(events.get(i)));

      assertThat(stored(onThePhone).credit()).as("order %s", order).isEqualTo(cookie(slug, run + "c1"));
      assertThat(stored(onTheLaptop).credit()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, CLICK_DAY)).as("order %s", order).containsEntry("goals", 1L);
    }
  }

  @Test
  void aJoinWrittenAfterBothOptInsMakesTheLaterDeviceGiveItsGoalBack() {
    String slug = link("webinar", Goal.optIn(null), 30);
    String lead = leadOnDevices("dan", true, "phone");
    PageEvent onThePhone = optIn("o1", "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
    PageEvent onTheLaptop = optIn("o2", "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));
    deliver(click(slug, "c1", CLICKED, "phone"), click(slug, "c2", CLICKED.plus(Duration.ofMinutes(30)), "laptop"),
        onThePhone, onTheLaptop);
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 2L);

    // The user's backend opts the lead in again from the laptop: the api joins it, then enqueues.
    Instant later = CLICKED.plus(Duration.ofHours(2));
    new LeadJoins(stores().leads()).join(lead, id("laptop"), later, "opt_in");
    deliver(LeadEvent.optIn("api:o2" + suffix, later, lead, id("laptop"), null, null));

    assertThat(stored(onThePhone).credit()).isEqualTo(cookie(slug, "c1"));
    assertThat(stored(onTheLaptop).credit()).isNull();
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 1L);
  }

  @Test
  void aPaymentThatJoinsTheLaptopToAConsentingLeadMakesItsEarlierOptInGiveTheGoalBackInEveryOrder() {
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3))) {
      String run = runName(order);
      String slug = link(run + "webinar", Goal.optIn(null), 30);
      leadOnDevices(run + "gus", true, run + "phone");
      PageEvent onThePhone = optIn(run + "o1", run + "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
      PageEvent onTheLaptop = optIn(run + "o2", run + "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));
      // The laptop was never opted in through the api: only the payment's email joins it to the lead.
      OrderEvent paidOnTheLaptop = saleWithEmail(run + "gus", run + "laptop", run + "ord",
          CLICKED.plus(Duration.ofHours(2)));
      List<TrackingEvent> events = List.of(click(slug, run + "c1", CLICKED, run + "phone"),
          click(slug, run + "c2", CLICKED.plus(Duration.ofMinutes(30)), run + "laptop"), onThePhone, onTheLaptop);

      order.forEach(i -> deliver(events.get(i)));
      assertThat(linkCounts(slug, CLICK_DAY)).as("order %s, before the payment", order).containsEntry("goals", 2L);
      deliver(paidOnTheLaptop);

      assertThat(stored(onThePhone).credit()).as("order %s", order).isEqualTo(cookie(slug, run + "c1"));
      assertThat(stored(onTheLaptop).credit()).as("order %s", order).isNull();
      assertThat(linkCounts(slug, CLICK_DAY)).as("order %s", order).containsEntry("goals", 1L);
    }
  }

  @Test
  void consentPatchedBackOnBetweenTwoOptInsMakesTheLaterOnePartOfTheLeadFromThatTimeOn() {
    String slug = link("webinar", Goal.optIn(null), 30);
    String lead = leadOnDevices("eli", true, "phone", "laptop");
    stores().leads().addConsent(lead, new ConsentChange(false, CLICKED.minusSeconds(60), "api:w" + suffix, "api"));
    PageEvent onThePhone = optIn("o1", "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
    PageEvent onTheLaptop = optIn("o2", "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));
    deliver(click(slug, "c1", CLICKED, "phone"), click(slug, "c2", CLICKED.plus(Duration.ofMinutes(30)), "laptop"),
        onTheLaptop, onThePhone);
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 2L);

    Instant patched = CLICKED.plus(Duration.ofMinutes(20));
    stores().leads().addConsent(lead, new ConsentChange(true, patched, "api:p" + suffix, "api"));
    deliver(LeadEvent.consent("api:p" + suffix, patched, lead));

    // The phone's opt-in came before the consent and keeps its goal; the laptop's, after it, is
    // the same person's second.
    assertThat(stored(onThePhone).credit()).isEqualTo(cookie(slug, "c1"));
    assertThat(stored(onTheLaptop).credit()).isNull();
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 1L);
  }

  @Test
  void consentPatchedBackOnAfterBothOptInsLeavesThemTwoIdentities() {
    String slug = link("webinar", Goal.optIn(null), 30);
    String lead = leadOnDevices("fin", true, "phone", "laptop");
    stores().leads().addConsent(lead, new ConsentChange(false, CLICKED.minusSeconds(60), "api:w" + suffix, "api"));
    PageEvent onThePhone = optIn("o1", "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
    PageEvent onTheLaptop = optIn("o2", "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));

    Instant patched = CLICKED.plus(Duration.ofHours(2));
    stores().leads().addConsent(lead, new ConsentChange(true, patched, "api:p" + suffix, "api"));
    deliver(click(slug, "c1", CLICKED, "phone"), click(slug, "c2", CLICKED.plus(Duration.ofMinutes(30)), "laptop"),
        onTheLaptop, onThePhone, LeadEvent.consent("api:p" + suffix, patched, lead));

    assertThat(stored(onThePhone).credit()).isEqualTo(cookie(slug, "c1"));
    assertThat(stored(onTheLaptop).credit()).isEqualTo(cookie(slug, "c2"));
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 2L);
  }

  @Test
  void erasingTheLeadKeepsTheOneGoalItsTwoDevicesCompleted() {
    String slug = link("webinar", Goal.optIn(null), 30);
    String lead = leadOnDevices("gil", true, "phone", "laptop");
    PageEvent onThePhone = optIn("o1", "phone", null, null, CLICKED.plus(Duration.ofMinutes(10)));
    PageEvent onTheLaptop = optIn("o2", "laptop", null, null, CLICKED.plus(Duration.ofHours(1)));
    deliver(click(slug, "c1", CLICKED, "phone"), click(slug, "c2", CLICKED.plus(Duration.ofMinutes(30)), "laptop"),
        onThePhone, onTheLaptop);

    stores().leads().tombstone(lead, List.of(id("laptop"), id("phone")), PAID);
    deliver(LeadEvent.erase("api:x" + suffix, PAID, lead), click(slug, "c3", CLICKED.plus(Duration.ofMinutes(40)),
        "laptop"));

    assertThat(stored(onThePhone).credit()).isEqualTo(cookie(slug, "c1"));
    assertThat(stored(onTheLaptop).credit()).isNull();
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 1L);
  }

  @Test
  void erasureDeletesTheLeadsTracesDropsItsVisitorsLaterPageEventsAndKeepsCreditsAndCounters() {
    String slug = purchaseLink("spring");
    String lead = optedInLead("jo", true, "phone");
    deliver(optInEvent(lead, "phone"), click(slug, "c1", CLICKED, "phone"),
        pageView("pv1", "phone", null, "https://shop.example.com/a", CLICKED.plusSeconds(5)),
        saleWithEmail("jo", "laptop", "o1", PAID));
    List<String> visitors = stores().leads().joinsOf(lead).stream().map(Join::visitorId).toList();

    stores().leads().tombstone(lead, visitors, PAID.plusSeconds(60));
    LeadEvent erase = LeadEvent.erase("api:x" + suffix, PAID.plusSeconds(60), lead);
    deliver(erase, erase);
    deliver(pageView("pv2", "phone", null, "https://shop.example.com/b", PAID.plusSeconds(120)),
        click(slug, "c2", PAID.minusSeconds(60), "laptop"));

    Lead tombstone = stores().leads().find(lead).orElseThrow();
    assertThat(tombstone.erased()).isTrue();
    assertThat(tombstone.email()).isNull();
    assertThat(tombstone.emailHash()).isNull();
    assertThat(stores().leads().findByEmailHash(emailHashes().of(email("jo")))).isEmpty();
    assertThat(stores().leads().joinsOf(lead)).isEmpty();
    assertThat(stores().leads().consentOf(lead).changes()).isEmpty();
    assertThat(stores().leadLineages().conversionsOf(lead)).isEmpty();
    assertThat(stores().touches().of(id("phone"))).isEmpty();
    assertThat(stores().lineages().clicksOf(id("phone"))).isEmpty();
    assertThat(creditOf("o1")).isEqualTo(new Credit(slug, id("c1"), CreditPath.LEAD));
    // The laptop's later click still counts as a click, and would win the sale by last touch if
    // the erased identity's credit were decided again: it is not.
    assertThat(linkCounts(slug, SALE_DAY)).containsEntry("goals", 1L).containsEntry("revenue.USD", 4900L)
        .containsEntry("clicks", 1L);

    deliver(saleWithEmail("jo", null, "o2", PAID.plusSeconds(7200)));
    String fresh = stores().leads().findByEmailHash(emailHashes().of(email("jo"))).orElseThrow();
    assertThat(fresh).isNotEqualTo(lead);
    assertThat(stores().leads().joinsOf(fresh)).isEmpty();
    assertThat(productCounts(SALE_DAY)).containsEntry("sales", 2L);
  }
  @Test
  void aSaleWhosePersonClickedOnlyOnAnUnjoinedDeviceIsToldApartFromOneThatNeverClicked() {
    String slug = purchaseLink("spring");
    optedInLead("kay", false, "phone");
    deliver(click(slug, "c1", CLICKED, "phone"), saleWithEmail("kay", "laptop", "o1", PAID),
        saleWithEmail("lee", "desk", "o2", PAID));

    // Asked of the reconciliation itself, the one place that decides other_device_or_cookie.
    Clock later = Clock.fixed(PAID.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    ReconciliationResult result = Reconciliation.over(stores(), later).of(product(), SALE_DAY.toString(),
        SALE_DAY.toString());
    assertThat(result).isInstanceOf(ReconciliationResult.Found.class);
    Map<String, Reason> reasons = new HashMap<>();
    ((ReconciliationResult.Found) result).report().conversions()
        .forEach(sale -> reasons.put(sale.orderId(), sale.reason()));

    assertThat(reasons).containsOnly(Map.entry("o1" + suffix, Reason.OTHER_DEVICE_OR_COOKIE),
        Map.entry("o2" + suffix, Reason.NO_TRACKED_CLICK));
  }
}
