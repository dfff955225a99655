package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.goalpost.core.click.Click;
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
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5 for page events: a worker killed right after any one of its DynamoDB writes while
 * recording a claiming page view or an opt-in, then the same message redelivered to a healthy
 * worker once SQS's visibility timeout has let the dead worker's counter lease run out, ends with
 * the lineage, the credits and the counters of one clean delivery.
 */
@ExtendWith(LocalStackExtension.class)
class PageEventFaultInjectionTest {

  /**
   * Touch, the claim's two items; the waiting opt-in's re-evaluation (conditional update, 4 for
   * {@code credit#…#v1}, clearing {@code pending}); the page view's conversion and visitor reference.
   */
  static final int CLAIMING_VIEW_WRITES = 11;
  /**
   * Touch, the claim's two items (it loses to the landing's claim: nothing re-evaluated), the
   * conversion and its visitor reference; the credit's conditional update, 4 for {@code credit#…#v1},
   * clearing {@code pending}.
   */
  static final int OPT_IN_WRITES = 11;
  /**
   * Touch, conversion, visitor reference; its own credit (conditional update, 4 for the move,
   * clearing {@code pending}); the later opt-in giving the goal up (the same six again).
   */
  static final int TAKEOVER_WRITES = 15;

  private static final Instant CLICKED = Instant.parse("2025-04-01T09:30:00Z");
  private static final LocalDate CLICK_DAY = LocalDate.parse("2025-04-01");

  private final WriteKiller killer = new WriteKiller();
  private final MovableClock clock = new MovableClock();
  private final String run = TestIds.suffix();
  private final String slug = "optin-" + run;
  private final String visitor = "visitor" + run;
  private final ClickEvent click = new ClickEvent(slug, "click" + run, null, CLICKED);
  private final PageEvent landing = page(PageEvent.Kind.PAGE_VIEW, "land", CLICKED.plus(Duration.ofMinutes(1)));
  private final PageEvent optIn = page(PageEvent.Kind.OPT_IN, "opt", CLICKED.plus(Duration.ofMinutes(5)));

  private WorkerStores healthyStores;
  private EventRecorder healthy;
  private EventRecorder dying;

  @BeforeEach
  void connect(LocalStack stack) {
    String table = stack.tableName("GoalpostTable");
    healthyStores = WorkerWiring.stores(stack.dynamoDbClient(), table, clock);
    healthy = WorkerWiring.recorder(healthyStores, AttributionModel.LAST_TOUCH);
    dying = WorkerWiring.recorder(WorkerWiring.stores(killer.client(stack), table, clock), AttributionModel.LAST_TOUCH);
    healthyStores.links().create(new Link(slug, "Opt-in", "https://shop.example.com/join", "ads", null,
        Goal.optIn(null), 30, false, CLICKED.minusSeconds(86_400), false));
  }

  private PageEvent page(PageEvent.Kind kind, String name, Instant at) {
    return new PageEvent(kind, "p:" + name + run, at, "https://shop.example.com/join", null, PageEvent.Consent.ALL,
        visitor, "click" + run, null, null);
  }

  static IntStream everyClaimingViewWrite() {
    return IntStream.rangeClosed(1, CLAIMING_VIEW_WRITES);
  }

  static IntStream everyOptInWrite() {
    return IntStream.rangeClosed(1, OPT_IN_WRITES);
  }

  static IntStream everyTakeoverWrite() {
    return IntStream.rangeClosed(1, TAKEOVER_WRITES);
  }

  @Test
  void aCleanClaimingPageViewMakesTheWritesTheKillsStepThrough() {
    healthy.record(click);
    healthy.record(pageWithoutClick(PageEvent.Kind.OPT_IN, "wait", CLICKED.plus(Duration.ofMinutes(5))));

    killer.disarm();
    dying.record(landing);

    assertThat(killer.writes()).isEqualTo(CLAIMING_VIEW_WRITES);
  }

  @Test
  void aCleanOptInMakesTheWritesTheKillsStepThrough() {
    healthy.record(click);
    healthy.record(landing);

    killer.disarm();
    dying.record(optIn);

    assertThat(killer.writes()).isEqualTo(OPT_IN_WRITES);
  }

  @Test
  void aCleanEarlierOptInTakingTheGoalOverMakesTheWritesTheKillsStepThrough() {
    PageEvent later = page(PageEvent.Kind.OPT_IN, "later", CLICKED.plus(Duration.ofDays(2)));
    PageEvent earlier = pageWithoutClick(PageEvent.Kind.OPT_IN, "earlier", CLICKED.plus(Duration.ofDays(1)));
    healthy.record(new ClickEvent(slug, "click" + run, visitor, CLICKED));
    healthy.record(later);

    killer.disarm();
    dying.record(earlier);

    assertThat(killer.writes()).isEqualTo(TAKEOVER_WRITES);
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyClaimingViewWrite")
  void aClaimingPageViewRedeliveredAfterAKillAtAnyWriteGivesTheClickAndTheWaitingGoalOnce(int write) {
    PageEvent waitingOptIn = pageWithoutClick(PageEvent.Kind.OPT_IN, "wait", CLICKED.plus(Duration.ofMinutes(5)));
    healthy.record(click);
    healthy.record(waitingOptIn);

    killAt(write, landing);
    healthy.record(landing);

    assertThat(ownersOf().ownerOf(clickStored())).contains(visitor);
    assertThat(healthyStores.touches().of(visitor)).hasSize(2);
    assertCredited(waitingOptIn);
    assertThat(counts(CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyOptInWrite")
  void anOptInRedeliveredAfterAKillAtAnyWriteCountsItsGoalOnce(int write) {
    healthy.record(click);
    healthy.record(landing);

    killAt(write, optIn);
    healthy.record(optIn);

    assertCredited(optIn);
    assertThat(healthyStores.touches().of(visitor)).hasSize(2);
    assertThat(counts(CLICK_DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L, "goals", 1L));
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyTakeoverWrite")
  void anEarlierOptInRedeliveredAfterAKillAtAnyWriteTakesTheGoalOverOnce(int write) {
    PageEvent later = page(PageEvent.Kind.OPT_IN, "later", CLICKED.plus(Duration.ofDays(2)));
    PageEvent earlier = pageWithoutClick(PageEvent.Kind.OPT_IN, "earlier", CLICKED.plus(Duration.ofDays(1)));
    healthy.record(new ClickEvent(slug, "click" + run, visitor, CLICKED));
    healthy.record(later);

    killAt(write, earlier);
    healthy.record(earlier);

    assertThat(record(earlier).credit()).isNotNull();
    assertThat(record(later).credit()).isNull();
    assertThat(record(later).pending()).isNull();
    assertThat(counts(CLICK_DAY.plusDays(1))).isEqualTo(Map.of("goals", 1L));
    assertThat(counts(CLICK_DAY.plusDays(2))).isEmpty();
  }

  private PageEvent pageWithoutClick(PageEvent.Kind kind, String name, Instant at) {
    return new PageEvent(kind, "p:" + name + run, at, "https://shop.example.com/join", null, PageEvent.Consent.ALL,
        visitor, null, null, null);
  }

  private void killAt(int write, TrackingEvent event) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.record(event)).isInstanceOf(WriteKiller.Killed.class);
    killer.disarm();
    clock.waitOutTheLease();
  }

  private ClickOwners ownersOf() {
    return new ClickOwners(healthyStores.clicks(), healthyStores.claims());
  }

  private Click clickStored() {
    return healthyStores.clicks().find(click.clickId()).orElseThrow();
  }

  private ConversionRecord record(PageEvent event) {
    return healthyStores.conversions().find(Conversion.pageId(Conversion.Kind.OPT_IN, event.eventId())).orElseThrow();
  }

  private void assertCredited(PageEvent event) {
    ConversionRecord stored = record(event);
    assertThat(stored.credit()).isEqualTo(new Credit(slug, click.clickId(), CreditPath.COOKIE));
    assertThat(stored.pending()).isNull();
  }

  private Map<String, Long> counts(LocalDate day) {
    Map<String, Long> counts = new HashMap<>(
        healthyStores.counters().read(Counter.Subject.LINK, slug, day, day).getOrDefault(day, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }
}
