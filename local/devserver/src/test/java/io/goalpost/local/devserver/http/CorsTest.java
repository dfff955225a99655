package io.goalpost.local.devserver.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CorsTest {
    private static final CorsSettings SHOP_ONLY = new CorsSettings(List.of("https://shop.example"),
            List.of("GET", "POST"), List.of("content-type", "x-api-key"), 600);

    private final CapturingTarget target = new CapturingTarget();
    private DevHttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersAPreflightFromAnAllowedOriginItself() {
        start(SHOP_ONLY);

        HttpResponse<String> response = TestHttp.send(preflight("https://shop.example", "POST", "Content-Type, X-Api-Key"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("https://shop.example");
        assertThat(response.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
        assertThat(response.headers().firstValue("access-control-allow-headers")).hasValue("content-type,x-api-key");
        assertThat(response.headers().firstValue("access-control-max-age")).hasValue("600");
        assertThat(target.events()).isEmpty();
    }

    @Test
    void givesAPreflightFromAnotherOriginOrForAnotherMethodOrHeaderNoCorsHeaders() {
        start(SHOP_ONLY);

        List<HttpResponse<String>> refused = List.of(
                TestHttp.send(preflight("https://evil.example", "POST", "content-type")),
                TestHttp.send(preflight("https://shop.example", "DELETE", "content-type")),
                TestHttp.send(preflight("https://shop.example", "POST", "authorization")));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        });
    }

    @Test
    void addsTheAllowedOriginToResponsesForThatOriginOnly() {
        start(SHOP_ONLY);

        HttpResponse<String> allowed = TestHttp.send(TestHttp.request(server, "/api/links").header("Origin", "https://shop.example"));
        HttpResponse<String> other = TestHttp.send(TestHttp.request(server, "/api/links").header("Origin", "https://evil.example"));

        assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue("https://shop.example");
        assertThat(allowed.headers().firstValue("vary")).hasValue("Origin");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void allowsEveryOriginWithAWildcard() {
        start(new CorsSettings(List.of("*"), List.of("*"), List.of("*"), null));

        HttpResponse<String> preflight = TestHttp.send(preflight("https://any.example", "PUT", "x-anything"));
        HttpResponse<String> response = TestHttp.send(TestHttp.request(server, "/api/links").header("Origin", "https://any.example"));

        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("PUT");
        assertThat(preflight.headers().firstValue("access-control-allow-headers")).hasValue("x-anything");
        assertThat(preflight.headers().firstValue("access-control-max-age")).isEmpty();
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void routesOptionsToTheFunctionsWhenTheApiDeclaresNoCors() {
        server = DevHttpServer.start(new InetSocketAddress("127.0.0.1", 0),
                List.of(new RouteBinding("GET", "/api/links", "ApiFunction", target)), null);

        HttpResponse<String> response = TestHttp.send(preflight("https://shop.example", "POST", "content-type"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpRequest.Builder preflight(String origin, String method, String headers) {
        return TestHttp.request(server, "/api/links").method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers);
    }

    private void start(CorsSettings cors) {
        server = DevHttpServer.start(new InetSocketAddress("127.0.0.1", 0),
                List.of(new RouteBinding("GET", "/api/links", "ApiFunction", target)), cors);
    }
}
