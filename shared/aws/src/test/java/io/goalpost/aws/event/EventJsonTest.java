package io.goalpost.aws.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.event.ClickEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final EventJson json = new EventJson();
    private final ClickEvent click =
            new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", "Vq3mXkP9aZr2LdT8wYbN4c", Instant.parse("2025-04-01T09:30:00.123Z"));

    @Test
    void writesAClickWithVersionTypeIdAndEventTime() {
        assertThat(json.encode(click)).isEqualTo("{\"v\":1,\"type\":\"click\",\"eventId\":\"Ab3dEf6hIj9kLm2nOp5qRs\","
                + "\"occurredAt\":\"2025-04-01T09:30:00.123Z\",\"slug\":\"spring\",\"clickId\":\"Ab3dEf6hIj9kLm2nOp5qRs\","
                + "\"visitorId\":\"Vq3mXkP9aZr2LdT8wYbN4c\"}");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(json.decode(json.encode(click))).isEqualTo(click);
    }

    @Test
    void leavesOutAMissingVisitorIdAndReadsItBackAsNone() {
        ClickEvent anonymous = new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", null, Instant.parse("2025-04-01T09:30:00Z"));

        assertThat(json.encode(anonymous)).doesNotContain("visitorId");
        assertThat(json.decode(json.encode(anonymous))).isEqualTo(anonymous);
    }

    @Test
    void refusesAnEventOfAnUnknownTypeOrVersion() {
        assertThatThrownBy(() -> json.decode(json.encode(click).replace("\"v\":1", "\"v\":2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode(json.encode(click).replace("\"click\"", "\"sale\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMessageThatIsNotAnEvent() {
        assertThatThrownBy(() -> json.decode("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode("{\"v\":1,\"type\":\"click\",\"slug\":\"s\",\"clickId\":\"c\",\"occurredAt\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.decode("{\"v\":1,\"type\":\"click\",\"clickId\":\"c\",\"occurredAt\":\"2025-04-01T09:30:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
    }
}
