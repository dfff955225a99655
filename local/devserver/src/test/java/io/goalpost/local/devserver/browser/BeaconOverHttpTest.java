package io.goalpost.local.devserver.browser;

import io.goalpost.local.devserver.e2e.Settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.goalpost.core.event.PageEvent;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.devserver.e2e.DevServerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The beacon's routes over HTTP against the dev server, as a page on another origin reaches
 * them: CORS comes from the template's CorsConfiguration, the pixel arrives as GIF bytes.
 */
@ExtendWith(DevServerExtension.class)
class BeaconOverHttpTest {

    private static final String ORIGIN = "https://www.shop.example";

    private final DevServer server;
    private final QueuedEvents events;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BeaconOverHttpTest(DevServer server) {
        this.server = server;
        this.events = new QueuedEvents(server);
    }

    @BeforeEach
    void emptyTheStack() {
        Settled.reset(server);
    }

    @Test
    void aJsonEventFromAnotherOriginIsAcceptedWithTheCorsHeadersOfTheTemplate() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/e"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", ORIGIN)
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "content-type").build());
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/e"))
                .header("origin", ORIGIN)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"page_view\",\"url\":\"https://www.shop.example/a?utm_source=x&q=1\"}")).build());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("*");
        assertThat(preflight.headers().firstValue("access-control-allow-methods").orElse("")).contains("POST");
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(posted.headers().firstValue("access-control-allow-origin")).contains("*");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.pageEvents())
                .singleElement().extracting(PageEvent::url).isEqualTo("https://www.shop.example/a?utm_source=x"));
    }

    @Test
    void thePixelAnswersAGifAndQueuesTheEvent() throws Exception {
        String query = "type=page_view&consent=essential&url="
                + URLEncoder.encode("https://www.shop.example/no-js?utm_medium=email", StandardCharsets.UTF_8);
        HttpResponse<byte[]> pixel = http.send(HttpRequest.newBuilder(uri("/e.gif?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("content-type")).contains("image/gif");
        assertThat(new String(pixel.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.pageEvents())
                .singleElement().satisfies(event -> {
                    assertThat(event.url()).isEqualTo("https://www.shop.example/no-js?utm_medium=email");
                    assertThat(event.visitorId()).isNull();
                }));
    }

    @Test
    void badInputIsA4xxWithAReasonAndQueuesNothing() throws Exception {
        HttpResponse<String> javascriptUrl = send(HttpRequest.newBuilder(uri("/e"))
                .header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"page_view\",\"url\":\"javascript:alert(1)\"}")).build());
        HttpResponse<String> xml = send(HttpRequest.newBuilder(uri("/e"))
                .header("content-type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<event/>")).build());
        HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(uri("/e"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(16 * 1024) + "\"}")).build());
        HttpResponse<String> badPixel = send(HttpRequest.newBuilder(uri("/e.gif?type=sale&url=x")).GET().build());

        assertThat(javascriptUrl.statusCode()).isEqualTo(400);
        assertThat(javascriptUrl.body()).contains("\"error\":\"bad_request\"", "url");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(badPixel.statusCode()).isEqualTo(400);
        assertThat(badPixel.headers().firstValue("content-type")).contains("application/json");
        assertThat(events.rawMessages()).isEmpty();
    }

    private URI uri(String pathAndQuery) {
        return server.baseUri().resolve(pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
