package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.stack.RepositoryPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment's {@code AttributionModel} over HTTP: a dev server on the repository's
 * template with {@code first_touch} as the parameter's value (the way a deployment sets it), and
 * a visitor who clicked two links before opting in. Under the default, {@code last_touch}, the
 * same visit goes to the second link ({@link PageGoalsOverHttpTest}).
 */
class FirstTouchOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant MONDAY = Instant.parse("2025-04-07T09:00:00Z");
  private static final String RANGE = "from=2025-04-01&to=2025-04-30";
  private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
  private static final String ANN = "annVisitor00000000001";

  private static MutableClock clock;
  private static DevServer server;
  private static Http http;
  private static Requests requests;

  @BeforeAll
  static void startUnderFirstTouch() throws IOException {
    String template = Files.readString(RepositoryPaths.templateYaml());
    String firstTouch = template.replaceFirst("(AttributionModel:\\s+Type: String\\s+Default: )last_touch", "$1first_touch");
    assertThat(firstTouch).as("the template's AttributionModel default").isNotEqualTo(template);
    Path copy = Path.of("target", "first-touch", "template.yaml");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, firstTouch);

    clock = new MutableClock(MONDAY);
    server = DevServer.start(DevServer.Options.defaults(copy, 0).withoutSchedules().withClock(clock));
    http = new Http(server.baseUri());
    requests = new Requests(server.baseUri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void underFirstTouchTheVisitorsFirstClickedLinkGetsTheGoal() {
    assertThat(server.environmentOf("AttributionFunction")).containsEntry("ATTRIBUTION_MODEL", "first_touch");
    for (String slug : new String[] {"first-ad", "second-ad"}) {
      HttpResponse<String> created = http.apiPost("/api/links", """
          {"name": "%s", "destination": "https://shop.example/spring", "channel": "ads", "slug": "%s",
           "goal": {"type": "opt_in"}}""".formatted(slug, slug));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    String firstClick = click("first-ad", "");
    send("{\"type\":\"page_view\",\"url\":\"https://shop.example/spring\",\"consent\":\"all\",\"visitorId\":\"" + ANN
        + "\",\"clickId\":\"" + firstClick + "\",\"eventId\":\"landing00001\"}");
    click("second-ad", "gp_vid=" + ANN);
    send("{\"type\":\"opt_in\",\"url\":\"https://shop.example/thanks\",\"consent\":\"all\",\"visitorId\":\"" + ANN
        + "\",\"formId\":\"newsletter\",\"eventId\":\"optin000001\"}");

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
      server.fireSchedules("AttributionFunction");
      return goals("first-ad") + goals("second-ad") >= 1;
    });
    server.fireSchedules("AttributionFunction");
    Settled.within(server, Duration.ofSeconds(60));
    assertThat(Map.of("first-ad", goals("first-ad"), "second-ad", goals("second-ad")))
        .isEqualTo(Map.of("first-ad", 1L, "second-ad", 0L));
  }

  private static String click(String slug, String cookie) {
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> response = cookie.isEmpty() ? http.get("/l/" + slug, "user-agent", BROWSER)
        : http.get("/l/" + slug, "user-agent", BROWSER, "cookie", cookie);
    assertThat(response.statusCode()).isEqualTo(302);
    return QueryStrings.parse(URI.create(response.headers().firstValue("location").orElseThrow()).getRawQuery())
        .get("gp_cid").get(0);
  }

  private static void send(String event) {
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> response = requests.send("POST", "/e", "text/plain;charset=UTF-8", event, "user-agent", BROWSER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private static long goals(String slug) {
    HttpResponse<String> response = http.apiGet("/api/links/" + slug + "/stats?" + RANGE);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      JsonNode stats = JSON.readTree(response.body());
      return stats.path("goals").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
