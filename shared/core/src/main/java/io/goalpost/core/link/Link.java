package io.goalpost.core.link;

import java.time.Instant;
import java.util.Objects;

/** A tracking link (SPEC §1). Campaign and goal are optional; everything else is always set. */
public record Link(
        String slug,
        String name,
        String destination,
        String channel,
        String campaign,
        Goal goal,
        int attributionWindowDays,
        boolean countRebills,
        Instant createdAt,
        boolean archived) {

    public static final int DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30;
    public static final int MAX_ATTRIBUTION_WINDOW_DAYS = 365;

    public Link {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        if (attributionWindowDays < 1 || attributionWindowDays > MAX_ATTRIBUTION_WINDOW_DAYS) {
            throw new IllegalArgumentException("attributionWindowDays out of range: " + attributionWindowDays);
        }
    }
}
