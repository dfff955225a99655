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
import io.goalpost.core.stats.LinkStatistics;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemoryProductCatalog;
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

/** GET /api/links/{slug}/stats over in-memory fakes, fed events/api-link-stats.json. */
class LinkStatsRouteTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USD = Fields.revenue("USD");

    private final InMemoryLinkStore linkStore = new InMemoryLinkStore();
    private final InMemoryCounterStore counters = new InMemoryCounterStore();
    private final ApiHandler handler;
    private int ops;

    LinkStatsRouteTest() {
        Links links = new Links(linkStore, new FixedIds(), CLOCK);
        handler = new ApiHandler(new ApiDependencies(links, new LinkStatistics(links, counters, CLOCK),
                new ChannelStatistics(links, counters, CLOCK),
                ApiKeys.fromHashes(ApiKeys.hashOf("gp_local_dev_key")), "",
                new ProductStatistics(new InMemoryProductCatalog(), counters, CLOCK)));
    }

    @BeforeEach
    void createTheSampleLink() {
        linkStore.create(link("spring-fb", false));
    }

    private static APIGatewayV2HTTPEvent sample() {
        return EventLoader.loadApiGatewayHttpEvent("../../events/api-link-stats.json");
    }

    /** The sample for another slug and query; a null value leaves that parameter out. */
    private static APIGatewayV2HTTPEvent stats(String slug, String from, String to) {
        APIGatewayV2HTTPEvent event = sample();
        event.setPathParameters(Map.of("slug", slug));
        Map<String, String> query = new HashMap<>();
        if (from != null) {
            query.put("from", from);
        }
        if (to != null) {
            query.put("to", to);
        }
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return event;
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    @Test
    void answersTheSampleWithTheLinksNumbersInTheShapeOfTheSpec() throws IOException {
        count("spring-fb", "2025-03-30", Map.of(Fields.CLICKS, 5L, Fields.UNIQUE_CLICKS, 4L, Fields.BOT_CLICKS, 2L));
        count("spring-fb", "2025-03-30", Map.of(Fields.GOALS, 1L, USD, 4900L));
        count("spring-fb", "2025-04-01", Map.of(Fields.CLICKS, 3L, Fields.UNIQUE_CLICKS, 3L, Fields.GOALS, 2L,
                USD, 29400L, Fields.revenue("EUR"), 1500L, Fields.refunded("USD"), 4900L));
        count("spring-fb", "2025-03-29", Map.of(Fields.CLICKS, 100L));

        APIGatewayV2HTTPResponse response = handle(sample());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(body(response)).isEqualTo(JSON.readTree("""
                {"slug": "spring-fb", "clicks": 8, "uniqueClicks": 7, "botClicks": 2, "goals": 3,
                 "revenue": {"EUR": 1500, "USD": 34300}, "refunded": {"USD": 4900}, "conversionRate": 0.375,
                 "daily": [
                   {"date": "2025-03-30", "clicks": 5, "uniqueClicks": 4, "goals": 1, "revenue": {"USD": 4900}},
                   {"date": "2025-03-31", "clicks": 0, "uniqueClicks": 0, "goals": 0, "revenue": {}},
                   {"date": "2025-04-01", "clicks": 3, "uniqueClicks": 3, "goals": 2, "revenue": {"EUR": 1500, "USD": 29400}}
                 ]}"""));
    }

    @Test
    void answersALinkWithoutClicksWithZerosAndANullConversionRate() throws IOException {
        JsonNode stats = body(handle(sample()));

        assertThat(stats.get("clicks").asLong()).isZero();
        assertThat(stats.get("revenue")).isEqualTo(JSON.createObjectNode());
        assertThat(stats.get("refunded")).isEqualTo(JSON.createObjectNode());
        assertThat(stats.has("conversionRate")).isTrue();
        assertThat(stats.get("conversionRate").isNull()).isTrue();
        assertThat(stats.get("daily")).hasSize(3);
    }

    @ParameterizedTest(name = "{0} goals / {1} clicks -> {2}")
    @CsvSource({"1, 3, 0.3333", "2, 3, 0.6667", "1, 32, 0.0313", "0, 5, 0.0", "3, 3, 1.0"})
    void givesTheConversionRateToFourPlaces(long goals, long clicks, double rate) throws IOException {
        count("spring-fb", "2025-04-01", Map.of(Fields.GOALS, goals, Fields.CLICKS, clicks));

        JsonNode conversionRate = body(handle(sample())).get("conversionRate");

        assertThat(conversionRate.isNumber()).isTrue();
        assertThat(conversionRate.asDouble()).isEqualTo(rate);
    }

    @Test
    void coversTheThirtyDaysEndingTodayWithoutDates() throws IOException {
        count("spring-fb", "2025-03-02", Map.of(Fields.CLICKS, 7L));
        count("spring-fb", "2025-03-03", Map.of(Fields.CLICKS, 1L));

        JsonNode stats = body(handle(stats("spring-fb", null, null)));

        assertThat(stats.get("clicks").asLong()).isEqualTo(1);
        assertThat(stats.get("daily")).hasSize(30);
        assertThat(stats.get("daily").get(0).get("date").asText()).isEqualTo("2025-03-03");
        assertThat(stats.get("daily").get(29).get("date").asText()).isEqualTo("2025-04-01");
    }

    @Test
    void answersForAnArchivedLink() throws IOException {
        linkStore.create(link("old-promo", true));
        count("old-promo", "2025-03-31", Map.of(Fields.CLICKS, 2L));

        APIGatewayV2HTTPResponse response = handle(stats("old-promo", "2025-03-31", "2025-03-31"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("clicks").asLong()).isEqualTo(2);
    }

    @ParameterizedTest(name = "from={0} to={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "<absent>", value = {
            "2025-04-02 | 2025-04-01 | from must not be after to",
            "2024-01-01 | 2025-01-01 | at most 366",
            "2020-01-01 | <absent>   | at most 366",
            "2025-4-1   | 2025-04-01 | from must be a date as YYYY-MM-DD (UTC)",
            "2025-02-30 | 2025-03-01 | from must be a date as YYYY-MM-DD (UTC)",
            "<absent>   | yesterday  | to must be a date as YYYY-MM-DD (UTC)",
            "2025-03-01,2025-03-02 | 2025-04-01 | from must be a date as YYYY-MM-DD (UTC)",
    })
    void refusesABadRangeWith400SayingWhy(String from, String to, String reason) throws IOException {
        APIGatewayV2HTTPResponse response = handle(stats("spring-fb", from, to));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("error").asText()).isEqualTo("bad_request");
        assertThat(body(response).get("message").asText()).contains(reason);
    }

    @Test
    void refusesAMalformedDateWithoutEchoingIt() throws IOException {
        APIGatewayV2HTTPResponse response = handle(stats("spring-fb", "<script>alert(1)</script>", null));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("script");
    }

    @Test
    void acceptsARangeOfExactly366Days() {
        assertThat(handle(stats("spring-fb", "2024-01-01", "2024-12-31")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownSlugWith404() throws IOException {
        APIGatewayV2HTTPResponse response = handle(stats("no-such-link", null, null));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void refusesARequestWithoutAnApiKey() throws IOException {
        APIGatewayV2HTTPEvent event = sample();
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("authorization");
        event.setHeaders(headers);

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(body(response).get("error").asText()).isEqualTo("unauthorized");
    }

    private void count(String slug, String day, Map<String, Long> amounts) {
        counters.apply(new Operation("op#" + ops++, List.of(new Delta(Counter.link(slug, LocalDate.parse(day)), amounts))));
    }

    private static Link link(String slug, boolean archived) {
        return new Link(slug, "Link " + slug, "https://shop.example.com/" + slug, "facebook-ads", null,
                Goal.purchase("prod_spring"), 14, false, Instant.parse("2025-03-01T00:00:00Z"), archived);
    }
}
