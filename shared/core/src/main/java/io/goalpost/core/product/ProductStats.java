package io.goalpost.core.product;

import io.goalpost.core.stats.DateRange;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A product's numbers over a range of UTC days, straight from its day counters: checkout views
 * and visitors (from page events), sales, rebills and refunds (counted at once, whatever became
 * of their links), revenue and refunded per currency in minor units, never converted — a
 * currency appears only when its total is not zero. {@code daily} has one entry per day of the
 * range, ascending, zeros included.
 */
public record ProductStats(
        String productId,
        DateRange range,
        long checkoutViews,
        long checkoutVisitors,
        long sales,
        long rebills,
        long refunds,
        SortedMap<String, Long> revenue,
        SortedMap<String, Long> refunded,
        List<Day> daily) {

    public ProductStats {
        revenue = readOnly(revenue);
        refunded = readOnly(refunded);
        daily = List.copyOf(daily);
    }

    /** One day of {@link ProductStats#daily()}. */
    public record Day(LocalDate date, long checkoutViews, long checkoutVisitors, long sales, long rebills,
            long refunds, SortedMap<String, Long> revenue, SortedMap<String, Long> refunded) {

        public Day {
            revenue = readOnly(revenue);
            refunded = readOnly(refunded);
        }
    }

    private static SortedMap<String, Long> readOnly(SortedMap<String, Long> amounts) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(amounts));
    }
}
