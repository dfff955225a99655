package io.goalpost.aws.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.PageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedPageEventFallbackTest {

    @Test
    void logsOneLineWithTheKindAndCauseAndNoIdOrUrl() {
        List<String> lines = new ArrayList<>();
        PageEvent event = new PageEvent(PageEvent.Kind.OPT_IN, "p:0123456789abcdef0123456789abcdef",
                Instant.parse("2025-04-01T09:30:00Z"), "https://shop.example/thanks", "https://www.facebook.com/",
                PageEvent.Consent.ALL, "Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp5qRs", "newsletter", null);

        new LoggedPageEventFallback(lines::add).keep(event, new IllegalStateException("queue down"));

        assertThat(lines).singleElement().asString()
                .contains("\"message\":\"page_event_not_enqueued\"", "\"kind\":\"opt_in\"",
                        "\"cause\":\"java.lang.IllegalStateException\"")
                .doesNotContain("Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp5qRs", "p:0123", "shop.example",
                        "facebook", "newsletter");
    }
}
