package io.goalpost.aws.wiring;

import io.goalpost.aws.webhook.OrderWebhookJson;
import io.goalpost.aws.webhook.StripeEventJson;
import io.goalpost.aws.webhook.WebhookLog;
import io.goalpost.core.payment.OrderIntake;
import io.goalpost.core.payment.StandardWebhookVerifier;
import io.goalpost.core.payment.StripeIntake;
import io.goalpost.core.payment.StripeSignatureVerifier;
import java.util.Optional;

/**
 * What the webhook function's handler works with. {@code stripe} is empty when the deployment
 * has no Stripe webhook secret: Stripe is then not connected.
 */
public record WebhookDependencies(StandardWebhookVerifier ordersVerifier, OrderWebhookJson orderJson,
        OrderIntake orders, Optional<Stripe> stripe, WebhookLog log) {

    /** The Stripe route's part: its verifier, its reader, its intake. */
    public record Stripe(StripeSignatureVerifier verifier, StripeEventJson json, StripeIntake intake) {
    }
}
