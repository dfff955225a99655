package io.goalpost.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One GET of a tracking link. The click id is the event id, so a click re-sent from the outbox
 * or redriven from the dead-letter queue counts once. The redirect decides what the worker needs
 * from the request and sends only that: whether a bot sent it, and the key of its clicker. No IP
 * and no user agent travel.
 *
 * @param visitorId the {@code gp_vid} the request carried, or null
 * @param bot       whether a bot or link-preview fetcher sent it (counted as {@code botClicks} only)
 * @param clicker   who clicked, for unique clicks: {@code lead#<leadId>}, {@code vid#<visitorId>},
 *                  {@code h#<daily hash>} or {@code cid#<clickId>} (a click that is its own
 *                  clicker); the prefix keeps kinds of keys from ever colliding
 * @param leadId    the lead a valid {@code gp_lt} named (docs/decisions/007), or null
 */
public record ClickEvent(String slug, String clickId, String visitorId, Instant occurredAt, boolean bot,
        String clicker, String leadId) implements TrackingEvent {

    /**
     * 2 added {@code bot} and {@code clicker}, 3 {@code leadId}; version 1 and 2 messages are still
     * read (version 1 as human clicks, both without a lead).
     */
    public static final int VERSION = 3;
    public static final String TYPE = "click";

    public ClickEvent {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(clickId, "clickId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(clicker, "clicker");
    }

    /** A click without a lead, as version 2 described it. */
    public ClickEvent(String slug, String clickId, String visitorId, Instant occurredAt, boolean bot, String clicker) {
        this(slug, clickId, visitorId, occurredAt, bot, clicker, null);
    }

    /**
     * A click as version 1 described it: by a person, whose clicker is the visitor id, else the
     * click itself.
     */
    public ClickEvent(String slug, String clickId, String visitorId, Instant occurredAt) {
        this(slug, clickId, visitorId, occurredAt, false,
                visitorId != null ? visitorClicker(visitorId) : clickClicker(clickId));
    }

    public static String visitorClicker(String visitorId) {
        return "vid#" + visitorId;
    }

    public static String leadClicker(String leadId) {
        return "lead#" + leadId;
    }

    public static String clickClicker(String clickId) {
        return "cid#" + clickId;
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
