package io.goalpost.local.devserver.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ApiGatewayV2MapperTest {
    private static final Instant NOW = Instant.parse("2026-11-26T13:45:00.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapturingTarget target = new CapturingTarget();
    private DevHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Replays AWS's sample request over real HTTP and compares every field of the event the dev
     * server builds with AWS's, leaf by leaf. The only differences allowed are listed here with
     * their reason.
     */
    @Test
    void buildsTheSameEventAsAwsSampleForTheSameRequestFieldByField() throws IOException {
        APIGatewayV2HTTPEvent sample = EventLoader.loadApiGatewayHttpEvent("http/apigw_http_event.json");
        start(new RouteBinding("ANY", "$default", "SampleFunction", target));

        HttpRequest.Builder replay = TestHttp.request(server, sample.getRawPath() + "?" + sample.getRawQueryString())
                .method(sample.getRequestContext().getHttp().getMethod(), BodyPublishers.ofString(sample.getBody()))
                .header("User-Agent", sample.getRequestContext().getHttp().getUserAgent())
                .header("Cookie", String.join("; ", sample.getCookies()))
                // The sample names no content type; a text one is what makes API Gateway pass the body as text.
                .header("Content-Type", "text/plain; charset=utf-8");
        sample.getHeaders().forEach((name, joined) -> {
            for (String value : joined.split(",")) {
                replay.header(name, value); // sent as repeated headers, which API Gateway joins with commas
            }
        });
        assertThat(TestHttp.send(replay).statusCode()).isEqualTo(200);

        Map<String, JsonNode> aws = leaves(awsSampleWithLowerCaseHeaderNames());
        Map<String, JsonNode> local = leaves(JSON.valueToTree(target.onlyEvent()));

        // Per request or per machine: the value is ours, its shape is API Gateway's.
        Map<String, Object> localValues = Map.of(
                "/requestContext/apiId", "local",                          // the sample's API id; ours is the one local API
                "/requestContext/domainName", "localhost",                 // the host the client called, without the port
                "/requestContext/domainPrefix", "localhost",
                "/requestContext/http/sourceIp", "127.0.0.1",              // the sample writes a placeholder, "IP"
                "/requestContext/time", "26/Nov/2026:13:45:00 +0000",      // the request's time (the clock is pinned here)
                "/requestContext/timeEpoch", NOW.toEpochMilli());
        assertThat(local.get("/requestContext/requestId").asText()).matches("[A-Za-z0-9+/]{15}=");
        // Not in our template: no authorizer, no stage variables. And a $default route has no path
        // parameters; the sample's "parameter1" cannot come from the route it names.
        Set<String> absentLocally = Set.of("/requestContext/authorizer/", "/stageVariables/", "/pathParameters/");
        // Headers every real request carries that the sample leaves out; API Gateway adds x-forwarded-* too.
        Set<String> onlyLocal = Set.of("/headers/host", "/headers/content-length", "/headers/content-type",
                "/headers/user-agent", "/headers/x-forwarded-for", "/headers/x-forwarded-port",
                "/headers/x-forwarded-proto");

        aws.forEach((path, awsValue) -> {
            if (path.equals("/requestContext/requestId") || absentLocally.stream().anyMatch(path::startsWith)) {
                return;
            }
            JsonNode expected = localValues.containsKey(path) ? JSON.valueToTree(localValues.get(path)) : awsValue;
            assertThat(local.get(path)).as(path).isEqualTo(expected);
        });
        assertThat(local.keySet()).filteredOn(path -> !aws.containsKey(path)).containsExactlyInAnyOrderElementsOf(onlyLocal);
        assertThat(local.keySet()).noneMatch(path -> absentLocally.stream().anyMatch(path::startsWith));
    }

    @Test
    void takesTheRouteKeyAndDecodedPathParametersFromTheMatchedTemplateRoute() {
        start(new RouteBinding("GET", "/l/{slug}", "RedirectFunction", target));

        TestHttp.get(server, "/l/summer%20sale+2026");

        APIGatewayV2HTTPEvent event = target.onlyEvent();
        assertThat(event.getRouteKey()).isEqualTo("GET /l/{slug}");
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("GET /l/{slug}");
        assertThat(event.getRawPath()).isEqualTo("/l/summer%20sale+2026");
        assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo("/l/summer sale+2026");
        assertThat(event.getPathParameters()).containsExactly(entry("slug", "summer sale+2026"));
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    }

    @Test
    void passesTheQueryStringAsSentAndItsParametersDecodedWithRepeatsJoined() {
        start(new RouteBinding("GET", "/l/{slug}", "RedirectFunction", target));

        TestHttp.get(server, "/l/a?utm_source=news+letter&x=%C3%A9&x=2&flag");

        APIGatewayV2HTTPEvent event = target.onlyEvent();
        assertThat(event.getRawQueryString()).isEqualTo("utm_source=news+letter&x=%C3%A9&x=2&flag");
        assertThat(event.getQueryStringParameters())
                .containsExactly(entry("utm_source", "news letter"), entry("x", "é,2"), entry("flag", ""));
    }

    @Test
    void givesARequestWithoutQueryAnEmptyRawQueryStringAndNoParameters() {
        start(new RouteBinding("GET", "/l/{slug}", "RedirectFunction", target));

        TestHttp.get(server, "/l/a");

        assertThat(target.onlyEvent().getRawQueryString()).isEmpty();
        assertThat(target.onlyEvent().getQueryStringParameters()).isNull();
        assertThat(target.onlyEvent().getCookies()).isNull();
    }

    @Test
    void movesCookiesIntoTheirOwnFieldAndLowerCasesHeaderNames() {
        start(new RouteBinding("GET", "/l/{slug}", "RedirectFunction", target));

        TestHttp.send(TestHttp.request(server, "/l/a").header("Cookie", "gp_vid=abc123; theme=dark")
                .header("X-Custom-Thing", "Yes"));

        APIGatewayV2HTTPEvent event = target.onlyEvent();
        assertThat(event.getCookies()).containsExactly("gp_vid=abc123", "theme=dark");
        assertThat(event.getHeaders()).doesNotContainKey("cookie").containsEntry("x-custom-thing", "Yes");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase(Locale.ROOT)));
    }

    @Test
    void passesABinaryBodyBase64EncodedAndKeepsEveryByte() {
        start(new RouteBinding("POST", "/upload", "ApiFunction", target));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 10, 13};

        TestHttp.send(TestHttp.request(server, "/upload").header("Content-Type", "image/png")
                .POST(BodyPublishers.ofByteArray(png)));

        assertThat(target.onlyEvent().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(target.onlyEvent().getBody())).isEqualTo(png);
    }

    @Test
    void passesJsonAndFormBodiesAsText() {
        start(new RouteBinding("POST", "/api/links", "ApiFunction", target));

        for (String type : List.of("application/json", "application/vnd.api+json; charset=utf-8",
                "application/x-www-form-urlencoded", "text/plain")) {
            TestHttp.send(TestHttp.request(server, "/api/links").header("Content-Type", type)
                    .POST(BodyPublishers.ofString("{\"slug\":\"été\"}")));
        }

        assertThat(target.events()).allSatisfy(event -> {
            assertThat(event.getIsBase64Encoded()).isFalse();
            assertThat(event.getBody()).isEqualTo("{\"slug\":\"été\"}");
        });
    }

    @Test
    void givesARequestWithoutBodyANullBody() {
        start(new RouteBinding("POST", "/api/links", "ApiFunction", target));

        TestHttp.send(TestHttp.request(server, "/api/links").POST(BodyPublishers.noBody()));

        assertThat(target.onlyEvent().getBody()).isNull();
        assertThat(target.onlyEvent().getIsBase64Encoded()).isFalse();
    }

    private void start(RouteBinding... routes) {
        server = DevHttpServer.start(new InetSocketAddress("127.0.0.1", 0), List.of(routes), null,
                Clock.fixed(NOW, ZoneOffset.UTC), line -> { });
    }

    /** AWS's sample keeps "Header1"; API Gateway lower-cases header names (AWS's current guide shows "header1"). */
    private static JsonNode awsSampleWithLowerCaseHeaderNames() throws IOException {
        try (InputStream in = ApiGatewayV2MapperTest.class.getResourceAsStream("/http/apigw_http_event.json")) {
            JsonNode sample = JSON.readTree(in);
            Map<String, JsonNode> headers = new TreeMap<>();
            sample.get("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            ((com.fasterxml.jackson.databind.node.ObjectNode) sample).set("headers", JSON.valueToTree(headers));
            return sample;
        }
    }

    /** Every leaf of a JSON tree by its JSON pointer; a null field counts as absent. */
    private static Map<String, JsonNode> leaves(JsonNode tree) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect("", tree, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(path + "/" + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "/" + i, node.get(i), leaves);
            }
        } else if (!node.isNull()) {
            leaves.put(path, node);
        }
    }
}
