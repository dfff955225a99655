package io.goalpost.aws.config;

import java.util.Map;

/**
 * What the webhook function needs, read once from its environment. The secrets are the senders'
 * {@code whsec_…} signing secrets (template parameters {@code OrdersWebhookSecret} and
 * {@code StripeWebhookSecret}, NoEcho) and {@code EmailHashKey}, under which buyers' emails are
 * sealed for the queue and the outbox (docs/decisions/011). Stripe is optional: its secret is null
 * when the deployment left it empty.
 */
public record WebhookConfig(String tableName, String eventsQueueUrl, String ordersWebhookSecret,
        String stripeWebhookSecret, String emailHashKey) {

    public static final String ORDERS_WEBHOOK_SECRET = "ORDERS_WEBHOOK_SECRET";
    public static final String STRIPE_WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET";

    public static WebhookConfig from(Map<String, String> env) {
        String stripe = env.get(STRIPE_WEBHOOK_SECRET);
        return new WebhookConfig(required(env, GoalpostConfig.TABLE_NAME), required(env, GoalpostConfig.EVENTS_QUEUE_URL),
                required(env, ORDERS_WEBHOOK_SECRET), stripe == null || stripe.isBlank() ? null : stripe.trim(),
                required(env, GoalpostConfig.EMAIL_HASH_KEY));
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "WebhookConfig[tableName=" + tableName + ", eventsQueueUrl=" + eventsQueueUrl
                + ", ordersWebhookSecret=<redacted>, stripeWebhookSecret="
                + (stripeWebhookSecret == null ? "<not set>" : "<redacted>") + ", emailHashKey=<redacted>]";
    }

    static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value.trim();
    }
}
