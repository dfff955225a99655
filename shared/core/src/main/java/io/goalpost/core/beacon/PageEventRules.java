package io.goalpost.core.beacon;

import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.PageEvent.Consent;
import io.goalpost.core.event.PageEvent.Kind;
import io.goalpost.core.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SPEC §3 Page events, for one event: checks what the page sent and builds what Goalpost keeps.
 * Ids are kept only under consent {@code all}; under {@code essential} only the click id of the
 * URL the event was sent from survives (so a consenting lead's personalised click still counts,
 * SPEC §3 Consent). Messages name the field, never echo its value.
 */
final class PageEventRules {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final String EVENT_ID_PREFIX = "p:";
    /** 128 bits of the digest: collisions between honest events are out of reach. */
    private static final int EVENT_ID_HEX_LENGTH = 32;

    /** A page event and whether a visitor id was sent but not kept (no consent). */
    record Checked(PageEvent event, boolean visitorIdDropped) {
    }

    private PageEventRules() {
    }

    /** @throws IllegalArgumentException naming the first field that is wrong */
    static Checked check(PageEventFields fields, String visitorCookie, Instant receivedAt, Ids ids) {
        Kind kind = kind(fields.type());
        String url = PageUrls.reduce(fields.url())
                .orElseThrow(() -> invalid("url must be an absolute http(s) URL of at most " + PageUrls.MAX_LENGTH + " characters"));
        String referrer = referrer(fields.referrer());
        Consent consent = consent(fields.consent());
        String sentVisitorId = mintedId("visitorId", fields.visitorId());
        String clickId = mintedId("clickId", fields.clickId());
        String formId = externalId("formId", fields.formId());
        String productId = externalId("productId", fields.productId());
        String eventId = fields.eventId();
        if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
            throw invalid("eventId must match " + EVENT_ID.pattern());
        }

        // The page's own report of the id wins over the cookie: it is what the script read and will
        // send again. A cookie is the browser's to change, so only a well-formed one is used.
        String offeredVisitorId = sentVisitorId != null ? sentVisitorId
                : Ids.isMintedId(visitorCookie) ? visitorCookie : null;
        String visitorId = consent == Consent.ALL ? offeredVisitorId : null;
        PageEvent event = new PageEvent(kind, eventId(kind, visitorId, clickId, eventId, ids), receivedAt, url,
                referrer, consent, visitorId, clickId,
                kind == Kind.OPT_IN ? formId : null,
                kind == Kind.CHECKOUT_VIEW ? productId : null);
        return new Checked(event, offeredVisitorId != null && visitorId == null);
    }

    private static Kind kind(String type) {
        for (Kind kind : Kind.values()) {
            if (kind.wireName().equals(type)) {
                return kind;
            }
        }
        throw invalid("type must be one of page_view, opt_in, checkout_view");
    }

    /** {@code document.referrer} is "" when there is none. */
    private static String referrer(String referrer) {
        if (referrer == null || referrer.isEmpty()) {
            return null;
        }
        return PageUrls.reduce(referrer)
                .orElseThrow(() -> invalid("referrer must be empty or an absolute http(s) URL of at most "
                        + PageUrls.MAX_LENGTH + " characters"));
    }

    /** Missing is {@code essential} (SPEC §1); anything but the two words is a mistake worth telling. */
    private static Consent consent(String consent) {
        if (consent == null || consent.equals("essential")) {
            return Consent.ESSENTIAL;
        }
        if (consent.equals("all")) {
            return Consent.ALL;
        }
        throw invalid("consent must be all or essential");
    }

    private static String mintedId(String field, String value) {
        if (value != null && !Ids.isMintedId(value)) {
            throw invalid(field + " must match " + Ids.MINTED_ID.pattern());
        }
        return value;
    }

    private static String externalId(String field, String value) {
        if (value != null && !EXTERNAL_ID.matcher(value).matches()) {
            throw invalid(field + " must match " + EXTERNAL_ID.pattern());
        }
        return value;
    }

    /**
     * The page's event id, scoped by the ids it is kept with, so two visitors (or one visitor's
     * two kinds of event) sending the same value never collide, while a page re-sending its event
     * gets the same id and counts once. Without one, a fresh id: that event cannot be recognised
     * if it is re-sent, which only the no-JavaScript pixel does.
     */
    private static String eventId(Kind kind, String visitorId, String clickId, String pageEventId, Ids ids) {
        if (pageEventId == null) {
            return EVENT_ID_PREFIX + ids.clickId();
        }
        String scope = kind.wireName() + '|' + nullToEmpty(visitorId) + '|' + nullToEmpty(clickId) + '|' + pageEventId;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return EVENT_ID_PREFIX + HexFormat.of().formatHex(digest).substring(0, EVENT_ID_HEX_LENGTH);
        } catch (NoSuchAlgorithmException noSha256) {
            throw new IllegalStateException("every JVM has SHA-256", noSha256);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(message);
    }
}
