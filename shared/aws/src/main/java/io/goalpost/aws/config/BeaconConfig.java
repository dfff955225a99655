package io.goalpost.aws.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The beacon function's configuration, read once from its environment (template.yaml sets both).
 *
 * @param cookieDomain where t.js sets {@code gp_vid} ({@code example.com}), lower-cased, without a
 *                     leading dot; empty for a host-only cookie on each page's own host
 */
public record BeaconConfig(String eventsQueueUrl, String cookieDomain) {

    public static final String EVENTS_QUEUE_URL = GoalpostConfig.EVENTS_QUEUE_URL;
    public static final String COOKIE_DOMAIN = "COOKIE_DOMAIN";

    /** A host name: this value is written into the served script, so nothing else may get in. */
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public static BeaconConfig from(Map<String, String> env) {
        String queueUrl = env.get(EVENTS_QUEUE_URL);
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalStateException("environment variable " + EVENTS_QUEUE_URL + " is not set");
        }
        return new BeaconConfig(queueUrl.trim(), cookieDomain(env.getOrDefault(COOKIE_DOMAIN, "")));
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
