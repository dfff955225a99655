package io.goalpost.core.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.LeadJoins;
import io.goalpost.core.lead.LeadStore;
import io.goalpost.core.link.Goal;
import io.goalpost.testing.InMemoryWorkerStores;
import io.goalpost.testing.WorkerScenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation over the in-memory worker (SPEC §3 Reconciliation): each reason by itself,
 * the precedence when two could explain a sale, credited sales with their paths, erasure, and the
 * range. Events go through the real worker; the report is read as the api reads it.
 */
class ReconciliationTest extends WorkerScenario {

  private static final Instant OPTED_IN = CLICKED.minus(Duration.ofDays(1));
  private static final Clock TODAY = Clock.fixed(Instant.parse("2025-04-20T12:00:00Z"), ZoneOffset.UTC);

  private final InMemoryWorkerStores memory = InMemoryWorkerStores.create();

  @Override
  protected WorkerStores stores() {
    return memory.stores();
  }

  /** Visitor and click ids are 16–32 letters and digits: short names get a prefix. */
  @Override
  protected String id(String name) {
    return "ident" + super.id(name);
  }

  private ReconciliationReport report() {
    return report("2025-03-25", "2025-04-20");
  }

  private ReconciliationReport report(String from, String to) {
    ReconciliationResult result = Reconciliation.over(stores(), TODAY).of(product(), from, to);
    assertThat(result).isInstanceOf(ReconciliationResult.Found.class);
    return ((ReconciliationResult.Found) result).report();
  }

  private Reason reasonOf(String orderName) {
    return answerOf(orderName).reason();
  }

  private SaleAnswer answerOf(String orderName) {
    return report().conversions().stream().filter(sale -> sale.orderId().equals(orderName + suffix)).findFirst()
        .orElseThrow();
  }

  private String email(String name) {
    return name + suffix + "@example.com";
  }

  /** What {@code POST /api/leads} writes before it enqueues the opt-in. */
  private String lead(String name, boolean gdprConsent, String visitorName) {
    LeadStore leads = stores().leads();
    String leadId = leads.createOrFind(email(name), hash(name), "Lead" + name + suffix, OPTED_IN);
    leads.addConsent(leadId, new ConsentChange(gdprConsent, OPTED_IN, "api:c" + name + suffix, "opt_in"));
    new LeadJoins(leads).join(leadId, id(visitorName), OPTED_IN, "opt_in");
    deliver(LeadEvent.optIn("api:o" + leadId, OPTED_IN, leadId, id(visitorName), null, null));
    return leadId;
  }

  private String hash(String name) {
    return new EmailHashes(InMemoryWorkerStores.EMAIL_HASH_KEY).of(email(name));
  }

  private OrderEvent saleWithEmail(String name, String visitorName, String orderName, Instant at) {
    String eventId = "orders:d" + orderName + suffix;
    return new OrderEvent(OrderEvent.Kind.SALE, eventId, at, orderName + suffix, null,
        product(), 4900, "USD", sealed(email(name), eventId), visitorName == null ? null : id(visitorName), null);
  }

  private OrderEvent anonymousSale(String orderName, Instant at) {
    return new OrderEvent(OrderEvent.Kind.SALE, "orders:a" + orderName + suffix, at, orderName + suffix, null,
        product(), 4900, "USD", null, null, null);
  }

  @Test
  void aSaleWithoutVisitorIdClickIdOrEmailHasNoIdentity() {
    deliver(anonymousSale("o1", PAID));

    assertThat(reasonOf("o1")).isEqualTo(Reason.NO_IDENTITY);
  }

  @Test
  void aSaleWhoseMatchingClickCameBeforeTheWindowIsOutsideTheWindow() {
    String slug = link("week", Goal.purchase(product()), 7);
    deliver(click(slug, "c1", PAID.minus(Duration.ofDays(8)), "v1"), saleBy("v1", "o1", "d1", null, PAID, 4900));

    assertThat(reasonOf("o1")).isEqualTo(Reason.OUTSIDE_WINDOW);
  }

  @Test
  void aSaleWhosePersonClickedOnlyOnADeviceJoinedWithoutConsentIsOtherDeviceOrCookie() {
    String slug = purchaseLink("spring");
    lead("bob", false, "phone");
    deliver(click(slug, "c1", CLICKED, "phone"), saleWithEmail("bob", "laptop", "o1", PAID));

    assertThat(reasonOf("o1")).isEqualTo(Reason.OTHER_DEVICE_OR_COOKIE);
  }

  @Test
  void aSaleOfALeadWhoseConsentWasWithdrawnBeforeItIsOtherDeviceOrCookie() {
    String slug = purchaseLink("spring");
    String lead = lead("cy", true, "phone");
    stores().leads().addConsent(lead, new ConsentChange(false, PAID.minusSeconds(60), "api:w" + suffix, "api"));
    deliver(LeadEvent.consent("api:w" + suffix, PAID.minusSeconds(60), lead), click(slug, "c1", CLICKED, "phone"),
        saleWithEmail("cy", "laptop", "o1", PAID));

    assertThat(stored("o1").credit()).isNull();
    assertThat(reasonOf("o1")).isEqualTo(Reason.OTHER_DEVICE_OR_COOKIE);
  }

  @Test
  void aSaleWhoseClickWasOnALinkWithAnotherGoalIsLinkWithoutGoal() {
    String optIns = link("newsletter", Goal.optIn(null), 30);
    String otherProduct = link("other", Goal.purchase("another-product"), 30);
    deliver(click(optIns, "c1", CLICKED, "v1"), click(otherProduct, "c2", CLICKED, "v2"),
        saleBy("v1", "o1", "d1", null, PAID, 4900), saleBy("v2", "o2", "d2", null, PAID, 4900));

    assertThat(reasonOf("o1")).isEqualTo(Reason.LINK_WITHOUT_GOAL);
    assertThat(reasonOf("o2")).isEqualTo(Reason.LINK_WITHOUT_GOAL);
  }

  @Test
  void aSaleWhoseIdentitiesClickedNothingWeMayConnectIsNoTrackedClick() {
    String slug = purchaseLink("spring");
    // v2 bought with v1's click id pasted into its checkout: the click is v1's, so v2 gets nothing.
    deliver(click(slug, "c1", CLICKED, "v1"), saleBy("v2", "o1", "d1", "c1", PAID, 4900),
        saleWithEmail("dee", "desk", "o2", PAID));

    assertThat(reasonOf("o1")).isEqualTo(Reason.NO_TRACKED_CLICK);
    assertThat(reasonOf("o2")).isEqualTo(Reason.NO_TRACKED_CLICK);
  }

  @Test
  void aClickAfterTheSaleExplainsNothing() {
    String slug = link("week", Goal.purchase(product()), 7);
    deliver(saleBy("v1", "o1", "d1", null, PAID, 4900), click(slug, "c1", PAID.plusSeconds(60), "v1"));

    assertThat(reasonOf("o1")).isEqualTo(Reason.NO_TRACKED_CLICK);
  }

  @Test
  void aSaleThatTwoReasonsCouldExplainGetsTheFirstInSpecOrder() {
    String week = link("week", Goal.purchase(product()), 7);
    String optIns = link("newsletter", Goal.optIn(null), 30);
    String spring = purchaseLink("spring");
    lead("eve", false, "phone");
    lead("fay", false, "tablet");
    // o1: an expired click and a click on a link without this goal: outside_window comes first.
    // o2: a click on the unjoined phone and a click without this goal on the laptop: the device comes first.
    // o3: an expired click on the desk and a click on the unjoined tablet: outside_window comes first.
    deliver(click(week, "c1", PAID.minus(Duration.ofDays(8)), "v1"), click(optIns, "c2", CLICKED, "v1"),
        saleBy("v1", "o1", "d1", null, PAID, 4900),
        click(spring, "c3", CLICKED, "phone"), click(optIns, "c4", CLICKED, "laptop"),
        saleWithEmail("eve", "laptop", "o2", PAID),
        click(week, "c5", PAID.minus(Duration.ofDays(8)), "desk"), click(spring, "c6", CLICKED, "tablet"),
        saleWithEmail("fay", "desk", "o3", PAID));

    assertThat(reasonOf("o1")).isEqualTo(Reason.OUTSIDE_WINDOW);
    assertThat(reasonOf("o2")).isEqualTo(Reason.OTHER_DEVICE_OR_COOKIE);
    assertThat(reasonOf("o3")).isEqualTo(Reason.OUTSIDE_WINDOW);
  }

  @Test
  void creditedSalesShowTheirLinkAndPathAndTheCountsAddUpToTheSales() {
    String spring = purchaseLink("spring");
    lead("ada", true, "phone");
    deliver(click(spring, "c1", CLICKED, "v1"), saleBy("v1", "o1", "d1", null, PAID, 4900),
        click(spring, "c2", CLICKED, null), sale("o2", "d2", "c2", PAID, 2500),
        click(spring, "c3", CLICKED, "phone"), saleWithEmail("ada", "laptop", "o3", PAID),
        anonymousSale("o4", PAID));

    ReconciliationReport report = report();

    assertThat(answerOf("o1").path()).isEqualTo(CreditPath.COOKIE);
    assertThat(answerOf("o2").path()).isEqualTo(CreditPath.CLICK_ID);
    assertThat(answerOf("o3").path()).isEqualTo(CreditPath.LEAD);
    assertThat(report.sales()).isEqualTo(4);
    assertThat(report.attributedSales()).isEqualTo(3);
    assertThat(report.byLink()).containsExactly(
        new ReconciliationReport.LinkSales(spring, 3, Map.of("USD", 4900L + 2500L + 4900L)));
    assertThat(report.unattributed()).isEqualTo(Map.of(Reason.NO_IDENTITY, 1L));
  }

  @Test
  void aLateClickTurnsAnUnattributedSaleIntoACreditedOne() {
    String spring = purchaseLink("spring");
    deliver(saleBy("v1", "o1", "d1", null, PAID, 4900));
    assertThat(reasonOf("o1")).isEqualTo(Reason.NO_TRACKED_CLICK);

    deliver(click(spring, "c1", CLICKED, "v1"));

    assertThat(answerOf("o1").slug()).isEqualTo(spring);
    assertThat(answerOf("o1").reason()).isNull();
  }

  @Test
  void aSaleOfAnErasedLeadKeepsItsCreditAndOneWithoutACreditHasNoIdentity() {
    String spring = purchaseLink("spring");
    String ada = lead("ada", true, "phone");
    String bob = lead("bob", false, "tablet");
    deliver(click(spring, "c1", CLICKED, "phone"), saleWithEmail("ada", "laptop", "o1", PAID),
        click(spring, "c2", CLICKED, "tablet"), saleWithEmail("bob", "desk", "o2", PAID));
    for (String lead : List.of(ada, bob)) {
      List<String> visitors = stores().leads().joinsOf(lead).stream().map(Join::visitorId).toList();
      stores().leads().tombstone(lead, visitors, PAID.plusSeconds(60));
      deliver(LeadEvent.erase("api:x" + lead, PAID.plusSeconds(60), lead));
    }

    assertThat(answerOf("o1").path()).isEqualTo(CreditPath.LEAD);
    assertThat(reasonOf("o2")).isEqualTo(Reason.NO_IDENTITY);
  }

  @Test
  void onlyTheSalesOfTheDaysAskedForAreReported() {
    deliver(anonymousSale("o1", CLICKED), anonymousSale("o2", PAID));

    assertThat(report("2025-04-02", "2025-04-02").conversions()).extracting(SaleAnswer::orderId)
        .containsExactly("o2" + suffix);
    assertThat(report("2025-04-01", "2025-04-02").sales()).isEqualTo(2);
  }

  @Test
  void anUnknownProductAnswersZerosAndABadRangeOrProductIdIsInvalid() {
    ReconciliationResult unknown = Reconciliation.over(stores(), TODAY).of("never-sold", null, null);
    assertThat(unknown).isInstanceOfSatisfying(ReconciliationResult.Found.class, found -> {
      assertThat(found.report().sales()).isZero();
      assertThat(found.report().unattributed()).isEmpty();
      assertThat(found.report().byLink()).isEmpty();
    });
    assertThat(Reconciliation.over(stores(), TODAY).of(product(), "2025-04-03", "2025-04-01"))
        .isInstanceOf(ReconciliationResult.Invalid.class);
    assertThat(Reconciliation.over(stores(), TODAY).of("no spaces", null, null))
        .isInstanceOf(ReconciliationResult.Invalid.class);
  }
}
