package io.goalpost.core.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.ClickRequest.Method;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OutboxFallback;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.InMemorySaltStore;
import io.goalpost.testing.RecordingClickFallback;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redirect's fail-open chain: queue, else outbox, else the last resort; the visitor is redirected in every case. */
class OutboxClickFallbackTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
    private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
    private static final ClickEvent THE_CLICK = new ClickEvent("spring", CLICK, VISITOR, NOW);

    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final RecordingClickFallback lastResort = new RecordingClickFallback();
    private final Redirector redirector = new Redirector(links, queue, new OutboxFallback<ClickEvent>(outbox, lastResort::keep)::keep,
            new FixedIds().withClickIds(CLICK), Clock.fixed(NOW, ZoneOffset.UTC), userAgent -> false,
            new ClickerKeys(new DailySalts(new InMemorySaltStore())));

    @BeforeEach
    void storeALink() {
        links.create(new Link("spring", "Spring", "https://shop.example.com/spring", "ads", null, Goal.purchase(null),
                30, false, NOW, false));
    }

    private Redirect follow() {
        return redirector.follow(new ClickRequest("spring", null, VISITOR, Method.GET, "203.0.113.45", "Firefox"));
    }

    @Test
    void touchesNeitherTheOutboxNorTheLastResortWhenTheQueueTakesTheClick() {
        Redirect redirect = follow();

        assertThat(redirect).isEqualTo(Redirect.to("https://shop.example.com/spring?gp_cid=" + CLICK));
        assertThat(queue.events()).containsExactly(THE_CLICK);
        assertThat(outbox.events()).isEmpty();
        assertThat(lastResort.kept()).isEmpty();
    }

    @Test
    void keepsTheClickInTheOutboxAndStillRedirectsWhenTheQueueFails() {
        queue.failWith(new IllegalStateException("queue unreachable"));

        Redirect redirect = follow();

        assertThat(redirect).isEqualTo(Redirect.to("https://shop.example.com/spring?gp_cid=" + CLICK));
        assertThat(outbox.events()).containsExactly(THE_CLICK);
        assertThat(lastResort.kept()).isEmpty();
    }

    @Test
    void handsTheClickToTheLastResortAndStillRedirectsWhenTheOutboxFailsToo() {
        queue.failWith(new IllegalStateException("queue unreachable"));
        outbox.failWith(new IllegalStateException("table unreachable"));

        Redirect redirect = follow();

        assertThat(redirect).isEqualTo(Redirect.to("https://shop.example.com/spring?gp_cid=" + CLICK));
        assertThat(lastResort.kept()).containsExactly(THE_CLICK);
    }

    @Test
    void givesTheLastResortTheOutboxsFailureAsTheReason() {
        IllegalStateException tableDown = new IllegalStateException("table unreachable");
        RuntimeException[] reason = new RuntimeException[1];
        outbox.failWith(tableDown);

        new OutboxFallback<ClickEvent>(outbox, (click, failure) -> reason[0] = failure)
                .keep(THE_CLICK, new IllegalStateException("queue unreachable"));

        assertThat(reason[0]).isSameAs(tableDown);
    }
}
