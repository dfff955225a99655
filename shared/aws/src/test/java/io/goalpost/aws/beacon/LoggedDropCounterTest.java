package io.goalpost.aws.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.beacon.DropReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedDropCounterTest {

    private final List<String> lines = new ArrayList<>();
    private final LoggedDropCounter counter = new LoggedDropCounter(
            Clock.fixed(Instant.parse("2025-04-01T09:30:00Z"), ZoneOffset.UTC), lines::add);

    @Test
    void writesOneEmbeddedMetricLinePerDropWithTheReasonAsItsDimension() throws Exception {
        counter.count(DropReason.NO_CONSENT);

        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("message").asText()).isEqualTo("beacon_drop");
        assertThat(line.path("reason").asText()).isEqualTo("no_consent");
        assertThat(line.path("BeaconDrops").asInt()).isEqualTo(1);
        JsonNode metric = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1743499800000L);
        assertThat(metric.path("Namespace").asText()).isEqualTo("Goalpost");
        assertThat(metric.path("Dimensions").get(0).get(0).asText()).isEqualTo("reason");
        assertThat(metric.path("Metrics").get(0).path("Name").asText()).isEqualTo("BeaconDrops");
    }

    @Test
    void eachReasonHasItsOwnName() {
        for (DropReason reason : DropReason.values()) {
            counter.count(reason);
        }

        assertThat(lines).hasSize(5).anyMatch(l -> l.contains("\"reason\":\"invalid\""))
                .anyMatch(l -> l.contains("\"reason\":\"too_large\""))
                .anyMatch(l -> l.contains("\"reason\":\"unsupported_media_type\""))
                .anyMatch(l -> l.contains("\"reason\":\"no_consent\""))
                .anyMatch(l -> l.contains("\"reason\":\"bot\""));
    }

    @Test
    void aFailingLogNeverFailsTheRequest() {
        new LoggedDropCounter(Clock.systemUTC(), line -> {
            throw new IllegalStateException("stdout closed");
        }).count(DropReason.INVALID);
    }
}
