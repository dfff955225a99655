package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.Outbox;
import io.goalpost.core.event.TrackingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every Outbox must do. Extend it with an outbox to check (the in-memory fake and the
 * DynamoDB adapter both do), so the fake the unit tests lean on cannot drift from the real one.
 * The outbox must start empty for each test.
 */
public abstract class OutboxContract {

    private static final Instant T0 = Instant.parse("2025-04-01T09:30:00Z");

    /** The outbox under test, empty at the start of each test; return the same one within a test. */
    protected abstract Outbox outbox();

    @Test
    void givesNothingWhenNothingIsKept() {
        assertThat(outbox().oldest(10)).isEmpty();
    }

    @Test
    void givesBackAKeptClickExactlyAsItWas() {
        ClickEvent click = click(1, T0);
        ClickEvent anonymous = new ClickEvent("spring-fb", "ClickWithoutVisitor01", null, T0.plusSeconds(1));

        outbox().keep(click);
        outbox().keep(anonymous);

        assertThat(outbox().oldest(10)).containsExactly(click, anonymous);
    }

    @Test
    void givesBackAKeptOrderWithEveryField() {
        OrderEvent refund = new OrderEvent(OrderEvent.Kind.REFUND, "orders:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
                Instant.parse("2025-04-02T10:00:00.123456Z"), "order-1001", "pay_77", "prod_spring", 4900, "USD",
                TestEmailSeal.sealed("buyer@example.com", "orders:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"),
                "Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp5qRs");
        OrderEvent bareSale = new OrderEvent(OrderEvent.Kind.SALE, "orders:msg_bare", T0, "order-1002", null,
                "prod_spring", 0, "EUR", null, null, null);

        outbox().keep(refund);
        outbox().keep(bareSale);

        assertThat(outbox().oldest(10)).containsExactly(bareSale, refund);
    }

    @Test
    void keepsTheSameEventOnceHoweverOftenItIsKept() {
        ClickEvent click = click(1, T0);

        outbox().keep(click);
        outbox().keep(click);
        outbox().keep(click);

        assertThat(outbox().oldest(10)).containsExactly(click);
    }

    @Test
    void givesTheOldestFirstWhateverOrderTheyWereKeptIn() {
        List<TrackingEvent> byTime = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Sub-second times of different precision, so a key that sorts as text must still sort as time.
            byTime.add(click(i, T0.plusMillis(i * 250L).plusNanos(i % 3 == 0 ? 0 : 1000L * i)));
        }
        List<TrackingEvent> shuffled = new ArrayList<>(byTime);
        Collections.shuffle(shuffled, new java.util.Random(7));

        shuffled.forEach(outbox()::keep);

        assertThat(outbox().oldest(100)).containsExactlyElementsOf(byTime);
    }

    @Test
    void ordersEventsOfTheSameTimeByTheirIds() {
        ClickEvent b = new ClickEvent("spring-fb", "BBBBBBBBBBBBBBBBBBBB", null, T0);
        ClickEvent a = new ClickEvent("spring-fb", "AAAAAAAAAAAAAAAAAAAA", null, T0);

        outbox().keep(b);
        outbox().keep(a);

        assertThat(outbox().oldest(10)).containsExactly(a, b);
    }

    @Test
    void givesAtMostTheLimitAndThoseAreTheOldest() {
        for (int i = 9; i >= 0; i--) {
            outbox().keep(click(i, T0.plusSeconds(i)));
        }

        assertThat(outbox().oldest(3)).containsExactly(click(0, T0), click(1, T0.plusSeconds(1)),
                click(2, T0.plusSeconds(2)));
    }

    @Test
    void forgetsARemovedEventAndOnlyThatOne() {
        ClickEvent first = click(1, T0);
        ClickEvent second = click(2, T0.plusSeconds(1));
        outbox().keep(first);
        outbox().keep(second);

        outbox().remove(first);

        assertThat(outbox().oldest(10)).containsExactly(second);
    }

    @Test
    void removingAnEventThatIsNotKeptIsFine() {
        ClickEvent kept = click(1, T0);
        outbox().keep(kept);

        assertThatNoException().isThrownBy(() -> outbox().remove(click(2, T0)));

        assertThat(outbox().oldest(10)).containsExactly(kept);
    }

    @Test
    void keepsAnEventAgainAfterItWasRemoved() {
        ClickEvent click = click(1, T0);
        outbox().keep(click);
        outbox().remove(click);

        outbox().keep(click);

        assertThat(outbox().oldest(10)).containsExactly(click);
    }

    private static ClickEvent click(int n, Instant at) {
        return new ClickEvent("spring-fb", String.format("Click%015d", n), "Vq3mXkP9aZr2LdT8wYbN4c", at);
    }
}
