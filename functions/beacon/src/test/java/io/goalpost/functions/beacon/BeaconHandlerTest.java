package io.goalpost.functions.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.click.CrawlerUserAgents;
import io.goalpost.core.beacon.Beacon;
import io.goalpost.core.beacon.DropReason;
import io.goalpost.core.click.BotUserAgents;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.PageEvent.Consent;
import io.goalpost.core.event.PageEvent.Kind;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.RecordingDropCounter;
import io.goalpost.testing.RecordingPageEventFallback;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The beacon handler over in-memory fakes, fed the sample events in events/. */
class BeaconHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-04-01T09:30:00Z");
    private static final String VISITOR = "Vq3mXkP9aZr2LdT8wYbN4c";
    private static final String CLICK = "Ab3dEf6hIj9kLm2nOp5qRs";

    /** The list the redirect uses, loaded as the function loads it. */
    private static final BotUserAgents BOTS = CrawlerUserAgents.load();

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final RecordingPageEventFallback fallback = new RecordingPageEventFallback();
    private final RecordingDropCounter drops = new RecordingDropCounter();
    private final BeaconHandler handler = handler("example.com");

    private BeaconHandler handler(String cookieDomain) {
        return new BeaconHandler(new Beacon(queue, fallback, drops, BOTS, new FixedIds(), Clock.fixed(NOW, ZoneOffset.UTC)),
                cookieDomain);
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    private static APIGatewayV2HTTPEvent post(String contentType, String body) {
        APIGatewayV2HTTPEvent event = sample("beacon-page-view.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("content-type");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        event.setHeaders(headers);
        event.setCookies(null);
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent pixel(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = sample("beacon-pixel.json");
        event.setQueryStringParameters(query);
        return event;
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private PageEvent onlyEvent() {
        assertThat(queue.events()).hasSize(1);
        return (PageEvent) queue.events().get(0);
    }

    @Test
    void servesThePageScriptCachedForFiveMinutesWithTheCookieDomainWrittenIn() {
        APIGatewayV2HTTPResponse response = handle(sample("beacon-script.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("content-type", "application/javascript; charset=utf-8")
                .containsEntry("cache-control", "public, max-age=300")
                .containsEntry("x-content-type-options", "nosniff");
        assertThat(response.getBody()).contains("'example.com'").doesNotContain("__COOKIE_DOMAIN__");
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void thePageScriptIsAtMostOneAndAHalfKilobytesGzipped() {
        byte[] served = handle(sample("beacon-script.json")).getBody().getBytes(StandardCharsets.UTF_8);

        assertThat(ScriptSize.gzipped(served)).isLessThanOrEqualTo(1536);
    }

    @Test
    void theServedScriptIsTheReadableSourceWithoutCommentsBlankLinesOrIndentation() {
        String readable = PageScript.readable();
        String served = handler("").handleRequest(sample("beacon-script.json"), null).getBody();

        assertThat(readable).contains("// ").contains("\n  ");
        assertThat(served.lines()).noneMatch(line -> line.startsWith("//") || line.isBlank() || line.startsWith(" "));
        assertThat(served).contains("var domain = '';").contains("navigator.sendBeacon");
        assertThat(served.length()).isLessThan(readable.length());
    }

    @Test
    void acceptsTheSamplePageViewAndQueuesItWithIdsUnderConsentAll() {
        APIGatewayV2HTTPResponse response = handle(sample("beacon-page-view.json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEmpty();
        PageEvent event = onlyEvent();
        assertThat(event.kind()).isEqualTo(Kind.PAGE_VIEW);
        assertThat(event.consent()).isEqualTo(Consent.ALL);
        assertThat(event.visitorId()).isEqualTo(VISITOR);
        assertThat(event.clickId()).isEqualTo(CLICK);
        assertThat(event.url()).isEqualTo("https://www.shop.example/spring?utm_source=facebook&utm_campaign=spring");
        assertThat(event.referrer()).isEqualTo("https://www.facebook.com/");
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.eventId()).matches("p:[0-9a-f]{32}");
    }

    @Test
    void acceptsTheSamplePixelWithATransparentGifAndKeepsNoQueryButUtm() {
        APIGatewayV2HTTPResponse response = handle(sample("beacon-pixel.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "image/gif")
                .containsEntry("cache-control", "no-store");
        assertThat(response.getIsBase64Encoded()).isTrue();
        byte[] gif = Base64.getDecoder().decode(response.getBody());
        assertThat(new String(gif, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(new int[] {gif[6] | gif[7] << 8, gif[8] | gif[9] << 8}).as("width, height").containsExactly(1, 1);
        PageEvent event = onlyEvent();
        assertThat(event.kind()).isEqualTo(Kind.OPT_IN);
        assertThat(event.formId()).isEqualTo("newsletter");
        assertThat(event.consent()).isEqualTo(Consent.ESSENTIAL);
        assertThat(event.url()).isEqualTo("https://www.shop.example/thanks");
    }

    @Test
    void underEssentialConsentKeepsNeitherTheBodysNorTheCookiesVisitorIdButKeepsTheUrlsClickId() {
        APIGatewayV2HTTPEvent event = post("text/plain;charset=UTF-8", """
                {"type":"page_view","url":"https://shop.example/","consent":"essential",
                 "visitorId":"%s","clickId":"%s"}""".formatted(VISITOR, CLICK));
        event.setCookies(List.of("gp_vid=Zz9yXw8vUt7sRq6pOn5mLk"));

        assertThat(handle(event).getStatusCode()).isEqualTo(202);

        assertThat(onlyEvent().visitorId()).isNull();
        assertThat(onlyEvent().clickId()).isEqualTo(CLICK);
        assertThat(drops.counted()).containsExactly(DropReason.NO_CONSENT);
    }

    @Test
    void underConsentAllTheGpVidCookieIsTheVisitorWhenTheBodyNamesNone() {
        APIGatewayV2HTTPEvent event = post("application/json", """
                {"type":"checkout_view","url":"https://shop.example/checkout","consent":"all","productId":"course-101"}""");
        event.setCookies(List.of("theme=dark", "gp_vid=" + VISITOR));

        assertThat(handle(event).getStatusCode()).isEqualTo(202);

        assertThat(onlyEvent().visitorId()).isEqualTo(VISITOR);
        assertThat(onlyEvent().productId()).isEqualTo("course-101");
    }

    @Test
    void aBeaconCarryingAnEmailOrAConsentGrantChangesNothing() {
        String plain = """
                {"type":"opt_in","url":"https://shop.example/thanks","consent":"all","visitorId":"%s",
                 "formId":"newsletter","eventId":"k3Jd9aQm2ZpX7rT1vB8nYc"}""".formatted(VISITOR);
        String withLeadFields = """
                {"type":"opt_in","url":"https://shop.example/thanks","consent":"all","visitorId":"%s",
                 "formId":"newsletter","eventId":"k3Jd9aQm2ZpX7rT1vB8nYc","email":"ann@example.com",
                 "gdprConsent":true,"leadId":"lead_1","lead":{"email":"ann@example.com"}}""".formatted(VISITOR);

        handle(post("application/json", plain));
        handle(post("application/json", withLeadFields));

        assertThat(queue.events()).hasSize(2);
        assertThat(queue.events().get(1)).isEqualTo(queue.events().get(0));
        assertThat(queue.events().get(1).toString()).doesNotContain("ann@example.com", "lead");
    }

    @Test
    void aBodyOfExactly16KilobytesIsAccepted() {
        String start = "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"pad\":\"";
        String body = start + "x".repeat(16 * 1024 - start.length() - 2) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(16 * 1024);

        assertThat(handle(post("text/plain", body)).getStatusCode()).isEqualTo(202);
    }

    @Test
    void aBodyOneByteOver16KilobytesIs413() throws Exception {
        String start = "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"pad\":\"";
        String body = start + "x".repeat(16 * 1024 - start.length() - 1) + "\"}";

        APIGatewayV2HTTPResponse response = handle(post("text/plain", body));

        assertError(response, 413, "payload_too_large");
        assertThat(drops.counted()).containsExactly(DropReason.TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aBodyThatIsNeitherJsonNorPlainTextIs415(String contentType) throws Exception {
        APIGatewayV2HTTPResponse response = handle(post(contentType, "<event type=\"page_view\"/>"));

        assertError(response, 415, "unsupported_media_type");
        assertThat(drops.counted()).containsExactly(DropReason.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aBodyWithoutAContentTypeIs415() throws Exception {
        assertError(handle(post(null, "{\"type\":\"page_view\",\"url\":\"https://shop.example/\"}")), 415,
                "unsupported_media_type");
    }

    @Test
    void aBase64EncodedBodyIsDecodedFirst() {
        APIGatewayV2HTTPEvent event = post("text/plain", Base64.getEncoder().encodeToString(
                "{\"type\":\"page_view\",\"url\":\"https://shop.example/\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(handle(event).getStatusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{",
            "not json",
            "[]",
            "\"page_view\"",
            "null",
            "{\"type\":\"page_view\",\"url\":\"https://shop.example/\"} trailing",
            "{\"type\":\"page_view\",\"type\":\"opt_in\",\"url\":\"https://shop.example/\"}",
            "{\"type\":1,\"url\":\"https://shop.example/\"}",
            "{\"type\":[\"page_view\"],\"url\":\"https://shop.example/\"}",
            "{\"type\":\"page_view\",\"url\":{\"href\":\"https://shop.example/\"}}",
            "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"consent\":true}",
            "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"visitorId\":12345678901234567890}",
            "{\"type\":\"purchase\",\"url\":\"https://shop.example/\"}",
            "{\"type\":\"PAGE_VIEW\",\"url\":\"https://shop.example/\"}",
            "{\"url\":\"https://shop.example/\"}",
            "{\"type\":\"page_view\"}",
            "{\"type\":\"page_view\",\"url\":\"javascript:alert(document.cookie)\"}",
            "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"visitorId\":\"abc\"}",
            "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"clickId\":\"Ab3dEf6hIj9kLm2nOp5qRs-\"}",
            "{\"type\":\"opt_in\",\"url\":\"https://shop.example/\",\"formId\":\"news letter\"}",
            "{\"type\":\"checkout_view\",\"url\":\"https://shop.example/\",\"productId\":\"\"}",
            "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"eventId\":\"short\"}",
            "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"consent\":\"maybe\"}",
    })
    void aMalformedOrInvalidEventIs400WithAReasonAndNothingIsQueued(String body) throws Exception {
        APIGatewayV2HTTPResponse response = handle(post("application/json", body));

        assertError(response, 400, "bad_request");
        assertThat(queue.events()).isEmpty();
        assertThat(fallback.kept()).isEmpty();
        assertThat(drops.counted()).containsExactly(DropReason.INVALID);
    }

    @Test
    void thePixelAnswersInvalidInputWith400JsonNotAGif() throws Exception {
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(Map.of("type", "page_view", "url", "javascript:alert(1)"));
        queries.add(Map.of("type", "sale", "url", "https://shop.example/"));
        queries.add(Map.of("type", "page_view", "url", "https://shop.example/", "clickId", "x"));
        queries.add(Map.of());
        queries.add(null);

        for (Map<String, String> query : queries) {
            assertError(handle(pixel(query)), 400, "bad_request");
        }
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void thePixelTakesTheSameFieldsAsTheBody() {
        APIGatewayV2HTTPEvent event = pixel(Map.of("type", "page_view", "url", "https://shop.example/a?utm_source=x&q=1",
                "consent", "all", "clickId", CLICK, "eventId", "k3Jd9aQm2ZpX7rT1vB8nYc"));
        event.setCookies(List.of("gp_vid=" + VISITOR));

        assertThat(handle(event).getStatusCode()).isEqualTo(200);

        assertThat(onlyEvent().visitorId()).isEqualTo(VISITOR);
        assertThat(onlyEvent().clickId()).isEqualTo(CLICK);
        assertThat(onlyEvent().url()).isEqualTo("https://shop.example/a?utm_source=x");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36",
            ""})
    void aPageEventFromABotIsAnswered202AsUsualButDroppedAsABotAndNeverQueued(String userAgent) {
        APIGatewayV2HTTPEvent event = sample("beacon-page-view.json");
        event.setHeaders(withUserAgent(event.getHeaders(), userAgent));

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEmpty();
        assertThat(queue.events()).isEmpty();
        assertThat(fallback.kept()).isEmpty();
        assertThat(drops.counted()).containsExactly(DropReason.BOT);
    }

    @Test
    void aPixelLoadedByABotStillGetsTheGifButNothingIsQueued() {
        APIGatewayV2HTTPEvent event = sample("beacon-pixel.json");
        event.setHeaders(withUserAgent(event.getHeaders(), "TelegramBot (like TwitterBot)"));

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "image/gif");
        assertThat(queue.events()).isEmpty();
        assertThat(drops.counted()).containsExactly(DropReason.BOT);
    }

    private static Map<String, String> withUserAgent(Map<String, String> headers, String userAgent) {
        Map<String, String> changed = new HashMap<>(headers);
        changed.keySet().removeIf(name -> name.equalsIgnoreCase("user-agent"));
        if (!userAgent.isEmpty()) {
            changed.put("user-agent", userAgent);
        }
        return changed;
    }

    @Test
    void aQueueFailureStillAnswers202AndHandsTheEventToTheFallback() {
        queue.failWith(new IllegalStateException("queue down"));

        assertThat(handle(sample("beacon-page-view.json")).getStatusCode()).isEqualTo(202);
        assertThat(fallback.kept()).hasSize(1);
    }

    @Test
    void anUnknownRouteIs404() throws Exception {
        APIGatewayV2HTTPEvent event = sample("beacon-script.json");
        event.setRouteKey("GET /x.js");

        assertError(handle(event), 404, "not_found");
    }

    @Test
    void setsNoCookieAndNoCorsHeadersItself() {
        List<APIGatewayV2HTTPResponse> responses = List.of(handle(sample("beacon-script.json")),
                handle(sample("beacon-page-view.json")), handle(sample("beacon-pixel.json")),
                handle(post("application/xml", "<x/>")));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.getCookies()).isNullOrEmpty();
            assertThat(response.getHeaders().keySet())
                    .noneMatch(name -> name.equalsIgnoreCase("set-cookie") || name.toLowerCase().startsWith("access-control-"));
        });
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode error = JSON.readTree(response.getBody());
        assertThat(error.path("error").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
    }
}
