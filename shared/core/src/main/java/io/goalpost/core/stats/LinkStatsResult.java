package io.goalpost.core.stats;

/** What asking for a link's stats came to. */
public sealed interface LinkStatsResult {

    record Found(LinkStats stats) implements LinkStatsResult {
    }

    /** No link has this slug (archived links are found). */
    record UnknownLink() implements LinkStatsResult {
    }

    /** The dates asked for are malformed, reversed or too far apart. */
    record InvalidRange(String message) implements LinkStatsResult {
    }
}
