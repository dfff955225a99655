package io.goalpost.core.stats;

import java.util.List;

/** What asking for the channel comparison came to. */
public sealed interface ChannelStatsResult {

    /** Best first: by goals, then clicks (both descending), then channel name. */
    record Found(DateRange range, List<ChannelStats> channels) implements ChannelStatsResult {
        public Found {
            channels = List.copyOf(channels);
        }
    }

    /** The dates asked for are malformed, reversed or too far apart. */
    record InvalidRange(String message) implements ChannelStatsResult {
    }
}
