package io.goalpost.aws.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The beacon function's configuration, read once from its environment (template.yaml sets all three).
 *
 * @param tableName    the table that holds the outbox, for events the queue refuses
 * @param cookieDomain where t.js sets {@code gp_vid} ({@code example.com}), lower-cased, without a
 *                     leading dot; empty for a host-only cookie on each page's own host
 */
public record BeaconConfig(String tableName, String eventsQueueUrl, String cookieDomain) {

    public static final String TABLE_NAME = GoalpostConfig.TABLE_NAME;
    public static final String EVENTS_QUEUE_URL = GoalpostConfig.EVENTS_QUEUE_URL;
    public static final String COOKIE_DOMAIN = "COOKIE_DOMAIN";

    /** A host name: this value is written into the served script, so nothing else may get in. */
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public static BeaconConfig from(Map<String, String> env) {
        return new BeaconConfig(required(env, TABLE_NAME), required(env, EVENTS_QUEUE_URL),
                cookieDomain(env.getOrDefault(COOKIE_DOMAIN, "")));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value.trim();
    }

    private static String cookieDomain(String value) {
        String domain = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (domain.startsWith(".")) {
            domain = domain.substring(1);
        }
        if (!domain.isEmpty() && (domain.length() > 253 || !DOMAIN.matcher(domain).matches())) {
            throw new IllegalStateException(COOKIE_DOMAIN + " must be a domain name such as example.com, or empty");
        }
        return domain;
    }
}
