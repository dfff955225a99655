package io.goalpost.aws.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.access.ApiKeys;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionRootTest {

    private static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local");

    @Test
    void buildsTheRedirectFromItsEnvironmentWithoutCallingAws() {
        Map<String, String> env = new HashMap<>(CREDENTIALS);
        env.put("TABLE_NAME", "goalpost");
        env.put("EVENTS_QUEUE_URL", "http://127.0.0.1:9/000000000000/events");
        env.put("LEAD_TOKEN_SECRET", "local-LeadTokenSecret-not-secret-0123456789abcdef");

        assertThat(CompositionRoot.redirector(env, Clock.systemUTC())).isNotNull();
    }

    @Test
    void buildsTheApiWithTheConfiguredKeysAndBaseUrl() {
        Map<String, String> env = new HashMap<>(CREDENTIALS);
        env.put("TABLE_NAME", "goalpost");
        env.put("API_KEY_HASHES", ApiKeys.hashOf("gp_local_dev_key"));
        env.put("PUBLIC_BASE_URL", "http://localhost:3000");
        env.put("EVENTS_QUEUE_URL", "http://127.0.0.1:9/000000000000/events");
        env.put("LEAD_TOKEN_SECRET", "local-LeadTokenSecret-not-secret-0123456789abcdef");
        env.put("EMAIL_HASH_KEY", "local-EmailHashKey-not-secret-0123456789abcdef");

        ApiDependencies api = CompositionRoot.api(env, Clock.systemUTC());

        assertThat(api.apiKeys().accepts("gp_local_dev_key")).isTrue();
        assertThat(api.publicBaseUrl()).isEqualTo("http://localhost:3000");
        assertThat(api.productStatistics()).isNotNull();
        assertThat(api.leads()).isNotNull();
    }

    @Test
    void refusesMalformedApiKeyHashesNamingTheVariable() {
        Map<String, String> env = new HashMap<>(CREDENTIALS);
        env.put("TABLE_NAME", "goalpost");
        env.put("API_KEY_HASHES", "gp_local_dev_key");

        assertThatThrownBy(() -> CompositionRoot.api(env, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("API_KEY_HASHES");
    }
}
