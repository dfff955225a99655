package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RouterTest {
    private static RouteBinding route(String method, String path) {
        return new RouteBinding(method, path, method + " " + path,
                event -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).build());
    }

    private static Optional<String> routeKeyFor(Router router, String method, String path) {
        return router.match(method, path).map(match -> match.route().routeKey());
    }

    @Test
    void prefersALiteralSegmentToAPathParameter() {
        Router router = new Router(List.of(route("GET", "/api/links/{slug}"), route("GET", "/api/links/export")));

        assertThat(routeKeyFor(router, "GET", "/api/links/export")).hasValue("GET /api/links/export");
        assertThat(routeKeyFor(router, "GET", "/api/links/summer")).hasValue("GET /api/links/{slug}");
    }

    @Test
    void prefersAPathParameterToAGreedyOne() {
        Router router = new Router(List.of(route("GET", "/files/{proxy+}"), route("GET", "/files/{name}")));

        assertThat(routeKeyFor(router, "GET", "/files/a")).hasValue("GET /files/{name}");
        assertThat(router.match("GET", "/files/a/b/c").orElseThrow().pathParameters())
                .containsExactly(entry("proxy", "a/b/c"));
    }

    @Test
    void prefersANamedMethodToAny() {
        Router router = new Router(List.of(route("ANY", "/api/links"), route("POST", "/api/links")));

        assertThat(routeKeyFor(router, "POST", "/api/links")).hasValue("POST /api/links");
        assertThat(routeKeyFor(router, "DELETE", "/api/links")).hasValue("ANY /api/links");
    }

    @Test
    void servesHeadOnlyFromADeclaredHeadRouteNeverFromGet() {
        Router getOnly = new Router(List.of(route("GET", "/l/{slug}")));
        Router both = new Router(List.of(route("GET", "/l/{slug}"), route("HEAD", "/l/{slug}")));

        assertThat(getOnly.match("HEAD", "/l/a")).isEmpty();
        assertThat(routeKeyFor(both, "HEAD", "/l/a")).hasValue("HEAD /l/{slug}");
        assertThat(routeKeyFor(both, "GET", "/l/a")).hasValue("GET /l/{slug}");
    }

    @Test
    void decodesPathParametersButLeavesPlusSignsAlone() {
        Router router = new Router(List.of(route("GET", "/l/{slug}")));

        assertThat(router.match("GET", "/l/caf%C3%A9%20au+lait").orElseThrow().pathParameters())
                .isEqualTo(Map.of("slug", "café au+lait"));
    }

    @Test
    void matchesNothingForAnUnknownPathAnEmptySegmentOrAnExtraSegment() {
        Router router = new Router(List.of(route("GET", "/l/{slug}"), route("GET", "/files/{proxy+}")));

        assertThat(router.match("GET", "/nowhere")).isEmpty();
        assertThat(router.match("GET", "/l/")).isEmpty();
        assertThat(router.match("GET", "/l/a/b")).isEmpty();
        assertThat(router.match("GET", "/files/")).isEmpty();
        assertThat(router.match("POST", "/l/a")).isEmpty();
    }

    @Test
    void sendsWhatNoRouteMatchesToTheDefaultRoute() {
        Router router = new Router(List.of(route("GET", "/l/{slug}"), route("ANY", "$default")));

        assertThat(routeKeyFor(router, "GET", "/l/a")).hasValue("GET /l/{slug}");
        assertThat(router.match("PUT", "/anything/else").orElseThrow())
                .satisfies(match -> assertThat(match.route().routeKey()).isEqualTo("$default"))
                .satisfies(match -> assertThat(match.pathParameters()).isEmpty());
    }

    @Test
    void refusesAGreedyVariableThatIsNotLast() {
        assertThatThrownBy(() -> new Router(List.of(route("GET", "/{proxy+}/x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersAnUnroutedRequestWith404NotFoundAsApiGatewayDoes() {
        try (DevHttpServer server = DevHttpServer.start(new InetSocketAddress("127.0.0.1", 0),
                List.of(route("GET", "/l/{slug}")), null)) {
            HttpResponse<String> unknown = TestHttp.get(server, "/nowhere?email=someone@example.com");
            HttpResponse<String> head = TestHttp.send(TestHttp.request(server, "/l/a").method("HEAD", BodyPublishers.noBody()));

            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");
            assertThat(head.statusCode()).isEqualTo(404);
        }
    }
}
