package io.goalpost.aws.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.counter.MovableClock;
import io.goalpost.aws.faults.WriteKiller;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.LeadJoins;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.TestIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5 for the lead's worker effects: a worker killed right after any one of its writes while
 * recording a cross-device sale or an erasure, then the message redelivered after the visibility
 * timeout, ends as one clean delivery would. Kills past the last write simply let it finish.
 */
@ExtendWith(LocalStackExtension.class)
class LeadFaultInjectionTest {

  private static final Instant OPTED_IN = Instant.parse("2025-03-31T09:00:00Z");
  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");

  private final WriteKiller killer = new WriteKiller();
  private final MovableClock clock = new MovableClock();
  private final EmailHashes hashes = new EmailHashes(WorkerWiring.LOCAL_TEST_EMAIL_HASH_KEY);
  private final String run = TestIds.suffix();
  private final String slug = "spring-" + run;
  private final String product = "prod_" + run;
  private final String email = "ada" + run + "@example.com";
  private final String lead = "Lead" + run;
  private final ClickEvent phoneClick = new ClickEvent(slug, "click" + run, "phone" + run, CLICKED);
  private final OrderEvent laptopSale = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_" + run, PAID, "order-" + run,
      null, product, 4900, "USD", email, "laptop" + run, null);

  private WorkerStores healthyStores;
  private EventRecorder healthy;
  private EventRecorder dying;

  @BeforeEach
  void aConsentingLeadWhoClickedOnThePhone(LocalStack stack) {
    String table = stack.tableName("GoalpostTable");
    healthyStores = WorkerWiring.stores(stack.dynamoDbClient(), table, clock, hashes);
    healthy = WorkerWiring.recorder(healthyStores, AttributionModel.LAST_TOUCH);
    dying = WorkerWiring.recorder(WorkerWiring.stores(killer.client(stack), table, clock, hashes),
        AttributionModel.LAST_TOUCH);
    healthyStores.links().create(new Link(slug, "Spring", "https://shop.example.com/spring", "ads", null,
        Goal.purchase(product), 30, false, CLICKED.minusSeconds(86_400), false));
    healthyStores.leads().createOrFind(email, hashes.of(email), lead, OPTED_IN);
    healthyStores.leads().addConsent(lead, new ConsentChange(true, OPTED_IN, "c" + run, "opt_in"));
    new LeadJoins(healthyStores.leads()).join(lead, "phone" + run, OPTED_IN, "opt_in");
    healthy.record(LeadEvent.optIn("api:o" + run, OPTED_IN, lead, "phone" + run, null, null));
    healthy.record(phoneClick);
  }

  static IntStream everyWrite() {
    return IntStream.rangeClosed(1, 25);
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWrite")
  void aCrossDeviceSaleRedeliveredAfterAKillAtAnyWriteIsCreditedThroughTheLeadOnce(int write) {
    killAt(write, laptopSale);
    healthy.record(laptopSale);

    ConversionRecord stored = healthyStores.conversions().find(Conversion.saleId(laptopSale.orderId())).orElseThrow();
    assertThat(stored.credit()).isEqualTo(new Credit(slug, phoneClick.clickId(), CreditPath.LEAD));
    assertThat(stored.pending()).isNull();
    assertThat(counts(Counter.Subject.LINK, slug)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
    assertThat(counts(Counter.Subject.PRODUCT, product)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
    assertThat(healthyStores.leads().joinsOf(lead)).extracting(Join::visitorId)
        .containsExactlyInAnyOrder("laptop" + run, "phone" + run);
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWrite")
  void anErasureRedeliveredAfterAKillAtAnyWriteLeavesOnlyTheTombstoneAndTheCredit(int write) {
    healthy.record(laptopSale);
    List<String> visitors = healthyStores.leads().joinsOf(lead).stream().map(Join::visitorId).toList();
    healthyStores.leads().tombstone(lead, visitors, PAID.plusSeconds(60));
    LeadEvent erase = LeadEvent.erase("api:x" + run, PAID.plusSeconds(60), lead);

    killAt(write, erase);
    healthy.record(erase);

    assertThat(healthyStores.leads().find(lead).orElseThrow().emailHash()).isNull();
    assertThat(healthyStores.leads().joinsOf(lead)).isEmpty();
    assertThat(healthyStores.leads().consentOf(lead).changes()).isEmpty();
    assertThat(healthyStores.lineages().clicksOf("phone" + run)).isEmpty();
    assertThat(healthyStores.leadLineages().isErased("phone" + run)).isTrue();
    assertThat(healthyStores.leadLineages().isErased("laptop" + run)).isTrue();
    assertThat(healthyStores.conversions().find(Conversion.saleId(laptopSale.orderId())).orElseThrow().credit())
        .isEqualTo(new Credit(slug, phoneClick.clickId(), CreditPath.LEAD));
    assertThat(counts(Counter.Subject.LINK, slug)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
  }

  /**
   * Decision 010: an essential opt-in taken before the lead's personalised click waits; the click,
   * killed after any write and redelivered — with the page event delivered again in between, as
   * a poller may — replays it once: one goal for the lead, nothing left waiting.
   */
  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWrite")
  void aPersonalisedClickReplayingAWaitingEssentialOptInAfterAKillAtAnyWriteCountsTheGoalOnce(int write) {
    String webinar = "webinar-" + run;
    healthyStores.links().create(new Link(webinar, "Webinar", "https://shop.example.com/webinar", "ads", null,
        Goal.optIn(null), 30, false, CLICKED.minusSeconds(86_400), false));
    ClickEvent personalised = new ClickEvent(webinar, "lt" + run + "click", null, CLICKED, false,
        ClickEvent.leadClicker(lead), lead);
    PageEvent optIn = new PageEvent(PageEvent.Kind.OPT_IN, "p:e" + run, CLICKED.plusSeconds(60),
        "https://shop.example.com/join", null, PageEvent.Consent.ESSENTIAL, null, personalised.clickId(), null, null);
    healthy.record(optIn);

    killAt(write, personalised);
    healthy.record(optIn);
    healthy.record(personalised);

    ConversionRecord stored = healthyStores.conversions()
        .find(Conversion.pageId(Conversion.Kind.OPT_IN, optIn.eventId())).orElseThrow();
    assertThat(stored.conversion().leadId()).isEqualTo(lead);
    assertThat(stored.credit()).isEqualTo(new Credit(webinar, personalised.clickId(), CreditPath.CLICK_ID));
    assertThat(stored.pending()).isNull();
    assertThat(counts(Counter.Subject.LINK, webinar, CLICKED)).containsEntry("clicks", 1L).containsEntry("goals", 1L);
    assertThat(healthyStores.pendingTouches().waitingFor(personalised.clickId())).isEmpty();
  }

  /** Kills the worker after the write (if it gets that far), then lets the visibility timeout pass. */
  private void killAt(int write, TrackingEvent event) {
    killer.killAfter(write);
    try {
      dying.record(event);
    } catch (WriteKiller.Killed killed) {
      // The worker died here; the message comes again.
    }
    killer.disarm();
    clock.waitOutTheLease();
  }

  private Map<String, Long> counts(Counter.Subject subject, String id) {
    return counts(subject, id, PAID);
  }

  private Map<String, Long> counts(Counter.Subject subject, String id, Instant at) {
    LocalDate day = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
    Map<String, Long> counts = new java.util.HashMap<>(
        healthyStores.counters().read(subject, id, day, day).getOrDefault(day, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }
}
