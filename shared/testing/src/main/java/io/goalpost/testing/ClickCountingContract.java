package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the worker counts clicks (SPEC §3 Clicks): humans only, bots as {@code botClicks}; unique
 * clicks per link and UTC day by the clicker key the redirect sent. Run over the in-memory fakes
 * and over the DynamoDB adapters; ids carry a per-test suffix, so a shared table works.
 */
public abstract class ClickCountingContract {

  private static final Instant MORNING = Instant.parse("2025-04-01T08:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2025-04-01");

  private final String suffix = TestIds.suffix();

  protected abstract WorkerStores stores();

  private String link() {
    String slug = "count-" + suffix;
    stores().links().create(new Link(slug, "Counted", "https://shop.example.com/", "ads", null,
        Goal.purchase("prod_" + suffix), 30, false, MORNING.minus(Duration.ofDays(3)), false));
    return slug;
  }

  private ClickEvent human(String slug, String click, Instant at, String clicker) {
    return new ClickEvent(slug, click + suffix, null, at, false, "h#" + clicker + suffix);
  }

  private ClickEvent bot(String slug, String click, Instant at) {
    return new ClickEvent(slug, click + suffix, "Vq3mXkP9aZr2" + suffix.substring(0, 10), at, true, "cid#" + click + suffix);
  }

  private void deliver(TrackingEvent... events) {
    EventRecorder worker = EventRecorder.over(stores(), AttributionModel.LAST_TOUCH);
    for (TrackingEvent event : events) {
      worker.record(event);
    }
  }

  private Map<String, Long> counts(String slug, LocalDate day) {
    Map<String, Long> counts = new HashMap<>(
        stores().counters().read(Counter.Subject.LINK, slug, day, day).getOrDefault(day, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }

  @Test
  void countsTheSamePersonClickingThreeTimesInADayAsOneUniqueClick() {
    String slug = link();

    deliver(human(slug, "c1", MORNING, "alice"), human(slug, "c2", MORNING.plusSeconds(600), "alice"),
        human(slug, "c3", MORNING.plusSeconds(36_000), "alice"));

    assertThat(counts(slug, DAY)).isEqualTo(Map.of("clicks", 3L, "uniqueClicks", 1L));
  }

  @Test
  void countsTwoPeopleAsTwoUniqueClicks() {
    String slug = link();

    deliver(human(slug, "c1", MORNING, "alice"), human(slug, "c2", MORNING, "bob"), human(slug, "c3", MORNING, "bob"));

    assertThat(counts(slug, DAY)).isEqualTo(Map.of("clicks", 3L, "uniqueClicks", 2L));
  }

  @Test
  void countsTheSamePersonAgainTheNextDay() {
    String slug = link();

    deliver(human(slug, "c1", MORNING, "alice"), human(slug, "c2", MORNING.plus(Duration.ofDays(1)), "alice"));

    assertThat(counts(slug, DAY)).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
    assertThat(counts(slug, DAY.plusDays(1))).isEqualTo(Map.of("clicks", 1L, "uniqueClicks", 1L));
  }

  @Test
  void countsARedeliveredClickAsUniqueOnceAndTheSecondClickOfTheDayNever() {
    String slug = link();
    ClickEvent first = human(slug, "c1", MORNING, "alice");
    ClickEvent second = human(slug, "c2", MORNING.plusSeconds(60), "alice");

    deliver(second, first, second, first);

    assertThat(counts(slug, DAY)).isEqualTo(Map.of("clicks", 2L, "uniqueClicks", 1L));
  }

  @Test
  void countsABotsClickAsABotClickOnlyAndOnceWhenRedelivered() {
    String slug = link();
    ClickEvent bot = bot(slug, "botclick", MORNING);

    deliver(bot, bot, human(slug, "c1", MORNING, "alice"));

    assertThat(counts(slug, DAY)).isEqualTo(Map.of("botClicks", 1L, "clicks", 1L, "uniqueClicks", 1L));
    assertThat(stores().clicks().find(bot.clickId()).orElseThrow().human()).isFalse();
    assertThat(stores().lineages().clicksOf(bot.visitorId())).as("a bot's click joins no lineage").isEmpty();
  }

  @Test
  void neverCreditsASaleToABotsClickEvenWhenTheSaleNamesIt() {
    String slug = link();
    ClickEvent bot = bot(slug, "botclick", MORNING);
    OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:d" + suffix, MORNING.plusSeconds(3600),
        "order" + suffix, null, "prod_" + suffix, 4900, "USD", null, null, bot.clickId());

    deliver(bot, sale);

    assertThat(stores().conversions().find(Conversion.saleId("order" + suffix)).orElseThrow().credit()).isNull();
    assertThat(counts(slug, DAY)).isEqualTo(Map.of("botClicks", 1L));
  }

  @Test
  void neverCreditsASaleToABotsClickThatAPageEventClaimed() {
    String slug = link();
    ClickEvent bot = new ClickEvent(slug, "botclick" + suffix, null, MORNING, true, "cid#botclick" + suffix);
    String visitor = "Visitor" + suffix;
    PageEvent claim = new PageEvent(PageEvent.Kind.PAGE_VIEW, "p:claim" + suffix, MORNING.plusSeconds(5),
        "https://shop.example.com/", null, PageEvent.Consent.ALL, visitor, bot.clickId(), null, null);
    OrderEvent sale = new OrderEvent(OrderEvent.Kind.SALE, "orders:d" + suffix, MORNING.plusSeconds(3600),
        "order" + suffix, null, "prod_" + suffix, 4900, "USD", null, visitor, null);

    deliver(bot, claim, sale);

    assertThat(stores().conversions().find(Conversion.saleId("order" + suffix)).orElseThrow().credit()).isNull();
  }

  @Test
  void countsAVersionOneClickAsAPersonsClickedByItsVisitorElseItself() {
    String slug = link();

    deliver(new ClickEvent(slug, "v1a" + suffix, "Visitor" + suffix, MORNING),
        new ClickEvent(slug, "v1b" + suffix, "Visitor" + suffix, MORNING),
        new ClickEvent(slug, "v1c" + suffix, null, MORNING));

    assertThat(counts(slug, DAY)).isEqualTo(Map.of("clicks", 3L, "uniqueClicks", 2L));
  }
}
