package io.goalpost.core.stats;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.Links;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The channel comparison (SPEC §4 {@code GET /api/channels}): every link's day counters over the
 * range, summed by the link's current channel, best first. Archived links count: they keep the
 * credit they earned. Reads every link (one list query per hundred) and one counter query per link.
 */
public final class ChannelStatistics {

    private static final String REVENUE = Fields.revenue("");
    private static final Comparator<ChannelStats> BEST_FIRST = Comparator
            .comparingLong(ChannelStats::goals).reversed()
            .thenComparing(Comparator.comparingLong(ChannelStats::clicks).reversed())
            .thenComparing(ChannelStats::channel);

    private final Links links;
    private final CounterStore counters;
    private final Clock clock;

    public ChannelStatistics(Links links, CounterStore counters, Clock clock) {
        this.links = Objects.requireNonNull(links);
        this.counters = Objects.requireNonNull(counters);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@code from} and {@code to} as the request gave them: {@code YYYY-MM-DD}, or null when absent. */
    public ChannelStatsResult compare(String from, String to) {
        DateRange range;
        try {
            range = DateRange.parse(from, to, clock);
        } catch (DateRange.InvalidDateRange invalid) {
            return new ChannelStatsResult.InvalidRange(invalid.getMessage());
        }
        Map<String, Map<String, Long>> totalsByChannel = new TreeMap<>();
        for (Link link : links.all()) {
            Map<String, Long> totals = totalsByChannel.computeIfAbsent(link.channel(), channel -> new TreeMap<>());
            SortedMap<LocalDate, Map<String, Long>> days =
                    counters.read(Counter.Subject.LINK, link.slug(), range.from(), range.to());
            days.values().forEach(fields -> fields.forEach((field, amount) -> totals.merge(field, amount, Long::sum)));
        }
        List<ChannelStats> channels = new ArrayList<>();
        totalsByChannel.forEach((channel, totals) -> channels.add(statsOf(channel, totals)));
        channels.sort(BEST_FIRST);
        return new ChannelStatsResult.Found(range, channels);
    }

    private static ChannelStats statsOf(String channel, Map<String, Long> totals) {
        long clicks = totals.getOrDefault(Fields.CLICKS, 0L);
        long goals = totals.getOrDefault(Fields.GOALS, 0L);
        SortedMap<String, Long> revenue = new TreeMap<>();
        totals.forEach((field, amount) -> {
            if (field.startsWith(REVENUE) && amount != 0L) {
                revenue.put(field.substring(REVENUE.length()), amount);
            }
        });
        return new ChannelStats(channel, clicks, totals.getOrDefault(Fields.UNIQUE_CLICKS, 0L), goals, revenue,
                LinkStatistics.conversionRate(goals, clicks));
    }
}
