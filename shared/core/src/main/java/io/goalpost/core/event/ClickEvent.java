package io.goalpost.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One GET of a tracking link. The click id is the event id, so a click re-sent from the outbox
 * or redriven from the dead-letter queue counts once. No IP and no user agent travel here yet.
 */
public record ClickEvent(String slug, String clickId, String visitorId, Instant occurredAt) implements TrackingEvent {

    public static final int VERSION = 1;
    public static final String TYPE = "click";

    public ClickEvent {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(clickId, "clickId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String eventId() {
        return clickId;
    }
}
