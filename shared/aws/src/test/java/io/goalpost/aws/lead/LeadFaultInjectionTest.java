package io.goalpost.aws.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.faults.KillAtEveryWrite;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.LeadEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.AesGcmEmailSeal;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5 for the lead's worker effects: a worker killed right after any one of its writes while
 * recording a cross-device sale or an erasure, then the message redelivered after the visibility
 * timeout, ends as one clean delivery would. {@link KillAtEveryWrite} counts the writes of a
 * clean delivery.
 */
@ExtendWith(LocalStackExtension.class)
class LeadFaultInjectionTest {

  private static final Instant OPTED_IN = Instant.parse("2025-03-31T09:00:00Z");
  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final Instant PAID = Instant.parse("2025-04-02T15:00:00Z");
  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");
  private static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");

  private final EmailHashes hashes = new EmailHashes(WorkerWiring.LOCAL_TEST_EMAIL_HASH_KEY);

  private KillAtEveryWrite kills;
  private WorkerStores healthyStores;

  @BeforeEach
  void connect(LocalStack stack) {
    kills = KillAtEveryWrite.overTheWorker(stack, hashes);
    healthyStores = kills.stores();
  }

  @TestFactory
  Stream<DynamicTest> aCrossDeviceSaleRedeliveredAfterAKillAtAnyWriteIsCreditedThroughTheLeadOnce() {
    return kills.redeliveredAfterTheTimeout(ConsentingLead::new, lead -> lead.laptopSale, lead -> {
      ConversionRecord stored = lead.storedSale();
      assertThat(stored.credit()).isEqualTo(new Credit(lead.slug, lead.phoneClick.clickId(), CreditPath.LEAD));
      assertThat(stored.pending()).isNull();
      assertThat(counts(Counter.Subject.LINK, lead.slug)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
      assertThat(counts(Counter.Subject.PRODUCT, lead.product)).isEqualTo(Map.of("sales", 1L, "revenue.USD", 4900L));
      assertThat(healthyStores.leads().joinsOf(lead.lead)).extracting(Join::visitorId)
          .containsExactlyInAnyOrder("laptop" + lead.run, "phone" + lead.run);
    });
  }

  @TestFactory
  Stream<DynamicTest> anErasureRedeliveredAfterAKillAtAnyWriteLeavesOnlyTheTombstoneAndTheCredit() {
    return kills.redeliveredAfterTheTimeout(() -> new ConsentingLead().boughtAndTombstoned(), lead -> lead.erase,
        lead -> {
          assertThat(healthyStores.leads().find(lead.lead).orElseThrow().emailHash()).isNull();
          assertThat(healthyStores.leads().joinsOf(lead.lead)).isEmpty();
          assertThat(healthyStores.leads().consentOf(lead.lead).changes()).isEmpty();
          assertThat(healthyStores.lineages().clicksOf("phone" + lead.run)).isEmpty();
          assertThat(healthyStores.leadLineages().isErased("phone" + lead.run)).isTrue();
          assertThat(healthyStores.leadLineages().isErased("laptop" + lead.run)).isTrue();
          assertThat(lead.storedSale().credit())
              .isEqualTo(new Credit(lead.slug, lead.phoneClick.clickId(), CreditPath.LEAD));
          assertThat(counts(Counter.Subject.LINK, lead.slug)).isEqualTo(Map.of("goals", 1L, "revenue.USD", 4900L));
        });
  }

  /**
   * Decision 010: an essential opt-in taken before the lead's personalised click waits; the click,
   * killed after any write and redelivered, replays it once — and the page event delivered again
   * afterwards changes nothing: one goal for the lead, nothing left waiting.
   */
  @TestFactory
  Stream<DynamicTest> aPersonalisedClickReplayingAWaitingEssentialOptInAfterAKillAtAnyWriteCountsTheGoalOnce() {
    return kills.redeliveredAfterTheTimeout(() -> new ConsentingLead().withAWaitingEssentialOptIn(),
        lead -> lead.personalisedClick, lead -> {
          kills.deliver(lead.essentialOptIn);
          ConversionRecord stored = healthyStores.conversions()
              .find(Conversion.pageId(Conversion.Kind.OPT_IN, lead.essentialOptIn.eventId())).orElseThrow();
          assertThat(stored.conversion().leadId()).isEqualTo(lead.lead);
          assertThat(stored.credit())
              .isEqualTo(new Credit(lead.webinar, lead.personalisedClick.clickId(), CreditPath.CLICK_ID));
          assertThat(stored.pending()).isNull();
          assertThat(kills.counts(Counter.Subject.LINK, lead.webinar, CLICK_DAY))
              .isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
          assertThat(healthyStores.pendingTouches().waitingFor(lead.personalisedClick.clickId())).isEmpty();
        });
  }

  /** One run's consenting lead who clicked on the phone, under ids of its own. */
  private final class ConsentingLead {
    final String run = TestIds.suffix();
    final String slug = "spring-" + run;
    final String product = "prod_" + run;
    final String email = "ada" + run + "@example.com";
    final String lead = "Lead" + run;
    final ClickEvent phoneClick = new ClickEvent(slug, "click" + run, "phone" + run, CLICKED);
    final OrderEvent laptopSale = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_" + run, PAID,
        "order-" + run, null, product, 4900, "USD", new AesGcmEmailSeal(hashes).seal(email, "orders:msg_" + run),
        "laptop" + run, null);
    final LeadEvent erase = LeadEvent.erase("api:x" + run, PAID.plusSeconds(60), lead);
    final String webinar = "webinar-" + run;
    final ClickEvent personalisedClick = new ClickEvent(webinar, "lt" + run + "click", null, CLICKED, false,
        ClickEvent.leadClicker(lead), lead);
    final PageEvent essentialOptIn = new PageEvent(PageEvent.Kind.OPT_IN, "p:e" + run, CLICKED.plusSeconds(60),
        "https://shop.example.com/join", null, PageEvent.Consent.ESSENTIAL, null, personalisedClick.clickId(), null,
        null);

    ConsentingLead() {
      healthyStores.links().create(new Link(slug, "Spring", "https://shop.example.com/spring", "ads", null,
          Goal.purchase(product), 30, false, CLICKED.minusSeconds(86_400), false));
      healthyStores.leads().createOrFind(email, hashes.of(email), lead, OPTED_IN);
      healthyStores.leads().addConsent(lead, new ConsentChange(true, OPTED_IN, "c" + run, "opt_in"));
      new LeadJoins(healthyStores.leads()).join(lead, "phone" + run, OPTED_IN, "opt_in");
      kills.deliver(LeadEvent.optIn("api:o" + run, OPTED_IN, lead, "phone" + run, null, null));
      kills.deliver(phoneClick);
    }

    /** The sale on the laptop, then what {@code DELETE /api/leads/{leadId}} writes before it enqueues the erasure. */
    ConsentingLead boughtAndTombstoned() {
      kills.deliver(laptopSale);
      List<String> visitors = healthyStores.leads().joinsOf(lead).stream().map(Join::visitorId).toList();
      healthyStores.leads().tombstone(lead, visitors, PAID.plusSeconds(60));
      return this;
    }

    /** An opt-in link, and the essential opt-in from its personalised URL taken before the click. */
    ConsentingLead withAWaitingEssentialOptIn() {
      healthyStores.links().create(new Link(webinar, "Webinar", "https://shop.example.com/webinar", "ads", null,
          Goal.optIn(null), 30, false, CLICKED.minusSeconds(86_400), false));
      kills.deliver(essentialOptIn);
      return this;
    }

    ConversionRecord storedSale() {
      return healthyStores.conversions().find(Conversion.saleId(laptopSale.orderId())).orElseThrow();
    }
  }

  private Map<String, Long> counts(Counter.Subject subject, String id) {
    return kills.counts(subject, id, SALE_DAY);
  }
}
