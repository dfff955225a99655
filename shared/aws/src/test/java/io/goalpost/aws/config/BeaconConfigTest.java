package io.goalpost.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BeaconConfigTest {

    private static final String QUEUE = "http://127.0.0.1:9324/000000000000/events";

    @Test
    void readsTheQueueAndTheCookieDomainLowerCasedWithoutALeadingDot() {
        BeaconConfig config = BeaconConfig.from(Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", QUEUE, "COOKIE_DOMAIN", " .Example.COM "));

        assertThat(config).isEqualTo(new BeaconConfig("goalpost", QUEUE, "example.com"));
    }

    @Test
    void anEmptyOrMissingCookieDomainMeansAHostOnlyCookie() {
        assertThat(BeaconConfig.from(Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", QUEUE, "COOKIE_DOMAIN", "")).cookieDomain()).isEmpty();
        assertThat(BeaconConfig.from(Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", QUEUE)).cookieDomain()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com'; alert(1); '", "exa mple.com", "example.com/", "-example.com", "ex_ample.com"})
    void refusesACookieDomainThatIsNotADomainName(String domain) {
        assertThatThrownBy(() -> BeaconConfig.from(Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", QUEUE, "COOKIE_DOMAIN", domain)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("COOKIE_DOMAIN");
    }

    @Test
    void refusesAMissingQueueOrTable() {
        assertThatThrownBy(() -> BeaconConfig.from(Map.of("TABLE_NAME", "goalpost")))
                .hasMessageContaining("EVENTS_QUEUE_URL");
        assertThatThrownBy(() -> BeaconConfig.from(Map.of("EVENTS_QUEUE_URL", QUEUE))).hasMessageContaining("TABLE_NAME");
    }
}
