package io.goalpost.core.click;

/**
 * A request for a tracking link: the slug from the path, the raw query string as sent (may be
 * null), the {@code gp_vid} cookie's value (may be null), and the HTTP method.
 */
public record ClickRequest(String slug, String rawQuery, String visitorCookie, Method method) {

    public enum Method {
        GET,
        HEAD;

        /** Only a GET is a click; any other method answers the same and records nothing. */
        public static Method of(String httpMethod) {
            return "GET".equalsIgnoreCase(httpMethod) ? GET : HEAD;
        }
    }
}
