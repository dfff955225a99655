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
import io.goalpost.core.link.Links;
import io.goalpost.core.product.CataloguingLinkStore;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.LinkStatistics;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemoryProductCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/products and GET /api/products/{productId}/stats over in-memory fakes, fed the samples in events/. */
class ProductRoutesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryProductCatalog catalog = new InMemoryProductCatalog();
    private final InMemoryCounterStore counters = new InMemoryCounterStore();
    private final ApiHandler handler;
    private int ops;

    ProductRoutesTest() {
        // Wired as the composition root wires it: storing a link catalogues its goal's product.
        Links links = new Links(new CataloguingLinkStore(new InMemoryLinkStore(), catalog), new FixedIds(), CLOCK);
        handler = new ApiHandler(new ApiDependencies(links, new LinkStatistics(links, counters, CLOCK),
                new ChannelStatistics(links, counters, CLOCK), ApiKeys.fromHashes(ApiKeys.hashOf("gp_local_dev_key")), "",
                new ProductStatistics(catalog, counters, CLOCK)));
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    private static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String... pairs) {
        Map<String, String> query = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.put(pairs[i], pairs[i + 1]);
            }
        }
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return event;
    }

    private static APIGatewayV2HTTPEvent stats(String productId, String from, String to) {
        APIGatewayV2HTTPEvent event = withQuery(sample("api-product-stats.json"), "from", from, "to", to);
        event.setPathParameters(Map.of("productId", productId));
        return event;
    }

    private JsonNode ok(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        return JSON.readTree(response.getBody());
    }

    private void count(String productId, String day, Map<String, Long> amounts) {
        counters.apply(new Operation("test#" + ops++,
                List.of(new Delta(Counter.product(productId, LocalDate.parse(day)), amounts))));
    }

    @Test
    void answersTheStatsSampleWithEveryTotalAndADenseAscendingDailySeries() throws Exception {
        count("prod_spring", "2025-03-30", Map.of(Fields.CHECKOUT_VIEWS, 12L, Fields.CHECKOUT_VISITORS, 9L,
                Fields.SALES, 2L, Fields.revenue("USD"), 9800L));
        count("prod_spring", "2025-04-01", Map.of(Fields.CHECKOUT_VIEWS, 3L, Fields.CHECKOUT_VISITORS, 3L,
                Fields.SALES, 1L, Fields.REBILLS, 1L, Fields.revenue("USD"), 4900L, Fields.revenue("EUR"), 2900L));
        count("prod_spring", "2025-04-01", Map.of(Fields.REFUNDS, 1L, Fields.refunded("USD"), 1500L));
        count("prod_spring", "2025-03-29", Map.of(Fields.SALES, 40L));

        JsonNode body = ok(sample("api-product-stats.json"));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"productId": "prod_spring", "checkoutViews": 15, "checkoutVisitors": 12, "sales": 3, "rebills": 1,
                 "refunds": 1, "revenue": {"EUR": 2900, "USD": 14700}, "refunded": {"USD": 1500},
                 "daily": [
                   {"date": "2025-03-30", "checkoutViews": 12, "checkoutVisitors": 9, "sales": 2, "rebills": 0,
                    "refunds": 0, "revenue": {"USD": 9800}, "refunded": {}},
                   {"date": "2025-03-31", "checkoutViews": 0, "checkoutVisitors": 0, "sales": 0, "rebills": 0,
                    "refunds": 0, "revenue": {}, "refunded": {}},
                   {"date": "2025-04-01", "checkoutViews": 3, "checkoutVisitors": 3, "sales": 1, "rebills": 1,
                    "refunds": 1, "revenue": {"EUR": 2900, "USD": 4900}, "refunded": {"USD": 1500}}]}"""));
    }

    @Test
    void answersAnUnknownProductWith200AndZerosOverTheDefault30Days() throws Exception {
        JsonNode body = ok(stats("prod_nobody_sold", null, null));

        assertThat(body.path("productId").asText()).isEqualTo("prod_nobody_sold");
        assertThat(body.path("sales").asLong()).isZero();
        assertThat(body.path("revenue").isEmpty()).isTrue();
        assertThat(body.path("daily")).hasSize(30);
        assertThat(body.path("daily").get(0).path("date").asText()).isEqualTo("2025-03-03");
        assertThat(body.path("daily").get(29).path("date").asText()).isEqualTo("2025-04-01");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "prod_spring, 2025-04-02, 2025-04-01, from must not be after to",
        "prod_spring, 2024-01-01, 2025-04-01, at most 366",
        "prod_spring, 01/04/2025, null, from must be a date as YYYY-MM-DD (UTC)",
        "'<b>x</b>', null, null, productId must be 1-64 characters"})
    void refusesStatsItCannotAnswerWith400SayingWhyWithoutEchoingInput(String productId, String from, String to,
            String message) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(stats(productId, from, to), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.path("error").asText()).isEqualTo("bad_request");
        assertThat(body.path("message").asText()).contains(message).doesNotContain("<b>");
    }

    @Test
    void listsTheProductsOfLinkGoalsAndSignedSalesWithTheirTotalsOfTheLast30Days() throws Exception {
        APIGatewayV2HTTPEvent create = sample("api-create-link.json");
        create.setBody("{\"name\":\"Spring\",\"destination\":\"https://shop.example.com/spring\",\"channel\":\"ads\","
                + "\"goal\":{\"type\":\"purchase\",\"productId\":\"prod_spring\"}}");
        assertThat(handler.handleRequest(create, null).getStatusCode()).isEqualTo(201);
        // What the worker does for a signed sale.
        catalog.register("prod_club", Instant.parse("2025-03-15T10:00:00Z"));
        count("prod_club", "2025-03-20", Map.of(Fields.SALES, 1L, Fields.revenue("USD"), 2900L));
        count("prod_club", "2025-02-20", Map.of(Fields.SALES, 9L));

        JsonNode body = ok(sample("api-products.json"));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"items": [
                   {"productId": "prod_club", "firstSeen": "2025-03-15T10:00:00Z", "checkoutViews": 0,
                    "checkoutVisitors": 0, "sales": 1, "rebills": 0, "refunds": 0, "revenue": {"USD": 2900},
                    "refunded": {}},
                   {"productId": "prod_spring", "firstSeen": "2025-04-01T09:00:00Z", "checkoutViews": 0,
                    "checkoutVisitors": 0, "sales": 0, "rebills": 0, "refunds": 0, "revenue": {}, "refunded": {}}],
                 "nextCursor": null}"""));
    }

    @Test
    void listsNoProductForALinkWhoseGoalNamesNone() throws Exception {
        APIGatewayV2HTTPEvent create = sample("api-create-link.json");
        create.setBody("{\"name\":\"Any\",\"destination\":\"https://shop.example.com\",\"channel\":\"ads\","
                + "\"goal\":{\"type\":\"purchase\"}}");
        handler.handleRequest(create, null);

        assertThat(ok(sample("api-products.json")).path("items")).isEmpty();
    }

    @Test
    void pagesThroughTheProductsWithTheCursorItGivesOut() throws Exception {
        for (String id : List.of("p1", "p2", "p3")) {
            catalog.register(id, Instant.parse("2025-03-15T10:00:00Z"));
        }

        JsonNode first = ok(withQuery(sample("api-products.json"), "limit", "2"));
        JsonNode second = ok(withQuery(sample("api-products.json"), "limit", "2", "cursor",
                first.path("nextCursor").asText()));

        assertThat(first.path("items")).extracting(item -> item.path("productId").asText()).containsExactly("p1", "p2");
        assertThat(second.path("items")).extracting(item -> item.path("productId").asText()).containsExactly("p3");
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "0, null, limit must be an integer from 1 to 100",
        "500, null, limit must be an integer from 1 to 100",
        "null, not-a-cursor!, cursor is not one this API gave out"})
    void refusesALimitOrCursorItCannotUseWith400(String limit, String cursor, String message) throws Exception {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(withQuery(sample("api-products.json"), "limit", limit, "cursor", cursor), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).path("message").asText()).isEqualTo(message);
    }

    @Test
    void wantsTheApiKeyForProductsToo() {
        for (APIGatewayV2HTTPEvent event : List.of(sample("api-products.json"), sample("api-product-stats.json"))) {
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.remove("authorization");
            event.setHeaders(headers);

            assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(401);
        }
    }
}
