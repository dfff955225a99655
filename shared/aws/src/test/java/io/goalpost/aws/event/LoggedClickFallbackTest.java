package io.goalpost.aws.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.event.ClickEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedClickFallbackTest {

    @Test
    void logsTheRefusedClickAsOneJsonLineThatCanBeDecodedAgain() throws Exception {
        List<String> lines = new ArrayList<>();
        EventJson json = new EventJson();
        ClickEvent click = new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", null, Instant.parse("2025-04-01T09:30:00Z"));

        new LoggedClickFallback(json, lines::add).keep(click, new IllegalStateException("queue down\nsecond line"));

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n");
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("message").asText()).isEqualTo("click_not_enqueued");
        assertThat(line.get("cause").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.decode(line.get("event").toString())).isEqualTo(click);
    }
}
