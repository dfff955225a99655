package io.goalpost.aws.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookWiringTest {

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));
        env.put("TABLE_NAME", "goalpost");
        env.put("EVENTS_QUEUE_URL", "http://127.0.0.1:9/000000000000/events");
        env.put("EMAIL_HASH_KEY", "local-EmailHashKey-not-secret-0123456789abcdef");
        return env;
    }

    @Test
    void buildsTheWebhookFromItsEnvironmentWithoutCallingAws() {
        Map<String, String> env = env();
        env.put("ORDERS_WEBHOOK_SECRET", "whsec_bG9jYWwtT3JkZXJzV2ViaG9va1NlY3JldC0wMTIzNDU2Nzg5");

        WebhookDependencies webhook = WebhookWiring.webhook(env, Clock.systemUTC());

        assertThat(webhook.ordersVerifier()).isNotNull();
        assertThat(webhook.orders()).isNotNull();
        assertThat(webhook.stripe()).as("Stripe is optional: no secret, not connected").isEmpty();
    }

    @Test
    void connectsStripeWhenItsSecretIsSetAndLeavesItOutWhenItIsEmpty() {
        Map<String, String> env = env();
        env.put("ORDERS_WEBHOOK_SECRET", "whsec_bG9jYWw=");
        env.put("STRIPE_WEBHOOK_SECRET", "whsec_3fKq9Rz1TbW8xYvN2mLp6sJdHc0GaE4u");

        assertThat(WebhookWiring.webhook(env, Clock.systemUTC()).stripe()).isPresent();

        env.put("STRIPE_WEBHOOK_SECRET", "  ");
        assertThat(WebhookWiring.webhook(env, Clock.systemUTC()).stripe()).isEmpty();
    }

    @Test
    void refusesAStripeSecretThatIsNotASigningSecretWithoutPrintingIt() {
        Map<String, String> env = env();
        env.put("ORDERS_WEBHOOK_SECRET", "whsec_bG9jYWw=");
        env.put("STRIPE_WEBHOOK_SECRET", "sk_live_hunter2");

        assertThatThrownBy(() -> WebhookWiring.webhook(env, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STRIPE_WEBHOOK_SECRET")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAMissingVariableNamingIt() {
        for (String name : new String[] {"TABLE_NAME", "EVENTS_QUEUE_URL", "ORDERS_WEBHOOK_SECRET", "EMAIL_HASH_KEY"}) {
            Map<String, String> env = env();
            env.put("ORDERS_WEBHOOK_SECRET", "whsec_bG9jYWw=");
            env.remove(name);

            assertThatThrownBy(() -> WebhookWiring.webhook(env, Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(name);
        }
    }

    @Test
    void refusesASecretThatIsNotWhsecBase64WithoutPrintingIt() {
        Map<String, String> env = env();
        env.put("ORDERS_WEBHOOK_SECRET", "whsec_hunter2!");

        assertThatThrownBy(() -> WebhookWiring.webhook(env, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORDERS_WEBHOOK_SECRET")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAnEmailHashKeyTooShortToSealWithWithoutPrintingIt() {
        Map<String, String> env = env();
        env.put("ORDERS_WEBHOOK_SECRET", "whsec_bG9jYWw=");
        env.put("EMAIL_HASH_KEY", "hunter2");

        assertThatThrownBy(() -> WebhookWiring.webhook(env, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EMAIL_HASH_KEY")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void buildsTheOutboxRedriveFromTheTableAndQueueVariables() {
        assertThat(OutboxWiring.redrive(env(), Clock.systemUTC())).isNotNull();

        Map<String, String> withoutQueue = env();
        withoutQueue.remove("EVENTS_QUEUE_URL");
        assertThatThrownBy(() -> OutboxWiring.redrive(withoutQueue, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EVENTS_QUEUE_URL");
    }
}
