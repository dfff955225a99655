package io.goalpost.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.wiring.ApiDependencies;
import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.testing.InMemoryProductCatalog;
import io.goalpost.core.stats.LinkStatistics;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.InMemoryLinkStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/links, PATCH and DELETE /api/links/{slug}, GET /api/channels over fakes, fed the samples in events/. */
class LinkManagementRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final InMemoryCounterStore counters = new InMemoryCounterStore();
    private final ApiHandler handler;

    LinkManagementRoutesTest() {
        Links links = new Links(store, new FixedIds(), CLOCK);
        handler = new ApiHandler(new ApiDependencies(links, new LinkStatistics(links, counters, CLOCK),
                new ChannelStatistics(links, counters, CLOCK), ApiKeys.fromHashes(ApiKeys.hashOf("gp_local_dev_key")),
                "https://go.example.com", new ProductStatistics(new InMemoryProductCatalog(), counters, CLOCK)));
    }

    @BeforeEach
    void storeTheSampleLink() {
        store.create(new Link("spring-fb", "Spring sale on Facebook", "https://shop.example.com/spring", "facebook-ads",
                "spring-2025", Goal.purchase("prod_spring"), 14, false, Instant.parse("2025-03-01T10:00:00Z"), false));
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    private static APIGatewayV2HTTPEvent list(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = sample("api-list-links.json");
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return event;
    }

    private static APIGatewayV2HTTPEvent change(String slug, String body) {
        APIGatewayV2HTTPEvent event = sample("api-change-link.json");
        event.setPathParameters(Map.of("slug", slug));
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent archive(String slug) {
        APIGatewayV2HTTPEvent event = sample("api-archive-link.json");
        event.setPathParameters(Map.of("slug", slug));
        return event;
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String messagePart)
            throws IOException {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(body(response).path("error").asText()).isEqualTo(code);
        assertThat(body(response).path("message").asText()).contains(messagePart);
    }

    // ---- list -------------------------------------------------------------------------------

    @Test
    void listsTheSampleRequestsLinksWithTheirUrlsAndNoNextCursorOnTheLastPage() throws Exception {
        APIGatewayV2HTTPResponse response = handle(sample("api-list-links.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode page = body(response);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").path(0).path("slug").asText()).isEqualTo("spring-fb");
        assertThat(page.path("items").path(0).path("url").asText()).isEqualTo("https://go.example.com/l/spring-fb");
        assertThat(page.has("nextCursor")).isTrue();
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesWithTheCursorItGaveOut() throws Exception {
        for (int i = 0; i < 3; i++) {
            store.create(new Link("new-" + i, "New", "https://shop.example.com/", "email", null, null, 30, false,
                    Instant.parse("2025-03-31T00:00:00Z").plusSeconds(i), false));
        }

        JsonNode first = body(handle(list(Map.of("limit", "3"))));
        JsonNode second = body(handle(list(Map.of("limit", "3", "cursor", first.path("nextCursor").asText()))));

        assertThat(first.path("items").findValuesAsText("slug")).containsExactly("new-2", "new-1", "new-0");
        assertThat(second.path("items").findValuesAsText("slug")).containsExactly("spring-fb");
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"limit,0,limit", "limit,101,limit", "limit,ten,limit", "cursor,bm90IG91cnM,cursor", "cursor,%%%,cursor"})
    void refusesABadLimitOrCursorWith400(String name, String value, String named) throws Exception {
        assertError(handle(list(Map.of(name, value))), 400, "bad_request", named);
    }

    // ---- change -----------------------------------------------------------------------------

    @Test
    void changesTheSampleLinksNameChannelAndCampaignAndAnswersTheLink() throws Exception {
        APIGatewayV2HTTPResponse response = handle(sample("api-change-link.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode link = body(response);
        assertThat(link.path("name").asText()).isEqualTo("Spring sale on Facebook (carousel)");
        assertThat(link.path("campaign").asText()).isEqualTo("spring-2025-carousel");
        assertThat(link.path("destination").asText()).isEqualTo("https://shop.example.com/spring");
        assertThat(link.path("goal").path("productId").asText()).isEqualTo("prod_spring");
        assertThat(store.find("spring-fb").orElseThrow().name()).isEqualTo("Spring sale on Facebook (carousel)");
    }

    @Test
    void removesTheCampaignWhenItIsSentAsNull() throws Exception {
        APIGatewayV2HTTPResponse response = handle(change("spring-fb", "{\"campaign\": null}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).path("campaign").isNull()).isTrue();
        assertThat(store.find("spring-fb").orElseThrow().campaign()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"goal", "attributionWindowDays", "countRebills", "slug"})
    void refusesToChangeWhatMakesALinkWith400SayingToCreateANewOne(String field) throws Exception {
        String body = "{\"name\": \"x\", \"" + field + "\": " + ("goal".equals(field) ? "{\"type\": \"opt_in\"}"
                : "countRebills".equals(field) ? "true" : "slug".equals(field) ? "\"other\"" : "7") + "}";

        assertError(handle(change("spring-fb", body)), 400, "bad_request", field + " cannot be changed: create a new link");
        assertThat(store.find("spring-fb").orElseThrow().name()).isEqualTo("Spring sale on Facebook");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"chanel\": \"email\"}|unknown field \"chanel\"",
        "{\"archived\": false}|archived is read-only",
        "{\"name\": 5}|name must be a string",
        "{\"name\": null}|name is required",
        "{\"destination\": \"javascript:alert(1)\"}|destination must be an absolute http or https URL",
        "{\"channel\": \"Facebook Ads\"}|channel",
        "{\"name\": \"a\"|not valid JSON",
        "[1]|must be a JSON object"})
    void refusesABadChangeWith400NamingTheReasonAndChangesNothing(String body, String reason) throws Exception {
        assertError(handle(change("spring-fb", body)), 400, "bad_request", reason);
        assertThat(store.find("spring-fb").orElseThrow().name()).isEqualTo("Spring sale on Facebook");
    }

    @Test
    void refusesAChangeThatIsNotJsonWith415AndOneOverTheLimitWith413() throws Exception {
        APIGatewayV2HTTPEvent text = change("spring-fb", "{\"name\": \"x\"}");
        Map<String, String> headers = new HashMap<>(text.getHeaders());
        headers.put("content-type", "text/plain");
        text.setHeaders(headers);

        assertError(handle(text), 415, "unsupported_media_type", "application/json");
        assertError(handle(change("spring-fb", "{\"name\": \"" + "x".repeat(17_000) + "\"}")), 413,
                "payload_too_large", "16384");
    }

    @Test
    void answersAChangeOfAnUnknownLinkWith404() throws Exception {
        assertError(handle(change("nope", "{\"name\": \"x\"}")), 404, "not_found", "no link");
    }

    // ---- archive ----------------------------------------------------------------------------

    @Test
    void archivesTheSampleLinkWith204AndAgainWith204AndKeepsIt() throws Exception {
        APIGatewayV2HTTPResponse first = handle(sample("api-archive-link.json"));
        APIGatewayV2HTTPResponse again = handle(sample("api-archive-link.json"));

        assertThat(first.getStatusCode()).isEqualTo(204);
        assertThat(first.getBody()).isEmpty();
        assertThat(again.getStatusCode()).isEqualTo(204);
        assertThat(store.find("spring-fb").orElseThrow().archived()).isTrue();
    }

    @Test
    void answersArchivingAnUnknownLinkWith404() throws Exception {
        assertError(handle(archive("nope")), 404, "not_found", "no link");
    }

    // ---- channels ---------------------------------------------------------------------------

    @Test
    void comparesChannelsForTheSampleRangeBestFirst() throws Exception {
        store.create(new Link("mail", "Mail", "https://shop.example.com/", "newsletter", null, null, 30, false,
                Instant.parse("2025-03-02T00:00:00Z"), false));
        counters.apply(new Operation("a", List.of(new Delta(Counter.link("spring-fb", LocalDate.parse("2025-03-20")),
                Map.of(Fields.CLICKS, 8L, Fields.UNIQUE_CLICKS, 6L, Fields.GOALS, 3L, Fields.revenue("USD"), 14700L)))));
        counters.apply(new Operation("b", List.of(new Delta(Counter.link("mail", LocalDate.parse("2025-03-21")),
                Map.of(Fields.CLICKS, 20L, Fields.UNIQUE_CLICKS, 12L)))));

        APIGatewayV2HTTPResponse response = handle(sample("api-channels.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode json = body(response);
        assertThat(json.path("from").asText()).isEqualTo("2025-03-03");
        assertThat(json.path("to").asText()).isEqualTo("2025-04-01");
        assertThat(json.path("channels").toString()).isEqualTo("[{\"channel\":\"facebook-ads\",\"clicks\":8,"
                + "\"uniqueClicks\":6,\"goals\":3,\"revenue\":{\"USD\":14700},\"conversionRate\":0.375},"
                + "{\"channel\":\"newsletter\",\"clicks\":20,\"uniqueClicks\":12,\"goals\":0,\"revenue\":{},"
                + "\"conversionRate\":0.0}]");
    }

    @Test
    void refusesABadChannelRangeWith400() throws Exception {
        APIGatewayV2HTTPEvent event = sample("api-channels.json");
        event.setQueryStringParameters(Map.of("from", "2025-04-02", "to", "2025-04-01"));

        assertError(handle(event), 400, "bad_request", "from must not be after to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-list-links.json", "api-change-link.json", "api-archive-link.json", "api-channels.json"})
    void refusesEveryNewRouteWithoutTheApiKey(String sample) throws Exception {
        APIGatewayV2HTTPEvent event = sample(sample);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("authorization");
        event.setHeaders(headers);

        assertError(handle(event), 401, "unauthorized", "API key");
        assertThat(store.find("spring-fb").orElseThrow().archived()).isFalse();
    }
}
