package io.goalpost.aws.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Each function's configuration, read once from its environment. A function reads only the
 * variables it needs, and template.yaml sets each of them for it (a contract test checks that).
 */
public final class GoalpostConfig {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String EVENTS_QUEUE_URL = "EVENTS_QUEUE_URL";
    public static final String API_KEY_HASHES = "API_KEY_HASHES";
    public static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";
    public static final String LEAD_TOKEN_SECRET = "LEAD_TOKEN_SECRET";
    public static final String EMAIL_HASH_KEY = "EMAIL_HASH_KEY";

    private GoalpostConfig() {
    }

    /** What the redirect function needs. */
    public record Redirect(String tableName, String eventsQueueUrl) {
    }

    /**
     * What the api function needs. {@code publicBaseUrl} has no trailing slash, or is empty when
     * tracking links take the host the API was called on.
     */
    public record Api(String tableName, String apiKeyHashes, String publicBaseUrl) {
    }

    /** What the api function needs for leads (docs/decisions/007): both secrets, and the queue for the worker's part. */
    public record Leads(String eventsQueueUrl, String leadTokenSecret, String emailHashKey) {

        /** Never prints the secrets. */
        @Override
        public String toString() {
            return "Leads[eventsQueueUrl=" + eventsQueueUrl + "]";
        }
    }

    public static Leads leads(Map<String, String> env) {
        return new Leads(required(env, EVENTS_QUEUE_URL), required(env, LEAD_TOKEN_SECRET), required(env, EMAIL_HASH_KEY));
    }

    /** The redirect's lead token secret: without it every gp_lt is ignored (docs/decisions/007). */
    public static String leadTokenSecret(Map<String, String> env) {
        return required(env, LEAD_TOKEN_SECRET);
    }

    public static Redirect redirect(Map<String, String> env) {
        return new Redirect(required(env, TABLE_NAME), required(env, EVENTS_QUEUE_URL));
    }

    public static Api api(Map<String, String> env) {
        return new Api(required(env, TABLE_NAME), required(env, API_KEY_HASHES), publicBaseUrl(env));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value.trim();
    }

    private static String publicBaseUrl(Map<String, String> env) {
        String value = env.getOrDefault(PUBLIC_BASE_URL, "").trim();
        if (value.isEmpty()) {
            return "";
        }
        try {
            URI uri = new URI(value);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalStateException(PUBLIC_BASE_URL + " must be an http(s) URL without query, e.g. https://go.example.com");
            }
        } catch (URISyntaxException notAUrl) {
            throw new IllegalStateException(PUBLIC_BASE_URL + " is not a URL", notAUrl);
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
