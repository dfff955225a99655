package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.LeadStore;
import io.goalpost.core.link.Goal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Essential-consent page events taken before the {@code gp_lt} click they name
 * (docs/decisions/010): they wait as pending touches and the click replays them, so the lead's
 * goal is the same whichever the worker takes first; a click that is not a consenting lead's
 * leaves them without effect. Run over the in-memory fakes and over dynalite alike.
 */
public abstract class PendingLeadTouchWorkerContract extends WorkerScenario {

  private static final Instant OPTED_IN = CLICKED.minus(Duration.ofDays(1));

  /** The key the stores under test hash emails with. */
  protected abstract EmailHashes emailHashes();

  /** What {@code POST /api/leads} writes for a lead with or without consent. */
  private String lead(String name, boolean gdprConsent) {
    LeadStore leads = stores().leads();
    String email = name + suffix + "@example.com";
    String leadId = leads.createOrFind(email, emailHashes().of(email), "Lead" + name + suffix, OPTED_IN);
    leads.addConsent(leadId, new ConsentChange(gdprConsent, OPTED_IN, "api:c" + name + suffix, "opt_in"));
    return leadId;
  }

  private ClickEvent personalisedClick(String slug, String clickName, String leadId) {
    return new ClickEvent(slug, id(clickName), null, CLICKED, false, ClickEvent.leadClicker(leadId), leadId);
  }

  private PageEvent essentialOptIn(String eventName, String clickName, Instant at) {
    return page(PageEvent.Kind.OPT_IN, eventName, PageEvent.Consent.ESSENTIAL, null, clickName,
        "https://shop.example.com/join", null, null, at);
  }

  private String optInLink() {
    return link("webinar", Goal.optIn(null), 30);
  }

  private boolean recorded(PageEvent event) {
    return stores().conversions().find(conversionId(event)).isPresent();
  }

  @Test
  void anEssentialOptInTakenBeforeAConsentingLeadsPersonalisedClickCountsForTheLeadOnceTheClickComes() {
    String slug = optInLink();
    String lead = lead("gus", true);
    PageEvent optIn = essentialOptIn("e1", "c1", CLICKED.plusSeconds(60));

    deliver(optIn);
    assertThat(recorded(optIn)).isFalse();
    deliver(personalisedClick(slug, "c1", lead));

    assertThat(stored(optIn).credit()).isEqualTo(new Credit(slug, id("c1"), CreditPath.CLICK_ID));
    assertThat(stored(optIn).conversion().leadId()).isEqualTo(lead);
    assertThat(stored(optIn).conversion().visitorId()).isNull();
    assertThat(linkCounts(slug, CLICK_DAY)).containsEntry("goals", 1L);
    assertThat(stores().pendingTouches().waitingFor(id("c1"))).isEmpty();
  }

  @Test
  void eitherOrderWithEveryEventDeliveredTwiceCountsTheGoalOnce() {
    for (List<Integer> order : permutations(List.of(0, 1, 2))) {
      String slug = link("webinar" + runName(order), Goal.optIn(null), 30);
      String lead = lead("ann" + runName(order), true);
      String click = "c" + runName(order);
      TrackingEvent[] events = {personalisedClick(slug, click, lead),
          essentialOptIn("e" + runName(order), click, CLICKED.plusSeconds(60)),
          page(PageEvent.Kind.PAGE_VIEW, "v" + runName(order), PageEvent.Consent.ESSENTIAL, null, click,
              "https://shop.example.com/webinar", null, null, CLICKED.plusSeconds(30))};

      for (int i : order) {
        deliver(events[i]);
      }
      for (int i : order) {
        deliver(events[i]);
      }

      assertThat(linkCounts(slug, CLICK_DAY)).as(runName(order)).containsEntry("clicks", 1L)
          .containsEntry("goals", 1L);
      assertThat(stored((PageEvent) events[1]).credit()).as(runName(order))
          .isEqualTo(new Credit(slug, id(click), CreditPath.CLICK_ID));
      assertThat(stores().pendingTouches().waitingFor(id(click))).as(runName(order)).isEmpty();
    }
  }

  @Test
  void beforeALeadsClickWithoutConsentTheEventGivesNothingAndIsForgotten() {
    String slug = optInLink();
    String lead = lead("hal", false);
    PageEvent optIn = essentialOptIn("e1", "c1", CLICKED.plusSeconds(60));

    deliver(optIn, personalisedClick(slug, "c1", lead));

    assertThat(recorded(optIn)).isFalse();
    assertThat(linkCounts(slug, CLICK_DAY)).doesNotContainKey("goals");
    assertThat(stores().pendingTouches().waitingFor(id("c1"))).isEmpty();
  }

  @Test
  void beforeAnOrdinaryClickTheEventNeverCounts() {
    String slug = optInLink();
    PageEvent optIn = essentialOptIn("e1", "c1", CLICKED.plusSeconds(60));

    deliver(optIn, click(slug, "c1", CLICKED, null), optIn);

    assertThat(recorded(optIn)).isFalse();
    assertThat(linkCounts(slug, CLICK_DAY)).doesNotContainKey("goals");
  }

  @Test
  void aPastedPersonalisedUrlOpenedHoursLaterGivesTheLeadNothingInEitherOrder() {
    String slug = optInLink();
    String lead = lead("ian", true);
    PageEvent late = essentialOptIn("e1", "c1", CLICKED.plus(Duration.ofHours(3)));

    deliver(late, personalisedClick(slug, "c1", lead));

    assertThat(recorded(late)).isFalse();
    assertThat(stores().pendingTouches().waitingFor(id("c1"))).isEmpty();
  }

  @Test
  void anErasedLeadsClickReplaysNothingAndForgetsWhatWaited() {
    String slug = optInLink();
    String lead = lead("jo", true);
    PageEvent optIn = essentialOptIn("e1", "c1", CLICKED.plusSeconds(60));

    deliver(optIn);
    stores().leads().tombstone(lead, List.of(), CLICKED.plusSeconds(90));
    deliver(personalisedClick(slug, "c1", lead));

    assertThat(recorded(optIn)).isFalse();
    assertThat(stores().pendingTouches().waitingFor(id("c1"))).isEmpty();
  }

  @Test
  void onlyEssentialPageViewsAndOptInsWithAClickIdWaitAndNothingOfAVisitorIsKept() {
    String slug = optInLink();
    deliver(page(PageEvent.Kind.CHECKOUT_VIEW, "k1", PageEvent.Consent.ESSENTIAL, null, "c1",
            "https://shop.example.com/checkout", null, product(), CLICKED.plusSeconds(60)),
        page(PageEvent.Kind.OPT_IN, "a1", PageEvent.Consent.ALL, "v1", "c1", "https://shop.example.com/join",
            null, null, CLICKED.plusSeconds(60)),
        page(PageEvent.Kind.PAGE_VIEW, "n1", PageEvent.Consent.ESSENTIAL, null, null,
            "https://shop.example.com/a", null, null, CLICKED.plusSeconds(60)),
        essentialOptIn("e1", "c1", CLICKED.plusSeconds(60)));

    assertThat(stores().pendingTouches().waitingFor(id("c1")))
        .singleElement()
        .satisfies(touch -> {
          assertThat(touch.eventId()).isEqualTo("p:" + id("e1"));
          assertThat(touch.event().visitorId()).isNull();
        });
    assertThat(linkCounts(slug, CLICK_DAY)).isEmpty();
  }
}
