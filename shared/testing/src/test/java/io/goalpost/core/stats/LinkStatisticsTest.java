package io.goalpost.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.Links;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.InMemoryLinkStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class LinkStatisticsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String USD = Fields.revenue("USD");
    private static final String EUR = Fields.revenue("EUR");

    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryCounterStore counters = new InMemoryCounterStore();
    private final LinkStatistics statistics =
            new LinkStatistics(new Links(links, new FixedIds(), CLOCK), counters, CLOCK);
    private int ops;

    @BeforeEach
    void createLink() {
        links.create(link("spring", false));
    }

    @Test
    void sumsTheCountersOfTheRangeAndLaysThemOutDayByDay() {
        count("spring", "2025-03-30", Map.of(Fields.CLICKS, 3L, Fields.UNIQUE_CLICKS, 2L, Fields.BOT_CLICKS, 4L));
        count("spring", "2025-03-30", Map.of(Fields.GOALS, 1L, USD, 4900L));
        count("spring", "2025-04-01", Map.of(Fields.CLICKS, 5L, Fields.UNIQUE_CLICKS, 5L, Fields.GOALS, 2L,
                USD, 29400L, EUR, 1500L, Fields.refunded("USD"), 4900L));

        LinkStats stats = found("spring", "2025-03-29", "2025-04-01");

        assertThat(stats.slug()).isEqualTo("spring");
        assertThat(stats.clicks()).isEqualTo(8);
        assertThat(stats.uniqueClicks()).isEqualTo(7);
        assertThat(stats.botClicks()).isEqualTo(4);
        assertThat(stats.goals()).isEqualTo(3);
        assertThat(stats.revenue()).containsExactly(Map.entry("EUR", 1500L), Map.entry("USD", 34300L));
        assertThat(stats.refunded()).containsExactly(Map.entry("USD", 4900L));
        assertThat(stats.conversionRate()).isEqualByComparingTo("0.3750");
        assertThat(stats.daily()).containsExactly(
                new LinkStats.Day(day("2025-03-29"), 0, 0, 0, new TreeMap<>()),
                new LinkStats.Day(day("2025-03-30"), 3, 2, 1, new TreeMap<>(Map.of("USD", 4900L))),
                new LinkStats.Day(day("2025-03-31"), 0, 0, 0, new TreeMap<>()),
                new LinkStats.Day(day("2025-04-01"), 5, 5, 2, new TreeMap<>(Map.of("EUR", 1500L, "USD", 29400L))));
    }

    @Test
    void leavesOutCountersBeforeAndAfterTheRangeAndOfOtherLinksAndProducts() {
        links.create(link("spring-fb", false));
        count("spring", "2025-03-28", Map.of(Fields.CLICKS, 100L));
        count("spring", "2025-03-29", Map.of(Fields.CLICKS, 1L));
        count("spring", "2025-04-02", Map.of(Fields.CLICKS, 100L));
        count("spring-fb", "2025-03-29", Map.of(Fields.CLICKS, 100L));
        counters.apply(new Operation("sale#p" + ops++, List.of(
                Delta.of(Counter.product("spring", day("2025-03-29")), Fields.SALES, 100))));

        LinkStats stats = found("spring", "2025-03-29", "2025-04-01");

        assertThat(stats.clicks()).isEqualTo(1);
        assertThat(stats.daily()).extracting(LinkStats.Day::clicks).containsExactly(1L, 0L, 0L, 0L);
    }

    @Test
    void coversTheThirtyDaysEndingTodayByDefaultWithEveryDayPresent() {
        count("spring", "2025-03-03", Map.of(Fields.CLICKS, 1L));
        count("spring", "2025-03-02", Map.of(Fields.CLICKS, 1L));

        LinkStats stats = found("spring", null, null);

        assertThat(stats.range()).isEqualTo(new DateRange(day("2025-03-03"), day("2025-04-01")));
        assertThat(stats.daily()).hasSize(30);
        assertThat(stats.daily().get(0).date()).isEqualTo(day("2025-03-03"));
        assertThat(stats.daily().get(29).date()).isEqualTo(day("2025-04-01"));
        assertThat(stats.daily()).extracting(LinkStats.Day::date).isSorted().doesNotHaveDuplicates();
        assertThat(stats.clicks()).isEqualTo(1);
    }

    @Test
    void laysOutAFullLeapYearDenselyAcrossTheMonths() {
        LinkStats stats = found("spring", "2024-01-01", "2024-12-31");

        assertThat(stats.daily()).hasSize(366);
        assertThat(stats.daily()).extracting(LinkStats.Day::date).contains(day("2024-02-29")).isSorted();
    }

    @Test
    void hasNoConversionRateWithoutClicks() {
        count("spring", "2025-04-01", Map.of(Fields.GOALS, 1L, Fields.BOT_CLICKS, 3L));

        LinkStats stats = found("spring", "2025-04-01", "2025-04-01");

        assertThat(stats.conversionRate()).isNull();
        assertThat(stats.goals()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} goals / {1} clicks = {2}")
    @CsvSource({"1, 3, 0.3333", "2, 3, 0.6667", "1, 8, 0.1250", "1, 16, 0.0625", "1, 32, 0.0313", "1, 20000, 0.0001",
            "1, 20001, 0.0000", "0, 7, 0.0000", "3, 3, 1.0000", "5, 2, 2.5000"})
    void roundsTheConversionRateHalfUpToFourPlaces(long goals, long clicks, String rate) {
        count("spring", "2025-04-01", Map.of(Fields.GOALS, goals, Fields.CLICKS, clicks));

        BigDecimal conversionRate = found("spring", "2025-04-01", "2025-04-01").conversionRate();

        assertThat(conversionRate).isEqualTo(new BigDecimal(rate));
    }

    @Test
    void leavesOutACurrencyWhoseRevenueMovedAwayEntirely() {
        count("spring", "2025-03-31", Map.of(Fields.GOALS, 1L, USD, 4900L, EUR, 100L));
        count("spring", "2025-04-01", Map.of(Fields.GOALS, -1L, USD, -4900L));

        LinkStats stats = found("spring", "2025-03-31", "2025-04-01");

        assertThat(stats.revenue()).containsExactly(Map.entry("EUR", 100L));
        assertThat(stats.goals()).isZero();
    }

    @Test
    void answersForAnArchivedLink() {
        links.create(link("old", true));
        count("old", "2025-04-01", Map.of(Fields.CLICKS, 2L));

        assertThat(found("old", null, null).clicks()).isEqualTo(2);
    }

    @Test
    void findsNoStatsForAnUnknownOrMalformedSlug() {
        assertThat(statistics.forLink("unknown", null, null)).isEqualTo(new LinkStatsResult.UnknownLink());
        assertThat(statistics.forLink("<script>", null, null)).isEqualTo(new LinkStatsResult.UnknownLink());
    }

    @Test
    void refusesAnInvalidRangeBeforeLookingForTheLink() {
        assertThat(statistics.forLink("unknown", "2025-04-02", "2025-04-01"))
                .isEqualTo(new LinkStatsResult.InvalidRange("from must not be after to"));
        assertThat(statistics.forLink("spring", "2025-4-1", null))
                .isEqualTo(new LinkStatsResult.InvalidRange("from must be a date as YYYY-MM-DD (UTC)"));
    }

    private LinkStats found(String slug, String from, String to) {
        LinkStatsResult result = statistics.forLink(slug, from, to);
        assertThat(result).isInstanceOf(LinkStatsResult.Found.class);
        return ((LinkStatsResult.Found) result).stats();
    }

    private void count(String slug, String day, Map<String, Long> amounts) {
        counters.apply(new Operation("op#" + ops++, List.of(new Delta(Counter.link(slug, day(day)), amounts))));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static Link link(String slug, boolean archived) {
        return new Link(slug, "Link " + slug, "https://shop.example.com/" + slug, "ads", null, Goal.purchase(null), 30,
                false, Instant.parse("2025-01-01T00:00:00Z"), archived);
    }
}
