package io.goalpost.core.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.ClickRequest.Method;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.RecordingClickFallback;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class RedirectorTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
    private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";

    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final RecordingClickFallback fallback = new RecordingClickFallback();
    private final Redirector redirector =
            new Redirector(store, queue, fallback, new FixedIds().withClickIds(CLICK), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void storeLinks() {
        store.create(link("spring", "https://shop.example.com/spring?utm_source=goalpost", false));
        store.create(link("old", "https://shop.example.com/old", true));
    }

    private static Link link(String slug, String destination, boolean archived) {
        return new Link(slug, "Link", destination, "ads", null, Goal.purchase(null), 30, false, NOW, archived);
    }

    @Test
    void sendsAGetToTheDestinationWithTheQueryMergedAndAFreshClickId() {
        Redirect redirect = redirector.follow(new ClickRequest("spring", "utm_source=fb&utm_medium=cpc&gp_cid=old", null, Method.GET));

        assertThat(redirect).isEqualTo(Redirect.to(
                "https://shop.example.com/spring?utm_source=goalpost&utm_medium=cpc&gp_cid=" + CLICK));
    }

    @Test
    void putsTheClickOnTheQueueWithItsReceiptTime() {
        redirector.follow(new ClickRequest("spring", "", VISITOR, Method.GET));

        assertThat(queue.events()).containsExactly(new ClickEvent("spring", CLICK, VISITOR, NOW));
    }

    @Test
    void recordsNothingForAHeadButAnswersTheSameWay() {
        Redirect redirect = redirector.follow(new ClickRequest("spring", "a=1", VISITOR, Method.HEAD));

        assertThat(redirect).isEqualTo(Redirect.to("https://shop.example.com/spring?utm_source=goalpost&a=1&gp_cid=" + CLICK));
        assertThat(queue.events()).isEmpty();
        assertThat(fallback.kept()).isEmpty();
    }

    @Test
    void passesOnOnlyAVisitorCookieShapedLikeAMintedId() {
        redirector.follow(new ClickRequest("spring", null, "short", Method.GET));
        redirector.follow(new ClickRequest("spring", null, "Vq3mXkP9aZr2LdT8wYbN4c<script>", Method.GET));

        assertThat(queue.events()).extracting(event -> ((ClickEvent) event).visitorId()).containsOnlyNulls();
    }

    @Test
    void findsNothingForAnUnknownSlug() {
        assertThat(redirector.follow(new ClickRequest("nope", null, null, Method.GET))).isEqualTo(Redirect.notFound());
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void findsNothingForAnArchivedLink() {
        assertThat(redirector.follow(new ClickRequest("old", null, null, Method.GET))).isEqualTo(Redirect.notFound());
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void treatsSlugsAsCaseSensitive() {
        assertThat(redirector.follow(new ClickRequest("Spring", null, null, Method.GET))).isEqualTo(Redirect.notFound());
    }

    @Test
    void findsNothingForAMalformedSlugWithoutAskingTheStore() {
        Redirector withExplodingStore = new Redirector(new LinkStore() {
            @Override
            public boolean create(Link link) {
                throw new AssertionError("not called");
            }

            @Override
            public Optional<Link> find(String slug) {
                throw new AssertionError("a malformed slug reached the store: " + slug);
            }
        }, queue, fallback, new FixedIds(), Clock.systemUTC());

        assertThat(withExplodingStore.follow(new ClickRequest("<script>" + "x".repeat(3000), null, null, Method.GET)))
                .isEqualTo(Redirect.notFound());
    }

    @Test
    void stillRedirectsAndKeepsTheClickWhenTheQueueFails() {
        queue.failWith(new IllegalStateException("queue unreachable"));

        Redirect redirect = redirector.follow(new ClickRequest("spring", null, VISITOR, Method.GET));

        assertThat(redirect).isInstanceOf(Redirect.To.class);
        assertThat(fallback.kept()).containsExactly(new ClickEvent("spring", CLICK, VISITOR, NOW));
    }
}
