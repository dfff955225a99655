package io.goalpost.core.click;

/**
 * A request for a tracking link: the slug from the path, the raw query string as sent (may be
 * null), the {@code gp_vid} cookie's value (may be null), the HTTP method, and what the redirect
 * needs to tell bots and clickers apart: the source IP and the {@code User-Agent} (either may be
 * null). Those two never leave the redirect, and never appear in this record's text.
 */
public record ClickRequest(String slug, String rawQuery, String visitorCookie, Method method, String sourceIp,
        String userAgent) {

    public enum Method {
        GET,
        HEAD;

        /** Only a GET is a click; any other method answers the same and records nothing. */
        public static Method of(String httpMethod) {
            return "GET".equalsIgnoreCase(httpMethod) ? GET : HEAD;
        }
    }

    /** Without the IP and the user agent, so a request that ends up in a log does not carry them there. */
    @Override
    public String toString() {
        return "ClickRequest[slug=" + slug + ", method=" + method + "]";
    }
}
