package io.goalpost.core.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.ClickRequest.Method;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkPosition;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.LinkUpdate;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemorySaltStore;
import io.goalpost.testing.RecordingClickFallback;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class RedirectorTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
    private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
    private static final String IP = "203.0.113.45";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
    private static final UserAgents BOT_WHEN_NAMED_BOT = userAgent -> userAgent == null || userAgent.contains("Bot");

    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final RecordingClickFallback fallback = new RecordingClickFallback();
    private final InMemorySaltStore salts = new InMemorySaltStore();
    private final Redirector redirector = redirector(Clock.fixed(NOW, ZoneOffset.UTC), new FixedIds().withClickIds(CLICK));

    private Redirector redirector(Clock clock, FixedIds ids) {
        return new Redirector(store, queue, fallback, ids, clock, BOT_WHEN_NAMED_BOT,
                new ClickerKeys(new DailySalts(salts)));
    }

    @BeforeEach
    void storeLinks() {
        store.create(link("spring", "https://shop.example.com/spring?utm_source=goalpost", false));
        store.create(link("old", "https://shop.example.com/old", true));
    }

    private static Link link(String slug, String destination, boolean archived) {
        return new Link(slug, "Link", destination, "ads", null, Goal.purchase(null), 30, false, NOW, archived);
    }

    private static ClickRequest get(String slug, String query, String visitorCookie) {
        return new ClickRequest(slug, query, visitorCookie, Method.GET, IP, BROWSER);
    }

    private static ClickRequest from(String ip, String userAgent) {
        return new ClickRequest("spring", null, null, Method.GET, ip, userAgent);
    }

    private List<ClickEvent> clicks() {
        return queue.events().stream().map(ClickEvent.class::cast).toList();
    }

    @Test
    void sendsAGetToTheDestinationWithTheQueryMergedAndAFreshClickId() {
        Redirect redirect = redirector.follow(get("spring", "utm_source=fb&utm_medium=cpc&gp_cid=old", null));

        assertThat(redirect).isEqualTo(Redirect.to(
                "https://shop.example.com/spring?utm_source=goalpost&utm_medium=cpc&gp_cid=" + CLICK));
    }

    @Test
    void putsAPersonsClickOnTheQueueWithItsReceiptTimeAndTheVisitorAsItsClicker() {
        redirector.follow(get("spring", "", VISITOR));

        assertThat(queue.events()).containsExactly(
                new ClickEvent("spring", CLICK, VISITOR, NOW, false, "vid#" + VISITOR));
    }

    @Test
    void recordsNothingForAHeadButAnswersTheSameWay() {
        Redirect redirect = redirector.follow(new ClickRequest("spring", "a=1", VISITOR, Method.HEAD, IP, BROWSER));

        assertThat(redirect).isEqualTo(Redirect.to("https://shop.example.com/spring?utm_source=goalpost&a=1&gp_cid=" + CLICK));
        assertThat(queue.events()).isEmpty();
        assertThat(fallback.kept()).isEmpty();
    }

    @Test
    void passesOnOnlyAVisitorCookieShapedLikeAMintedId() {
        redirector.follow(get("spring", null, "short"));
        redirector.follow(get("spring", null, "Vq3mXkP9aZr2LdT8wYbN4c<script>"));

        assertThat(clicks()).extracting(ClickEvent::visitorId).containsOnlyNulls();
        assertThat(clicks()).extracting(ClickEvent::clicker).allSatisfy(clicker -> assertThat(clicker).startsWith("h#"));
    }

    // ---- bots ------------------------------------------------------------------------------

    @Test
    void marksABotsClickAsABotAndStillRedirectsIt() {
        Redirect redirect = redirector.follow(new ClickRequest("spring", null, VISITOR, Method.GET, IP, "PreviewBot/1.0"));

        assertThat(redirect).isInstanceOf(Redirect.To.class);
        assertThat(queue.events()).containsExactly(new ClickEvent("spring", CLICK, VISITOR, NOW, true, "cid#" + CLICK));
        assertThat(salts.reads()).as("a bot's clicker is never worked out").isZero();
    }

    @Test
    void asksTheUserAgentsAboutAMissingUserAgentToo() {
        redirector.follow(from(IP, null));

        assertThat(clicks()).singleElement().extracting(ClickEvent::bot).isEqualTo(true);
    }

    // ---- clickers --------------------------------------------------------------------------

    @Test
    void givesOnePersonOneClickerKeyAllDayAndTwoPeopleTwo() {
        Redirector sameDay = redirector(Clock.fixed(NOW, ZoneOffset.UTC), new FixedIds());

        sameDay.follow(from(IP, BROWSER));
        sameDay.follow(from(IP, BROWSER));
        sameDay.follow(from("198.51.100.7", BROWSER));
        sameDay.follow(from(IP, BROWSER + " Edg/124.0"));

        List<String> keys = clicks().stream().map(ClickEvent::clicker).toList();
        assertThat(keys.get(0)).startsWith("h#").isEqualTo(keys.get(1));
        assertThat(keys.subList(1, 4)).as("another IP, another browser: other people").doesNotHaveDuplicates();
        assertThat(salts.reads()).as("the day's salt is read once, then kept in memory").isEqualTo(1);
    }

    @Test
    void hashesTheSamePersonToAnotherKeyTheNextDay() {
        redirector(Clock.fixed(NOW, ZoneOffset.UTC), new FixedIds()).follow(from(IP, BROWSER));
        redirector(Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC), new FixedIds()).follow(from(IP, BROWSER));

        assertThat(clicks()).extracting(ClickEvent::clicker).doesNotHaveDuplicates();
    }

    @Test
    void sendsNeitherTheIpNorTheUserAgentButTheirHmacUnderTheDaysSalt() throws Exception {
        redirector.follow(from(IP, BROWSER));

        ClickEvent click = clicks().get(0);
        assertThat(click.toString()).doesNotContain(IP, BROWSER, "Firefox");
        assertThat(from(IP, BROWSER).toString()).doesNotContain(IP, "Firefox");
        assertThat(click.clicker()).isEqualTo("h#" + hmacSha256Base64Url(salts.current().orElseThrow().bytes(),
                IP + "|" + BROWSER));
    }

    private static String hmacSha256Base64Url(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void makesTheClickItsOwnClickerAndStillRedirectsWhenTheSaltCannotBeHad() {
        salts.failWith(new IllegalStateException("table unreachable"));

        Redirect redirect = redirector.follow(from(IP, BROWSER));

        assertThat(redirect).isInstanceOf(Redirect.To.class);
        assertThat(queue.events()).containsExactly(new ClickEvent("spring", CLICK, null, NOW, false, "cid#" + CLICK));
    }

    // ---- not found -------------------------------------------------------------------------

    @Test
    void findsNothingForAnUnknownSlug() {
        assertThat(redirector.follow(get("nope", null, null))).isEqualTo(Redirect.notFound());
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void findsNothingForAnArchivedLink() {
        assertThat(redirector.follow(get("old", null, null))).isEqualTo(Redirect.notFound());
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void treatsSlugsAsCaseSensitive() {
        assertThat(redirector.follow(get("Spring", null, null))).isEqualTo(Redirect.notFound());
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

            @Override
            public List<Link> newestFirst(int count, LinkPosition after) {
                throw new AssertionError("not called");
            }

            @Override
            public Optional<Link> update(String slug, LinkUpdate update) {
                throw new AssertionError("not called");
            }

            @Override
            public boolean archive(String slug) {
                throw new AssertionError("not called");
            }
        }, queue, fallback, new FixedIds(), Clock.systemUTC(), BOT_WHEN_NAMED_BOT, new ClickerKeys(new DailySalts(salts)));

        assertThat(withExplodingStore.follow(get("<script>" + "x".repeat(3000), null, null)))
                .isEqualTo(Redirect.notFound());
    }

    @Test
    void stillRedirectsAndKeepsTheClickWhenTheQueueFails() {
        queue.failWith(new IllegalStateException("queue unreachable"));

        Redirect redirect = redirector.follow(get("spring", null, VISITOR));

        assertThat(redirect).isInstanceOf(Redirect.To.class);
        assertThat(fallback.kept()).containsExactly(new ClickEvent("spring", CLICK, VISITOR, NOW, false, "vid#" + VISITOR));
    }
}
