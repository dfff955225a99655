package io.goalpost.aws.config;

import java.util.Map;

/**
 * What the webhook function needs, read once from its environment. The secret is the sender's
 * {@code whsec_…} signing secret (template parameter {@code OrdersWebhookSecret}, NoEcho).
 */
public record WebhookConfig(String tableName, String eventsQueueUrl, String ordersWebhookSecret) {

    public static final String ORDERS_WEBHOOK_SECRET = "ORDERS_WEBHOOK_SECRET";

    public static WebhookConfig from(Map<String, String> env) {
        return new WebhookConfig(required(env, GoalpostConfig.TABLE_NAME), required(env, GoalpostConfig.EVENTS_QUEUE_URL),
                required(env, ORDERS_WEBHOOK_SECRET));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookConfig[tableName=" + tableName + ", eventsQueueUrl=" + eventsQueueUrl
                + ", ordersWebhookSecret=<redacted>]";
    }

    static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value.trim();
    }
}
