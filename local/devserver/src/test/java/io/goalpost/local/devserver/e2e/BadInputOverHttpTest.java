package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on every route issue 4 touched — {@code POST /e}, {@code GET /e.gif} and the link
 * routes — over HTTP against the dev server: each answer is a 4xx with a JSON error code and a
 * human reason, never a 5xx, and nothing is queued or written (SPEC §4).
 */
@ExtendWith(DevServerExtension.class)
class BadInputOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.4 Safari/605.1.15";
  private static final String AUTHORIZATION = "Bearer " + Http.API_KEY;
  private static final String VIEW = "{\"type\":\"page_view\",\"url\":\"https://shop.example/\"}";

  private final DevServer server;
  private final Http http;
  private final Requests requests;

  BadInputOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
    this.requests = new Requests(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    Settled.reset(server);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "{\"type\":\"page_view\",",
      "not json",
      "[" + VIEW + "]",
      "{\"type\":\"page_view\",\"url\":\"https://shop.example/\"} {}",
      "{\"type\":\"page_view\",\"type\":\"opt_in\",\"url\":\"https://shop.example/\"}",
      "{\"type\":7,\"url\":\"https://shop.example/\"}",
      "{\"type\":\"page_view\",\"url\":[\"https://shop.example/\"]}",
      "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"consent\":true}",
      "{\"type\":\"sale\",\"url\":\"https://shop.example/\"}",
      "{\"type\":\"click\",\"url\":\"https://shop.example/\"}",
      "{\"type\":\"page_view\",\"url\":\"javascript:alert(document.cookie)\"}",
      "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"referrer\":\"javascript:alert(1)\"}",
      "{\"type\":\"page_view\",\"url\":\"/relative/path\"}",
      "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"visitorId\":\"short\"}",
      "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"clickId\":\"Ab3dEf6hIj9kLm2n<script>\"}",
      "{\"type\":\"opt_in\",\"url\":\"https://shop.example/\",\"formId\":\"news letter\"}",
      "{\"type\":\"checkout_view\",\"url\":\"https://shop.example/\",\"productId\":\"pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp\"}",
      "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"eventId\":\"e\"}",
      "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"consent\":\"yes\"}",
  })
  void aMalformedOrInvalidPageEventIs400WithAReasonAndNothingIsQueued(String body) {
    HttpResponse<String> json = requests.send("POST", "/e", "application/json", body, "user-agent", BROWSER);
    HttpResponse<String> plain = requests.send("POST", "/e", "text/plain;charset=UTF-8", body, "user-agent", BROWSER);

    assertRefused(json, 400, "bad_request");
    assertRefused(plain, 400, "bad_request");
    assertThatNothingWasQueuedOrWritten();
  }

  @Test
  void aPageEventOver16KilobytesIs413AndAnyOtherContentTypeIs415() {
    String padded = "{\"type\":\"page_view\",\"url\":\"https://shop.example/\",\"referrer\":\"https://shop.example/"
        + "x".repeat(16 * 1024) + "\"}";

    assertRefused(requests.send("POST", "/e", "text/plain", padded, "user-agent", BROWSER), 413, "payload_too_large");
    assertRefused(requests.send("POST", "/e", "application/x-www-form-urlencoded", "type=page_view&url=x",
        "user-agent", BROWSER), 415, "unsupported_media_type");
    assertRefused(requests.send("POST", "/e", "application/xml", "<event/>", "user-agent", BROWSER), 415,
        "unsupported_media_type");
    assertRefused(requests.send("POST", "/e", null, VIEW, "user-agent", BROWSER), 415, "unsupported_media_type");
    assertThatNothingWasQueuedOrWritten();
  }

  @Test
  void aBadPixelIs400InJsonNotAGifAndNothingIsQueued() {
    List<Map<String, String>> queries = List.of(
        Map.of(),
        Map.of("type", "page_view"),
        Map.of("type", "purchase", "url", "https://shop.example/"),
        Map.of("type", "page_view", "url", "javascript:alert(1)"),
        Map.of("type", "page_view", "url", "https://shop.example/", "visitorId", "not an id"),
        Map.of("type", "page_view", "url", "https://shop.example/", "clickId", "x".repeat(33)),
        Map.of("type", "opt_in", "url", "https://shop.example/", "formId", "<form>"),
        Map.of("type", "page_view", "url", "https://shop.example/", "consent", "everything"));

    for (Map<String, String> query : queries) {
      assertRefused(http.get("/e.gif?" + query(query), "user-agent", BROWSER), 400, "bad_request");
    }
    assertThatNothingWasQueuedOrWritten();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "{\"name\": \"Spring\",",
      "[]",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\"} {}",
      "{\"name\": 7, \"destination\": \"https://a.example/\", \"channel\": \"ads\"}",
      "{\"name\": \"Spring\", \"destination\": [\"https://a.example/\"], \"channel\": \"ads\"}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"attributionWindowDays\": \"30\"}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"attributionWindowDays\": 1.5}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"attributionWindowDays\": 0}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"attributionWindowDays\": 366}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"countRebills\": \"yes\"}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"chanel\": \"x\"}",
      "{\"name\": \"Spring\", \"destination\": \"javascript:alert(1)\", \"channel\": \"ads\"}",
      "{\"name\": \"Spring\", \"destination\": \"/spring\", \"channel\": \"ads\"}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"Facebook Ads\"}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"slug\": \"no/slash\"}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"goal\": {\"type\": \"signup\"}}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\", \"goal\": \"opt_in\"}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\","
          + " \"goal\": {\"type\": \"opt_in\", \"formId\": \"news letter\"}}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\","
          + " \"goal\": {\"type\": \"page_visit\", \"pageUrl\": \"javascript:alert(1)\"}}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\","
          + " \"goal\": {\"type\": \"page_visit\"}}",
      "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\","
          + " \"goal\": {\"type\": \"opt_in\", \"productId\": \"course-101\"}}",
  })
  void aMalformedOrInvalidLinkIs400WithAReasonAndNothingIsWritten(String body) {
    assertRefused(requests.send("POST", "/api/links", "application/json", body, "authorization", AUTHORIZATION),
        400, "bad_request");
    assertThatNothingWasQueuedOrWritten();
  }

  @Test
  void aLinkOver16KilobytesIs413AndALinkThatIsNotJsonIs415() {
    String padded = "{\"name\": \"" + "x".repeat(16 * 1024) + "\", \"destination\": \"https://a.example/\","
        + " \"channel\": \"ads\"}";
    String link = "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\"}";

    assertRefused(requests.send("POST", "/api/links", "application/json", padded, "authorization", AUTHORIZATION),
        413, "payload_too_large");
    assertRefused(requests.send("POST", "/api/links", "text/plain", link, "authorization", AUTHORIZATION),
        415, "unsupported_media_type");
    assertRefused(requests.send("POST", "/api/links", null, link, "authorization", AUTHORIZATION),
        415, "unsupported_media_type");
    assertThatNothingWasQueuedOrWritten();
  }

  @Test
  void aBadChangeOfALinkIsA4xxWithAReasonAndLeavesTheLinkAsItWas() throws IOException {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "Spring", "destination": "https://a.example/", "channel": "ads", "slug": "kept",
         "goal": {"type": "opt_in"}}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode before = JSON.readTree(http.apiGet("/api/links/kept").body());
    List<String> itemsBefore = storedItems();

    for (String body : List.of("", "{\"name\":", "[]", "{\"name\": 7}", "{\"destination\": \"javascript:alert(1)\"}",
        "{\"channel\": \"Not A Channel\"}", "{\"goal\": {\"type\": \"page_visit\", \"pageUrl\": \"https://a.example/\"}}",
        "{\"attributionWindowDays\": 7}", "{\"countRebills\": true}", "{\"slug\": \"other\"}", "{\"archived\": true}",
        "{\"nmae\": \"typo\"}")) {
      assertRefused(requests.send("PATCH", "/api/links/kept", "application/json", body,
          "authorization", AUTHORIZATION), 400, "bad_request");
    }
    assertRefused(requests.send("PATCH", "/api/links/kept", "text/plain", "{\"name\": \"x\"}",
        "authorization", AUTHORIZATION), 415, "unsupported_media_type");
    assertRefused(requests.send("PATCH", "/api/links/kept", "application/json",
        "{\"name\": \"" + "x".repeat(16 * 1024) + "\"}", "authorization", AUTHORIZATION), 413, "payload_too_large");
    assertRefused(requests.send("PATCH", "/api/links/missing", "application/json", "{\"name\": \"x\"}",
        "authorization", AUTHORIZATION), 404, "not_found");

    assertThat(JSON.readTree(http.apiGet("/api/links/kept").body())).isEqualTo(before);
    assertThat(storedItems()).containsExactlyInAnyOrderElementsOf(itemsBefore);
  }

  @Test
  void badStatsRangesAndListParametersAre400WithAReason() {
    http.apiPost("/api/links", "{\"name\": \"Spring\", \"destination\": \"https://a.example/\", \"channel\": \"ads\","
        + " \"slug\": \"ranged\"}");

    for (String path : List.of("/api/links/ranged/stats?from=yesterday", "/api/links/ranged/stats?from=2025-04-10&to=2025-04-01",
        "/api/links/ranged/stats?from=2024-01-01&to=2025-04-01", "/api/links/ranged/stats?to=2025-13-01",
        "/api/channels?from=2025-02-30", "/api/links?limit=0", "/api/links?limit=ten", "/api/links?cursor=%3Cnot%3E")) {
      assertRefused(http.apiGet(path), 400, "bad_request");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** A 4xx of this status and code, in JSON, with a reason that echoes no markup. */
  private static void assertRefused(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
        .isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode error;
    try {
      error = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(error.path("error").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isNotBlank().doesNotContain("<script", "alert(");
  }

  private void assertThatNothingWasQueuedOrWritten() {
    server.fireSchedules("AttributionFunction");
    Settled.within(server, Duration.ofSeconds(30));
    assertThat(server.deliveredFrom("EventsQueue")).isEmpty();
    assertThat(storedItems()).isEmpty();
  }

  private List<String> storedItems() {
    return server.stack().dynamoDbClient().scan(scan -> scan.tableName(server.stack().tableName("GoalpostTable")))
        .items().stream().map(Object::toString).toList();
  }

  private static String query(Map<String, String> fields) {
    return String.join("&", fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
  }
}
