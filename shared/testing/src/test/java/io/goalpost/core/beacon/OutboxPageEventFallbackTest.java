package io.goalpost.core.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.OutboxFallback;
import io.goalpost.core.event.PageEvent;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.RecordingDropCounter;
import io.goalpost.testing.RecordingPageEventFallback;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The beacon's fail-open chain: queue, else outbox, else the last resort; the page is answered in every case. */
class OutboxPageEventFallbackTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
    private static final PageEventFields VIEW = new PageEventFields("page_view", "https://shop.example/", null,
            "Vq3mXkP9aZr2LdT8wYbN4c", null, "all", null, null, "k3Jd9aQm2ZpX7rT1vB8nYc");

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final RecordingPageEventFallback lastResort = new RecordingPageEventFallback();
    private final Beacon beacon = new Beacon(queue, new OutboxFallback<PageEvent>(outbox, lastResort::keep)::keep,
            new RecordingDropCounter(), userAgent -> false, new FixedIds(), Clock.fixed(NOW, ZoneOffset.UTC));

    private PageEvent accept() {
        BeaconResult result = beacon.receive(VIEW, null, "Mozilla/5.0");
        assertThat(result).isInstanceOf(BeaconResult.Accepted.class);
        return ((BeaconResult.Accepted) result).event();
    }

    @Test
    void touchesNeitherTheOutboxNorTheLastResortWhenTheQueueTakesTheEvent() {
        PageEvent event = accept();

        assertThat(queue.events()).containsExactly(event);
        assertThat(outbox.events()).isEmpty();
        assertThat(lastResort.kept()).isEmpty();
    }

    @Test
    void keepsTheEventInTheOutboxWhenTheQueueFails() {
        queue.failWith(new IllegalStateException("queue unreachable"));

        PageEvent event = accept();

        assertThat(outbox.events()).containsExactly(event);
        assertThat(lastResort.kept()).isEmpty();
    }

    @Test
    void handsTheEventToTheLastResortWhenTheOutboxFailsToo() {
        queue.failWith(new IllegalStateException("queue unreachable"));
        outbox.failWith(new IllegalStateException("table unreachable"));

        PageEvent event = accept();

        assertThat(lastResort.kept()).containsExactly(event);
    }
}
