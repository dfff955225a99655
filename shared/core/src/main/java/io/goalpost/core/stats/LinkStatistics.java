package io.goalpost.core.stats;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.link.Links;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A link's stats (SPEC §4): its day counters over a date range, summed, rated and laid out day by day. */
public final class LinkStatistics {

    private static final String REVENUE = Fields.revenue("");
    private static final String REFUNDED = Fields.refunded("");

    private final Links links;
    private final CounterStore counters;
    private final Clock clock;

    public LinkStatistics(Links links, CounterStore counters, Clock clock) {
        this.links = Objects.requireNonNull(links);
        this.counters = Objects.requireNonNull(counters);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@code from} and {@code to} as the request gave them: {@code YYYY-MM-DD}, or null when absent. */
    public LinkStatsResult forLink(String slug, String from, String to) {
        DateRange range;
        try {
            range = DateRange.parse(from, to, clock);
        } catch (DateRange.InvalidDateRange invalid) {
            return new LinkStatsResult.InvalidRange(invalid.getMessage());
        }
        if (links.find(slug).isEmpty()) {
            return new LinkStatsResult.UnknownLink();
        }
        SortedMap<LocalDate, Map<String, Long>> days =
                counters.read(Counter.Subject.LINK, slug, range.from(), range.to());
        return new LinkStatsResult.Found(statsOf(slug, range, days));
    }

    static LinkStats statsOf(String slug, DateRange range, SortedMap<LocalDate, Map<String, Long>> days) {
        List<LinkStats.Day> daily = new ArrayList<>(range.days());
        Map<String, Long> totals = new TreeMap<>();
        for (LocalDate date = range.from(); !date.isAfter(range.to()); date = date.plusDays(1)) {
            Map<String, Long> fields = days.getOrDefault(date, Map.of());
            fields.forEach((field, amount) -> totals.merge(field, amount, Long::sum));
            daily.add(new LinkStats.Day(date, count(fields, Fields.CLICKS), count(fields, Fields.UNIQUE_CLICKS),
                    count(fields, Fields.GOALS), perCurrency(fields, REVENUE)));
        }
        long clicks = count(totals, Fields.CLICKS);
        long goals = count(totals, Fields.GOALS);
        return new LinkStats(slug, range, clicks, count(totals, Fields.UNIQUE_CLICKS), count(totals, Fields.BOT_CLICKS),
                goals, perCurrency(totals, REVENUE), perCurrency(totals, REFUNDED), conversionRate(goals, clicks), daily);
    }

    /** As ad platforms define it: goals per (human) click, to 4 places; no rate without clicks. */
    static BigDecimal conversionRate(long goals, long clicks) {
        if (clicks == 0) {
            return null;
        }
        return BigDecimal.valueOf(goals).divide(BigDecimal.valueOf(clicks), 4, RoundingMode.HALF_UP);
    }

    private static long count(Map<String, Long> fields, String field) {
        return fields.getOrDefault(field, 0L);
    }

    /** {@code revenue.USD → USD}; a currency that sums to zero is left out. */
    private static SortedMap<String, Long> perCurrency(Map<String, Long> fields, String prefix) {
        SortedMap<String, Long> amounts = new TreeMap<>();
        fields.forEach((field, amount) -> {
            if (field.startsWith(prefix) && amount != 0L) {
                amounts.put(field.substring(prefix.length()), amount);
            }
        });
        return amounts;
    }
}
