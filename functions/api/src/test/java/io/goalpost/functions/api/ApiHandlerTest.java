package io.goalpost.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.wiring.ApiDependencies;
import io.goalpost.core.access.ApiKeys;
import io.goalpost.core.link.Links;
import io.goalpost.core.product.ProductStatistics;
import io.goalpost.core.stats.ChannelStatistics;
import io.goalpost.core.stats.LinkStatistics;
import io.goalpost.testing.FixedIds;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemoryProductCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The api handler over in-memory fakes, fed the sample events in events/. */
class ApiHandlerTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_URL = "https://abc123def4.execute-api.us-east-1.amazonaws.com/l/spring-fb";

    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final FixedIds ids = new FixedIds();
    private final Links links = new Links(store, ids, CLOCK);

    private ApiHandler handler(String publicBaseUrl) {
        return new ApiHandler(new ApiDependencies(links, new LinkStatistics(links, new InMemoryCounterStore(), CLOCK),
                new ChannelStatistics(links, new InMemoryCounterStore(), CLOCK),
                ApiKeys.fromHashes(ApiKeys.hashOf("gp_local_dev_key")), publicBaseUrl,
                new ProductStatistics(new InMemoryProductCatalog(), new InMemoryCounterStore(), CLOCK)));
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler("").handleRequest(event, null);
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent("../../events/" + name);
    }

    private static APIGatewayV2HTTPEvent create(String body) {
        APIGatewayV2HTTPEvent event = sample("api-create-link.json");
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent get(String slug) {
        APIGatewayV2HTTPEvent event = sample("api-get-link.json");
        event.setPathParameters(Map.of("slug", slug));
        return event;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    private static String minimal(String extraFields) {
        return "{\"name\":\"Spring\",\"destination\":\"https://shop.example.com/\",\"channel\":\"ads\"" + extraFields + "}";
    }

    @Test
    void createsTheSampleLinkAndAnswersItWithItsTrackingUrl() throws IOException {
        APIGatewayV2HTTPResponse response = handle(sample("api-create-link.json"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("location", "/api/links/spring-fb");
        assertThat(body(response)).isEqualTo(JSON.readTree("""
                {"slug": "spring-fb", "name": "Spring sale on Facebook",
                 "destination": "https://shop.example.com/spring?utm_source=goalpost",
                 "channel": "facebook-ads", "campaign": "spring-2025",
                 "goal": {"type": "purchase", "productId": "prod_spring"},
                 "attributionWindowDays": 14, "countRebills": false,
                 "createdAt": "2025-04-01T09:00:00Z", "archived": false,
                 "url": "%s"}""".formatted(SAMPLE_URL)));
        assertThat(store.find("spring-fb")).isPresent();
    }

    @Test
    void answersTheSampleGetWithTheLinkItCreated() throws IOException {
        APIGatewayV2HTTPResponse created = handle(sample("api-create-link.json"));

        APIGatewayV2HTTPResponse response = handle(sample("api-get-link.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(body(created));
    }

    @Test
    void buildsTrackingUrlsUnderThePublicBaseUrlWhenOneIsSet() throws IOException {
        APIGatewayV2HTTPResponse response = handler("https://go.example.com").handleRequest(sample("api-create-link.json"), null);

        assertThat(body(response).get("url").asText()).isEqualTo("https://go.example.com/l/spring-fb");
    }

    @Test
    void generatesASlugWhenNoneIsGivenAndFillsTheDefaults() throws IOException {
        ids.withSlugs("Ab3dE6h");

        APIGatewayV2HTTPResponse response = handle(create(minimal("")));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode link = body(response);
        assertThat(link.get("slug").asText()).isEqualTo("Ab3dE6h");
        assertThat(link.get("attributionWindowDays").asInt()).isEqualTo(30);
        assertThat(link.get("countRebills").asBoolean()).isFalse();
        assertThat(link.get("goal").isNull()).isTrue();
        assertThat(link.get("campaign").isNull()).isTrue();
    }

    @Test
    void acceptsABase64EncodedBody() {
        APIGatewayV2HTTPEvent event = create(Base64.getEncoder().encodeToString(minimal(",\"slug\":\"b64\"").getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(handle(event).getStatusCode()).isEqualTo(201);
    }

    @Test
    void refusesATakenSlugWith409AndKeepsTheFirstLink() throws IOException {
        handle(sample("api-create-link.json"));

        APIGatewayV2HTTPResponse response = handle(create(minimal(",\"slug\":\"spring-fb\"")));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(body(response).get("error").asText()).isEqualTo("conflict");
        assertThat(store.find("spring-fb")).get().extracting(link -> link.name()).isEqualTo("Spring sale on Facebook");
    }

    @Test
    void refusesARequestWithoutAnApiKey() throws IOException {
        APIGatewayV2HTTPResponse response = handle(withHeader(sample("api-create-link.json"), "authorization", null));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("www-authenticate", "Bearer");
        assertThat(body(response).get("error").asText()).isEqualTo("unauthorized");
        assertThat(store.size()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"Bearer wrong_key", "Bearer 14fe46b2f432b35b62c3ad96b6346c134dc3e2887a303241fe84dadf4e78d487",
            "Basic Z3BfbG9jYWxfZGV2X2tleQ==", "gp_local_dev_key"})
    void refusesAWrongApiKey(String authorization) {
        assertThat(handle(withHeader(sample("api-create-link.json"), "authorization", authorization)).getStatusCode()).isEqualTo(401);
        assertThat(handle(withHeader(sample("api-get-link.json"), "authorization", authorization)).getStatusCode()).isEqualTo(401);
        assertThat(store.size()).isZero();
    }

    @Test
    void checksTheApiKeyBeforeAnythingElse() {
        APIGatewayV2HTTPEvent unknownRoute = withHeader(sample("api-get-link.json"), "authorization", null);
        unknownRoute.setRouteKey("DELETE /api/everything");

        assertThat(handle(unknownRoute).getStatusCode()).isEqualTo(401);
    }

    @Test
    void answersAnUnknownSlugWith404WithoutEchoingIt() throws IOException {
        APIGatewayV2HTTPResponse response = handle(get("<script>alert(1)</script>"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(body(response).get("error").asText()).isEqualTo("not_found");
        assertThat(response.getBody()).doesNotContain("script");
    }

    @Test
    void answersAnUnknownRouteWith404() throws IOException {
        APIGatewayV2HTTPEvent event = sample("api-get-link.json");
        event.setRouteKey("GET /api/nothing-here");

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).get("error").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"<absent>", "text/plain", "application/x-www-form-urlencoded", "application/jsonx"})
    void refusesABodyThatIsNotDeclaredAsJson(String contentType) throws IOException {
        APIGatewayV2HTTPResponse response =
                handle(withHeader(sample("api-create-link.json"), "content-type", contentType.equals("<absent>") ? null : contentType));

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(body(response).get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(store.size()).isZero();
    }

    @Test
    void acceptsJsonWithACharset() {
        assertThat(handle(withHeader(sample("api-create-link.json"), "content-type", "application/json; charset=utf-8"))
                .getStatusCode()).isEqualTo(201);
    }

    @Test
    void refusesABodyOver16Kilobytes() throws IOException {
        String padded = minimal(",\"campaign\":\"" + " ".repeat(16 * 1024) + "\"");

        APIGatewayV2HTTPResponse response = handle(create(padded));

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(body(response).get("error").asText()).isEqualTo("payload_too_large");
        assertThat(store.size()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                    | body is not valid JSON",
            "                                                            | body must be a JSON object",
            "[1, 2]                                                      | body must be a JSON object",
            "{\"name\":\"a\"} trailing                                   | body is not valid JSON",
            "{\"name\":\"a\",\"name\":\"b\"}                             | body is not valid JSON",
    })
    void refusesABodyThatIsNotOneJsonObject(String body, String message) throws IOException {
        APIGatewayV2HTTPResponse response = handle(create(body == null ? "" : body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("error").asText()).isEqualTo("bad_request");
        assertThat(body(response).get("message").asText()).isEqualTo(message);
        assertThat(store.size()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            ",\"chanel\":\"ads\"                                         | \"chanel\"",
            ",\"goal\":{\"type\":\"opt_in\",\"form\":\"f\"}              | \"goal.form\"",
            ",\"attributionWindowDays\":\"30\"                           | attributionWindowDays must be an integer",
            ",\"attributionWindowDays\":30.5                             | attributionWindowDays must be an integer",
            ",\"attributionWindowDays\":0                                | attributionWindowDays must be between 1 and 365",
            ",\"attributionWindowDays\":366                              | attributionWindowDays must be between 1 and 365",
            ",\"attributionWindowDays\":99999999999999999999             | attributionWindowDays must be between 1 and 365",
            ",\"countRebills\":\"yes\"                                   | countRebills must be true or false",
            ",\"slug\":\"has space\"                                     | slug must be",
            ",\"slug\":\"<script>\"                                      | slug must be",
            ",\"slug\":42                                                | slug must be a string",
            ",\"campaign\":[\"a\"]                                       | campaign must be a string",
            ",\"goal\":\"purchase\"                                      | goal must be an object",
            ",\"goal\":{\"type\":\"sale\"}                               | goal.type must be one of",
            ",\"goal\":{\"type\":\"page_visit\"}                         | goal.pageUrl is required",
            ",\"goal\":{\"type\":\"page_visit\",\"pageUrl\":\"/thanks\"} | goal.pageUrl must be an absolute",
            ",\"goal\":{\"type\":\"opt_in\",\"productId\":\"p\"}         | goal.productId is not allowed",
            ",\"goal\":{\"type\":\"purchase\",\"productId\":\"a b\"}     | goal.productId must be",
    })
    void refusesAnInvalidFieldNamingIt(String extraFields, String expectedMessagePart) throws IOException {
        APIGatewayV2HTTPResponse response = handle(create(minimal(extraFields)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("error").asText()).isEqualTo("bad_request");
        assertThat(body(response).get("message").asText()).contains(expectedMessagePart);
        assertThat(store.size()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"destination\":\"https://e.com\",\"channel\":\"ads\"}                           | name is required",
            "{\"name\":3,\"destination\":\"https://e.com\",\"channel\":\"ads\"}                | name must be a string",
            "{\"name\":\"a\",\"channel\":\"ads\"}                                               | destination is required",
            "{\"name\":\"a\",\"destination\":\"javascript:alert(1)\",\"channel\":\"ads\"}      | destination must be an absolute",
            "{\"name\":\"a\",\"destination\":\"/spring\",\"channel\":\"ads\"}                  | destination must be an absolute",
            "{\"name\":\"a\",\"destination\":\"https://e.com\"}                                | channel is required",
            "{\"name\":\"a\",\"destination\":\"https://e.com\",\"channel\":\"Facebook Ads\"}   | channel is required and must be",
    })
    void refusesAMissingOrInvalidRequiredFieldNamingIt(String body, String expectedMessagePart) throws IOException {
        APIGatewayV2HTTPResponse response = handle(create(body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).contains(expectedMessagePart);
        assertThat(store.size()).isZero();
    }

    @Test
    void refusesABodyFlaggedAsBase64ThatIsNot() {
        APIGatewayV2HTTPEvent event = create("{not base64}");
        event.setIsBase64Encoded(true);

        assertThat(handle(event).getStatusCode()).isEqualTo(400);
    }

    @Test
    void showsAVeryLongUnknownFieldNameOnlyInPart() throws IOException {
        String name = "x".repeat(5000);

        APIGatewayV2HTTPResponse response = handle(create(minimal(",\"" + name + "\":1")));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).hasSizeLessThan(100);
    }
}
