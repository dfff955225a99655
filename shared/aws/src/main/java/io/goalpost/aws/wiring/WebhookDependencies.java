package io.goalpost.aws.wiring;

import io.goalpost.aws.webhook.OrderWebhookJson;
import io.goalpost.aws.webhook.WebhookLog;
import io.goalpost.core.payment.OrderIntake;
import io.goalpost.core.payment.StandardWebhookVerifier;

/** What the webhook function's handler works with. */
public record WebhookDependencies(StandardWebhookVerifier ordersVerifier, OrderWebhookJson orderJson,
        OrderIntake orders, WebhookLog log) {
}
