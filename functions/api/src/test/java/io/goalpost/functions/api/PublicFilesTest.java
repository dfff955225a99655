package io.goalpost.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's files and the OpenAPI document, served from the jar by the api handler without a key. */
class PublicFilesTest {

    private final Links links = new Links(new InMemoryLinkStore(), new FixedIds(), Clock.systemUTC());
    private final ApiHandler handler = new ApiHandler(new ApiDependencies(links,
            new LinkStatistics(links, new InMemoryCounterStore(), Clock.systemUTC()),
            new ChannelStatistics(links, new InMemoryCounterStore(), Clock.systemUTC()),
            ApiKeys.fromHashes(ApiKeys.hashOf("gp_local_dev_key")), "",
            new ProductStatistics(new InMemoryProductCatalog(), new InMemoryCounterStore(), Clock.systemUTC())));

    private static APIGatewayV2HTTPEvent request(String routeKey, Map<String, String> pathParameters, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setPathParameters(pathParameters);
        event.setHeaders(new HashMap<>(headers));
        return event;
    }

    private APIGatewayV2HTTPResponse asset(String file) {
        return handler.handleRequest(request("GET /assets/{file}", Map.of("file", file), Map.of()), null);
    }

    @Test
    void thePageIsServedWithoutAnApiKeyUnderAContentSecurityPolicyThatAllowsOnlyItsOwnOrigin() {
        APIGatewayV2HTTPResponse page = handler.handleRequest(request("GET /", null, Map.of()), null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders())
                .containsEntry("content-type", "text/html; charset=utf-8")
                .containsEntry("content-security-policy", "default-src 'self'; frame-ancestors 'none'")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("cache-control", "no-cache");
        assertThat(page.getBody()).contains("<script type=\"module\" src=\"/assets/app.js\"></script>")
                .doesNotContain("http://", "https://", "<script>", "style=");
    }

    @ParameterizedTest
    @CsvSource({
        "app.js, text/javascript; charset=utf-8",
        "dashboard.css, text/css; charset=utf-8",
        "uPlot.iife.min.js, text/javascript; charset=utf-8",
        "uPlot.min.css, text/css; charset=utf-8",
        "favicon.svg, image/svg+xml"})
    void eachAssetHasItsOwnContentType(String file, String contentType) {
        APIGatewayV2HTTPResponse response = asset(file);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", contentType)
                .containsEntry("content-security-policy", PublicFiles.CONTENT_SECURITY_POLICY);
        assertThat(response.getBody()).isNotBlank();
    }

    @Test
    void theChartLibraryComesFromTheJarAndNoScriptLoadsAnythingFromElsewhere() {
        assertThat(asset("uPlot.iife.min.js").getBody()).contains("uPlot");
        for (String file : new String[] {"app.js", "api.js", "dom.js", "links.js", "link.js", "link-form.js",
                "channels.js", "products.js", "leads.js", "charts.js", "format.js", "reasons.js"}) {
            String source = asset(file).getBody();
            assertThat(source).as(file).isNotBlank().doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "eval(", "localStorage.setItem")
                    .doesNotContainPattern("(from|import)\\s*\\(?\\s*['\"](https?:)?//")
                    .doesNotContainPattern("fetch\\(\\s*['\"`](https?:)?//");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope.js", "../ApiHandler.class", "../openapi.json", "..%2Fopenapi.json", "..", ".hidden.js", "index",
        "LinkRoutes.class", "dashboard.css/", "app.js\u0000.png", "a/b.js", "openapi.json"})
    void anUnknownOrMalformedNameIsNotFoundAndNamesNothingOutsideTheDashboardFolder(String file) {
        APIGatewayV2HTTPResponse response = asset(file);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    }

    @Test
    void aBrowserThatHasTheFileAlreadyGetsA304WithoutTheBody() {
        String etag = asset("app.js").getHeaders().get("etag");

        APIGatewayV2HTTPResponse again = handler.handleRequest(request("GET /assets/{file}", Map.of("file", "app.js"),
                Map.of("if-none-match", etag)), null);

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(again.getStatusCode()).isEqualTo(304);
        assertThat(again.getBody()).isEmpty();
        assertThat(asset("dashboard.css").getHeaders().get("etag")).isNotEqualTo(etag);
    }

    @Test
    void theOpenApiDocumentIsPublicJsonInVersion31CoveringEveryApiRoute() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("GET /api/openapi.json", null, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode document = new ObjectMapper().readTree(response.getBody());
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("paths").path("/api/links/{slug}/stats").has("get")).isTrue();
        assertThat(document.path("paths").path("/api/products/{productId}/reconciliation").has("get")).isTrue();
    }

    @Test
    void theApiRoutesStillNeedTheKey() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("GET /api/links", null, Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
    }
}
