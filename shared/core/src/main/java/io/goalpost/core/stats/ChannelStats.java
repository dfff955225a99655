package io.goalpost.core.stats;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One channel's numbers over a range: the sums over the links whose channel it is now (a link
 * moved to another channel takes its history along). Unique clicks are the sum of the links'
 * unique clicks, as a range's are the sum of its days'.
 */
public record ChannelStats(
        String channel,
        long clicks,
        long uniqueClicks,
        long goals,
        SortedMap<String, Long> revenue,
        BigDecimal conversionRate) {

    public ChannelStats {
        revenue = Collections.unmodifiableSortedMap(new TreeMap<>(revenue));
    }
}
