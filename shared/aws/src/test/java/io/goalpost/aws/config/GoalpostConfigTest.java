package io.goalpost.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalpostConfigTest {

    @Test
    void readsWhatTheRedirectNeeds() {
        GoalpostConfig.Redirect config = GoalpostConfig.redirect(Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", "http://q/1"));

        assertThat(config).isEqualTo(new GoalpostConfig.Redirect("goalpost", "http://q/1"));
    }

    @Test
    void namesTheMissingVariable() {
        assertThatThrownBy(() -> GoalpostConfig.redirect(Map.of("TABLE_NAME", "goalpost")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EVENTS_QUEUE_URL");
        assertThatThrownBy(() -> GoalpostConfig.api(Map.of("TABLE_NAME", "goalpost", "API_KEY_HASHES", " ")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("API_KEY_HASHES");
        assertThatThrownBy(() -> GoalpostConfig.api(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TABLE_NAME");
    }

    @Test
    void takesTheApisPublicBaseUrlWithoutTrailingSlash() {
        GoalpostConfig.Api config = GoalpostConfig.api(
                Map.of("TABLE_NAME", "t", "API_KEY_HASHES", "h", "PUBLIC_BASE_URL", "https://go.example.com/"));

        assertThat(config.publicBaseUrl()).isEqualTo("https://go.example.com");
    }

    @Test
    void leavesThePublicBaseUrlEmptyWhenUnsetOrEmpty() {
        assertThat(GoalpostConfig.api(Map.of("TABLE_NAME", "t", "API_KEY_HASHES", "h")).publicBaseUrl()).isEmpty();
        assertThat(GoalpostConfig.api(Map.of("TABLE_NAME", "t", "API_KEY_HASHES", "h", "PUBLIC_BASE_URL", "")).publicBaseUrl())
                .isEmpty();
    }

    @Test
    void refusesAPublicBaseUrlThatIsNotAWebUrl() {
        assertThatThrownBy(() -> GoalpostConfig.api(
                Map.of("TABLE_NAME", "t", "API_KEY_HASHES", "h", "PUBLIC_BASE_URL", "go.example.com")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PUBLIC_BASE_URL");
    }
}
