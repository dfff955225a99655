package io.goalpost.functions.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.goalpost.aws.event.EventJson;
import io.goalpost.aws.event.LoggedClickFallback;
import io.goalpost.aws.click.CrawlerUserAgents;
import io.goalpost.core.click.ClickFallback;
import io.goalpost.core.click.ClickerKeys;
import io.goalpost.core.click.DailySalts;
import io.goalpost.core.click.UserAgents;
import io.goalpost.core.click.Redirector;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemorySaltStore;
import io.goalpost.testing.RecordingClickFallback;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The redirect handler over in-memory fakes, fed the sample events in events/. */
class RedirectHandlerTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";
    private static final String DESTINATION = "https://shop.example.com/spring?utm_source=goalpost";

    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final RecordingClickFallback fallback = new RecordingClickFallback();

    @BeforeEach
    void storeTheSampleLink() {
        links.create(new Link("spring-fb", "Spring sale on Facebook", DESTINATION, "facebook-ads", "spring-2025",
                Goal.purchase("prod_spring"), 14, false, Instant.parse("2025-04-01T09:00:00Z"), false));
        links.create(new Link("retired", "Old", "https://shop.example.com/old", "email", null, null, 30, false,
                Instant.parse("2025-01-01T00:00:00Z"), true));
    }

    private static final UserAgents BOTS = CrawlerUserAgents.load();

    private final InMemorySaltStore salts = new InMemorySaltStore();

    private RedirectHandler handler(ClickFallback fallback) {
        return new RedirectHandler(new Redirector(links, queue, fallback, new FixedIds().withClickIds(CLICK),
                Clock.fixed(NOW, ZoneOffset.UTC), BOTS, new ClickerKeys(new DailySalts(salts))));
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler(fallback).handleRequest(event, null);
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    private static APIGatewayV2HTTPEvent clickOn(String slug) {
        APIGatewayV2HTTPEvent event = sample("redirect-click.json");
        event.setPathParameters(Map.of("slug", slug));
        event.setRawPath("/l/" + slug);
        return event;
    }

    @Test
    void redirectsTheSampleClickWithItsQueryMergedAndOneFreshClickId() {
        APIGatewayV2HTTPResponse response = handle(sample("redirect-click.json"));

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders())
                .containsEntry("location", "https://shop.example.com/spring?utm_source=goalpost"
                        + "&utm_medium=paid-social&utm_campaign=spring&gp_cid=" + CLICK)
                .containsEntry("cache-control", "no-store");
    }

    @Test
    void putsTheSampleClickOnTheQueueWithTheVisitorIdFromItsCookie() {
        handle(sample("redirect-click.json"));

        assertThat(queue.events()).containsExactly(new ClickEvent("spring-fb", CLICK, "Vq3mXkP9aZr2LdT8wYbN4c", NOW));
    }

    @Test
    void redirectsALinkPreviewFetcherAndMarksItsClickAsABots() {
        APIGatewayV2HTTPResponse response = handle(sample("redirect-link-preview.json"));

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(queue.events()).singleElement().satisfies(event -> assertThat(((ClickEvent) event).bot()).isTrue());
    }

    @Test
    void hashesTheClickerFromTheSourceIpApiGatewaySawNotFromXForwardedFor() {
        APIGatewayV2HTTPEvent first = withoutVisitor();
        APIGatewayV2HTTPEvent forgedForwarding = withoutVisitor();
        forgedForwarding.getHeaders().put("x-forwarded-for", "192.0.2.99");
        APIGatewayV2HTTPEvent otherAddress = withoutVisitor();
        otherAddress.getRequestContext().getHttp().setSourceIp("198.51.100.7");

        handle(first);
        handle(forgedForwarding);
        handle(otherAddress);

        List<String> clickers = queue.events().stream().map(e -> ((ClickEvent) e).clicker()).toList();
        assertThat(clickers.get(0)).startsWith("h#").isEqualTo(clickers.get(1)).isNotEqualTo(clickers.get(2));
        assertThat(queue.events()).allSatisfy(e -> assertThat(((ClickEvent) e).bot()).isFalse());
    }

    @Test
    void countsAClickWithoutAUserAgentAsABots() {
        APIGatewayV2HTTPEvent event = withoutVisitor();
        event.getHeaders().remove("user-agent");

        handle(event);

        assertThat(queue.events()).singleElement().satisfies(e -> assertThat(((ClickEvent) e).bot()).isTrue());
    }

    private static APIGatewayV2HTTPEvent withoutVisitor() {
        APIGatewayV2HTTPEvent event = sample("redirect-click.json");
        event.setCookies(null);
        event.setHeaders(new HashMap<>(event.getHeaders()));
        return event;
    }

    @Test
    void setsNoCookieEver() {
        List<APIGatewayV2HTTPResponse> responses = List.of(
                handle(sample("redirect-click.json")), handle(sample("redirect-head.json")), handle(clickOn("nope")));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.getCookies()).isNullOrEmpty();
            assertThat(response.getHeaders().keySet()).noneMatch(name -> name.equalsIgnoreCase("set-cookie"));
            assertThat(response.getMultiValueHeaders()).isNull();
        });
    }

    @Test
    void answersTheSampleHeadWithTheSameRedirectAndRecordsNothing() {
        APIGatewayV2HTTPResponse response = handle(sample("redirect-head.json"));

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders()).containsEntry("location",
                "https://shop.example.com/spring?utm_source=goalpost&gp_cid=" + CLICK);
        assertThat(queue.events()).isEmpty();
        assertThat(fallback.kept()).isEmpty();
    }

    @Test
    void answersAnUnknownSlugWithAStaticPageThatEchoesNothing() {
        APIGatewayV2HTTPResponse response = handle(clickOn("<script>alert(1)</script>"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
                .doesNotContainKey("location");
        assertThat(response.getBody()).isEqualTo(NotFoundPage.HTML)
                .doesNotContain("<script>").doesNotContain("alert").doesNotContain("utm_");
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void answersAWellFormedUnknownSlugWithTheSamePage() {
        APIGatewayV2HTTPResponse response = handle(clickOn("nope"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo(NotFoundPage.HTML).doesNotContain("nope");
    }

    @Test
    void answersAnArchivedLinkWith404() {
        APIGatewayV2HTTPResponse response = handle(clickOn("retired"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void answersARequestWithoutPathParametersWith404() {
        APIGatewayV2HTTPEvent event = sample("redirect-click.json");
        event.setPathParameters(null);

        assertThat(handle(event).getStatusCode()).isEqualTo(404);
    }

    @Test
    void stillRedirectsWhenTheQueueFailsAndLogsTheClickWithoutTheIp() {
        queue.failWith(new IllegalStateException("queue unreachable"));
        List<String> logLines = new ArrayList<>();

        APIGatewayV2HTTPResponse response =
                handler(new LoggedClickFallback(new EventJson(), logLines::add)).handleRequest(sample("redirect-click.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders().get("location")).endsWith("&gp_cid=" + CLICK);
        assertThat(logLines).singleElement().asString()
                .contains("click_not_enqueued", "\"clickId\":\"" + CLICK + "\"")
                .doesNotContain("203.0.113.45");
    }

    @Test
    void ignoresAVisitorCookieNotShapedLikeAMintedId() {
        APIGatewayV2HTTPEvent event = sample("redirect-click.json");
        event.setCookies(List.of("gp_vid=<img src=x>"));

        handle(event);

        assertThat(queue.events()).singleElement().extracting(e -> ((ClickEvent) e).visitorId()).isNull();
    }
}
