package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.faults.KillAtEveryWrite;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.identity.ClickOwners;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5 for page events: a worker killed right after any one of its DynamoDB writes while
 * recording a claiming page view or an opt-in, then the same message redelivered to a healthy
 * worker once SQS's visibility timeout has let the dead worker's counter lease run out, ends with
 * the lineage, the credits and the counters of one clean delivery. {@link KillAtEveryWrite}
 * counts the writes of a clean delivery.
 */
@ExtendWith(LocalStackExtension.class)
class PageEventFaultInjectionTest {

  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");


  private KillAtEveryWrite kills;
  private WorkerStores healthyStores;

  @BeforeEach
  void connect(LocalStack stack) {
    kills = KillAtEveryWrite.overTheWorker(stack);
    healthyStores = kills.stores();
  }

  /** The landing view claims the click (its URL's click id) and gives it to an opt-in that was waiting. */
  @TestFactory
  Stream<DynamicTest> aClaimingPageViewRedeliveredAfterAKillAtAnyWriteGivesTheClickAndTheWaitingGoalOnce() {
    return kills.redeliveredAfterTheTimeout(
        () -> new Visit().delivered(v -> v.click, v -> v.waitingOptIn), v -> v.landing, v -> {
          assertThat(new ClickOwners(healthyStores.clicks(), healthyStores.claims())
              .ownerOf(healthyStores.clicks().find(v.click.clickId()).orElseThrow())).contains(v.visitor);
          assertThat(healthyStores.touches().of(v.visitor)).hasSize(2);
          v.assertCredited(v.waitingOptIn);
          assertThat(v.counts(CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
        });
  }

  /** The claim of this opt-in loses to the landing's: nothing is re-evaluated, its own goal counts. */
  @TestFactory
  Stream<DynamicTest> anOptInRedeliveredAfterAKillAtAnyWriteCountsItsGoalOnce() {
    return kills.redeliveredAfterTheTimeout(
        () -> new Visit().delivered(v -> v.click, v -> v.landing), v -> v.optIn, v -> {
          v.assertCredited(v.optIn);
          assertThat(healthyStores.touches().of(v.visitor)).hasSize(2);
          assertThat(v.counts(CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
        });
  }

  /** An earlier opt-in arriving late takes the link's once-per-visitor goal from the later one. */
  @TestFactory
  Stream<DynamicTest> anEarlierOptInRedeliveredAfterAKillAtAnyWriteTakesTheGoalOverOnce() {
    return kills.redeliveredAfterTheTimeout(
        () -> new Visit().delivered(v -> v.cookieClick, v -> v.laterOptIn), v -> v.earlierOptIn, v -> {
          assertThat(v.record(v.earlierOptIn).credit()).isNotNull();
          assertThat(v.record(v.laterOptIn).credit()).isNull();
          assertThat(v.record(v.laterOptIn).pending()).isNull();
          assertThat(v.counts(CLICK_DAY.plusDays(1))).isEqualTo(Map.of("goals", 1L));
          assertThat(v.counts(CLICK_DAY.plusDays(2))).isEmpty();
        });
  }

  /** One run's opt-in link, its click and the visitor's page events, under ids of its own. */
  private final class Visit {
    final String run = TestIds.suffix();
    final String slug = "optin-" + run;
    final String visitor = "visitor" + run;
    final ClickEvent click = new ClickEvent(slug, "click" + run, null, CLICKED);
    /** The same click as the redirect saw it when the visitor already had a cookie. */
    final ClickEvent cookieClick = new ClickEvent(slug, "click" + run, visitor, CLICKED);
    final PageEvent landing = page(PageEvent.Kind.PAGE_VIEW, "land", true, CLICKED.plus(Duration.ofMinutes(1)));
    final PageEvent optIn = page(PageEvent.Kind.OPT_IN, "opt", true, CLICKED.plus(Duration.ofMinutes(5)));
    final PageEvent waitingOptIn = page(PageEvent.Kind.OPT_IN, "wait", false, CLICKED.plus(Duration.ofMinutes(5)));
    final PageEvent earlierOptIn = page(PageEvent.Kind.OPT_IN, "earlier", false, CLICKED.plus(Duration.ofDays(1)));
    final PageEvent laterOptIn = page(PageEvent.Kind.OPT_IN, "later", true, CLICKED.plus(Duration.ofDays(2)));

    Visit() {
      healthyStores.links().create(new Link(slug, "Opt-in", "https://shop.example.com/join", "ads", null,
          Goal.optIn(null), 30, false, CLICKED.minusSeconds(86_400), false));
    }

    @SafeVarargs
    final Visit delivered(Function<Visit, TrackingEvent>... events) {
      for (Function<Visit, TrackingEvent> event : events) {
        kills.deliver(event.apply(this));
      }
      return this;
    }

    /** With the click id in its URL, or without (a later page of the visit). */
    private PageEvent page(PageEvent.Kind kind, String name, boolean withClick, Instant at) {
      return new PageEvent(kind, "p:" + name + run, at, "https://shop.example.com/join", null,
          PageEvent.Consent.ALL, visitor, withClick ? "click" + run : null, null, null);
    }

    ConversionRecord record(PageEvent event) {
      return healthyStores.conversions().find(Conversion.pageId(Conversion.Kind.OPT_IN, event.eventId()))
          .orElseThrow();
    }

    void assertCredited(PageEvent event) {
      ConversionRecord stored = record(event);
      assertThat(stored.credit()).isEqualTo(new Credit(slug, click.clickId(), CreditPath.COOKIE));
      assertThat(stored.pending()).isNull();
    }

    Map<String, Long> counts(LocalDate day) {
      return kills.counts(Counter.Subject.LINK, slug, day);
    }
  }
}
