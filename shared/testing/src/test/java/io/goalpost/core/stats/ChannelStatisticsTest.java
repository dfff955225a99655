package io.goalpost.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.link.LinkChange;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class ChannelStatisticsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String USD = Fields.revenue("USD");

    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final InMemoryCounterStore counters = new InMemoryCounterStore();
    private final Links links = new Links(store, new FixedIds(), CLOCK);
    private final ChannelStatistics statistics = new ChannelStatistics(links, counters, CLOCK);
    private int ops;

    private void link(String slug, String channel) {
        store.create(new Link(slug, slug, "https://shop.example.com/", channel, null, null, 30, false,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(ops++), false));
    }

    private void count(String slug, String day, Map<String, Long> amounts) {
        counters.apply(new Operation("op" + ops++, List.of(new Delta(Counter.link(slug, LocalDate.parse(day)), amounts))));
    }

    private List<ChannelStats> compare(String from, String to) {
        return ((ChannelStatsResult.Found) statistics.compare(from, to)).channels();
    }

    @Test
    void sumsEachChannelsLinksOverTheRangeAndRanksByGoalsThenClicksThenName() {
        link("fb-1", "facebook-ads");
        link("fb-2", "facebook-ads");
        link("mail", "newsletter");
        link("yt", "youtube");
        link("tt", "tiktok");
        count("fb-1", "2025-03-30", Map.of(Fields.CLICKS, 10L, Fields.UNIQUE_CLICKS, 8L, Fields.BOT_CLICKS, 3L));
        count("fb-2", "2025-03-31", Map.of(Fields.CLICKS, 5L, Fields.UNIQUE_CLICKS, 5L, Fields.GOALS, 1L, USD, 4900L));
        count("mail", "2025-03-31", Map.of(Fields.CLICKS, 4L, Fields.UNIQUE_CLICKS, 3L, Fields.GOALS, 2L, USD, 9800L,
                Fields.revenue("EUR"), 1500L));
        count("yt", "2025-03-31", Map.of(Fields.CLICKS, 15L, Fields.UNIQUE_CLICKS, 15L, Fields.GOALS, 1L, USD, 100L));
        count("fb-1", "2025-03-01", Map.of(Fields.CLICKS, 100L, Fields.GOALS, 50L));

        List<ChannelStats> channels = compare("2025-03-30", "2025-04-01");

        assertThat(channels).containsExactly(
                new ChannelStats("newsletter", 4, 3, 2, new TreeMap<>(Map.of("EUR", 1500L, "USD", 9800L)),
                        new BigDecimal("0.5000")),
                new ChannelStats("facebook-ads", 15, 13, 1, new TreeMap<>(Map.of("USD", 4900L)),
                        new BigDecimal("0.0667")),
                new ChannelStats("youtube", 15, 15, 1, new TreeMap<>(Map.of("USD", 100L)),
                        new BigDecimal("0.0667")),
                new ChannelStats("tiktok", 0, 0, 0, new TreeMap<>(), null));
    }

    @Test
    void groupsALinkUnderItsCurrentChannelWithItsWholeHistory() {
        link("spring", "facebook-ads");
        count("spring", "2025-03-31", Map.of(Fields.CLICKS, 6L, Fields.GOALS, 3L));

        links.change("spring", new LinkChange(null, null, "instagram-ads", null));

        assertThat(compare(null, null)).extracting(ChannelStats::channel, ChannelStats::clicks, ChannelStats::goals)
                .containsExactly(tuple("instagram-ads", 6L, 3L));
    }

    @Test
    void countsArchivedLinksWhichKeepWhatTheyEarned() {
        link("old", "email");
        count("old", "2025-03-31", Map.of(Fields.CLICKS, 2L, Fields.GOALS, 1L));
        links.archive("old");

        assertThat(compare(null, null)).singleElement().extracting(ChannelStats::goals).isEqualTo(1L);
    }

    @Test
    void readsEveryPageOfLinks() {
        for (int i = 0; i < 250; i++) {
            link("l" + i, "ch" + (i % 3));
            count("l" + i, "2025-03-31", Map.of(Fields.CLICKS, 1L));
        }

        assertThat(compare(null, null)).extracting(ChannelStats::clicks).containsExactly(84L, 83L, 83L);
    }

    @Test
    void answersNoChannelsWithoutLinks() {
        assertThat(compare(null, null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2025-04-02,2025-04-01", "2024-01-01,2025-04-01", "yesterday,", ",2025-02-30"})
    void refusesTheRangesLinkStatsRefuses(String from, String to) {
        assertThat(statistics.compare(from, to)).isInstanceOf(ChannelStatsResult.InvalidRange.class);
    }

    @Test
    void coversTheThirtyDaysEndingTodayByDefault() {
        ChannelStatsResult.Found found = (ChannelStatsResult.Found) statistics.compare(null, null);

        assertThat(found.range()).isEqualTo(new DateRange(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-04-01")));
    }
}
