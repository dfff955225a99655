package io.goalpost.core.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A link's numbers over a range of UTC days. Money is per currency in minor units, never
 * converted; a currency appears only when its total is not zero. {@code conversionRate} is
 * goals ÷ clicks to 4 places, {@code null} when there were no clicks. {@code daily} has one entry
 * per day of the range, ascending, zeros included.
 */
public record LinkStats(
        String slug,
        DateRange range,
        long clicks,
        long uniqueClicks,
        long botClicks,
        long goals,
        SortedMap<String, Long> revenue,
        SortedMap<String, Long> refunded,
        BigDecimal conversionRate,
        List<Day> daily) {

    public LinkStats {
        revenue = readOnly(revenue);
        refunded = readOnly(refunded);
        daily = List.copyOf(daily);
    }

    /** One day of {@link LinkStats#daily()}. */
    public record Day(LocalDate date, long clicks, long uniqueClicks, long goals, SortedMap<String, Long> revenue) {

        public Day {
            revenue = readOnly(revenue);
        }
    }

    private static SortedMap<String, Long> readOnly(SortedMap<String, Long> amounts) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(amounts));
    }
}
