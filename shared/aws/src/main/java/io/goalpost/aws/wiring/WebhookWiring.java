package io.goalpost.aws.wiring;

import io.goalpost.aws.config.AwsClients;
import io.goalpost.aws.config.GoalpostConfig;
import io.goalpost.aws.config.WebhookConfig;
import io.goalpost.aws.event.EventJson;
import io.goalpost.aws.event.SqsEventQueue;
import io.goalpost.aws.outbox.DynamoDbOutbox;
import io.goalpost.aws.webhook.OrderWebhookJson;
import io.goalpost.aws.webhook.StripeEventJson;
import io.goalpost.aws.webhook.WebhookLog;
import io.goalpost.core.lead.AesGcmEmailSeal;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.lead.EmailSeal;
import io.goalpost.core.payment.OrderIntake;
import io.goalpost.core.payment.StandardWebhookVerifier;
import io.goalpost.core.payment.StripeIntake;
import io.goalpost.core.payment.StripeSignatureVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The webhook function's object graph, built once from its environment. */
public final class WebhookWiring {

    /**
     * Senders wait seconds, not milliseconds, and retry on any non-2xx; the function's 10 s timeout
     * still fits a slow queue, then a slow outbox, then the answer.
     */
    public static final Duration WEBHOOK_QUEUE_BUDGET = Duration.ofSeconds(3);
    public static final Duration WEBHOOK_OUTBOX_BUDGET = Duration.ofSeconds(3);

    private WebhookWiring() {
    }

    public static WebhookDependencies webhook(Map<String, String> env, Clock clock) {
        WebhookConfig config = WebhookConfig.from(env);
        StandardWebhookVerifier verifier;
        try {
            verifier = StandardWebhookVerifier.forSecret(config.ordersWebhookSecret(), clock);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException(WebhookConfig.ORDERS_WEBHOOK_SECRET + ": " + malformed.getMessage(), malformed);
        }
        EmailSeal seal;
        try {
            seal = new AesGcmEmailSeal(new EmailHashes(config.emailHashKey()));
        } catch (IllegalArgumentException tooShort) {
            throw new IllegalStateException(GoalpostConfig.EMAIL_HASH_KEY + ": " + tooShort.getMessage(), tooShort);
        }
        EventJson json = new EventJson();
        SqsEventQueue queue = new SqsEventQueue(AwsClients.sqs(env, WEBHOOK_QUEUE_BUDGET), config.eventsQueueUrl(), json);
        DynamoDbOutbox outbox =
                new DynamoDbOutbox(AwsClients.dynamoDb(env), config.tableName(), json, clock, WEBHOOK_OUTBOX_BUDGET);
        return new WebhookDependencies(verifier, new OrderWebhookJson(), new OrderIntake(queue, outbox, seal),
                stripe(config, clock, queue, outbox, seal), new WebhookLog(System.out::println));
    }

    private static Optional<WebhookDependencies.Stripe> stripe(WebhookConfig config, Clock clock, SqsEventQueue queue,
            DynamoDbOutbox outbox, EmailSeal seal) {
        if (config.stripeWebhookSecret() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WebhookDependencies.Stripe(
                    StripeSignatureVerifier.forSecret(config.stripeWebhookSecret(), clock), new StripeEventJson(),
                    new StripeIntake(queue, outbox, seal)));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException(WebhookConfig.STRIPE_WEBHOOK_SECRET + ": " + malformed.getMessage(), malformed);
        }
    }
}
