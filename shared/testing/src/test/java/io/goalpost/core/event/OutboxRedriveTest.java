package io.goalpost.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class OutboxRedriveTest {

    private static final Instant T0 = Instant.parse("2025-04-01T09:30:00Z");

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryEventQueue queue = new InMemoryEventQueue();

    private static ClickEvent click(int n) {
        return new ClickEvent("spring-fb", String.format("Click%015d", n), null, T0.plusSeconds(n));
    }

    @Test
    void movesEveryKeptEventOntoTheQueueOldestFirstAndEmptiesTheOutbox() {
        outbox.keep(click(2));
        outbox.keep(click(1));

        int moved = new OutboxRedrive(outbox, queue).redrive();

        assertThat(moved).isEqualTo(2);
        assertThat(queue.events()).containsExactly(click(1), click(2));
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void movesNothingAndSaysSoWhenTheOutboxIsEmpty() {
        assertThat(new OutboxRedrive(outbox, queue).redrive()).isZero();
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void movesNothingTwice() {
        outbox.keep(click(1));
        OutboxRedrive redrive = new OutboxRedrive(outbox, queue);

        redrive.redrive();
        int second = redrive.redrive();

        assertThat(second).isZero();
        assertThat(queue.events()).containsExactly(click(1));
    }

    @Test
    void leavesEverythingInTheOutboxWhileTheQueueIsDown() {
        outbox.keep(click(1));
        outbox.keep(click(2));
        queue.failWith(new IllegalStateException("queue unreachable"));

        int moved = new OutboxRedrive(outbox, queue).redrive();

        assertThat(moved).isZero();
        assertThat(outbox.events()).containsExactly(click(1), click(2));
    }

    @Test
    void stopsAtTheFirstRefusedPublishAndKeepsThatEventAndTheRest() {
        for (int n = 1; n <= 5; n++) {
            outbox.keep(click(n));
        }
        List<TrackingEvent> published = new ArrayList<>();
        List<TrackingEvent> attempted = new ArrayList<>();
        EventQueue dyingQueue = event -> {
            attempted.add(event);
            if (published.size() == 2) {
                throw new IllegalStateException("queue went away");
            }
            published.add(event);
        };

        int moved = new OutboxRedrive(outbox, dyingQueue).redrive();

        assertThat(moved).isEqualTo(2);
        assertThat(published).containsExactly(click(1), click(2));
        assertThat(attempted).as("no publish after the first failure").hasSize(3);
        assertThat(outbox.events()).containsExactly(click(3), click(4), click(5));
    }

    @Test
    void movesAtMostOneBatchPerPassAndTheRestOnTheNext() {
        for (int n = 1; n <= 5; n++) {
            outbox.keep(click(n));
        }
        OutboxRedrive redrive = new OutboxRedrive(outbox, queue, 2);

        assertThat(redrive.redrive()).isEqualTo(2);
        assertThat(outbox.events()).hasSize(3);
        assertThat(redrive.redrive()).isEqualTo(2);
        assertThat(redrive.redrive()).isEqualTo(1);
        assertThat(queue.events()).containsExactly(click(1), click(2), click(3), click(4), click(5));
    }

    @Test
    void publishesBeforeRemovingSoAFailedRemoveOnlyMeansASecondHarmlessPublish() {
        outbox.keep(click(1));
        List<String> steps = new ArrayList<>();
        Outbox failingRemove = new Outbox() {
            @Override
            public void keep(TrackingEvent event) {
                outbox.keep(event);
            }

            @Override
            public List<TrackingEvent> oldest(int limit) {
                return outbox.oldest(limit);
            }

            @Override
            public void remove(TrackingEvent event) {
                steps.add("remove " + event.eventId());
                throw new IllegalStateException("table went away");
            }
        };
        EventQueue recording = event -> steps.add("publish " + event.eventId());

        assertThatThrownBy(() -> new OutboxRedrive(failingRemove, recording).redrive())
                .isInstanceOf(IllegalStateException.class);

        assertThat(steps).containsExactly("publish " + click(1).eventId(), "remove " + click(1).eventId());
        assertThat(outbox.events()).containsExactly(click(1));
        assertThat(new OutboxRedrive(outbox, queue).redrive()).isEqualTo(1);
        assertThat(outbox.events()).isEmpty();
    }

    @Test
    void refusesABatchOfLessThanOne() {
        assertThatThrownBy(() -> new OutboxRedrive(outbox, queue, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
