package io.goalpost.core.beacon;

/**
 * What a page sent to {@code POST /e} (body) or {@code GET /e.gif} (query), as text, before any
 * check: every field may be null (absent). Nothing else a page sends is read: an {@code email}
 * or a {@code gdprConsent} has no field here, so a beacon can neither create nor join a lead.
 */
public record PageEventFields(String type, String url, String referrer, String visitorId, String clickId,
        String consent, String formId, String productId, String eventId) {

    /** The field names, as pages send them. */
    public static final java.util.List<String> NAMES = java.util.List.of(
            "type", "url", "referrer", "visitorId", "clickId", "consent", "formId", "productId", "eventId");
}
