package io.goalpost.core.beacon;

import java.util.Locale;

/**
 * Why the beacon kept less than it was sent. Each one is counted ({@link DropCounter}), so "why
 * are there fewer page views than requests?" has an answer; none of them carries an id.
 */
public enum DropReason {
    /** The event failed validation (unknown type, an id outside its pattern, a non-web URL…): 400. */
    INVALID,
    /** The body was over {@link Beacon#MAX_BODY_BYTES}: 413. */
    TOO_LARGE,
    /** Neither JSON nor {@code text/plain}: 415. */
    UNSUPPORTED_MEDIA_TYPE,
    /**
     * The event was kept, but the visitor id it carried (in the body or the {@code gp_vid} cookie)
     * was not, because the page did not report consent {@code all}.
     */
    NO_CONSENT,
    /**
     * A well-formed event from a bot or link-preview fetcher (by user agent, the redirect's list):
     * answered as usual, never queued, so it can neither claim a click nor complete a goal.
     */
    BOT;

    /** The name in logs and metrics: {@code no_consent}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
