package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Decision 010 over real HTTP: a consenting lead's essential-consent opt-in that reaches the
 * worker before the personalised click it landed with still counts, once. The click is held back
 * the way a queue outage holds it — in the redirect's outbox — until the test re-drives it.
 */
@ExtendWith(DevServerExtension.class)
class LeadTouchOrderOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevServer server;
  private final Http http;

  LeadTouchOrderOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    Settled.reset(server);
  }

  @Test
  void anEssentialOptInTheWorkerTakesBeforeTheLeadsPersonalisedClickCountsTheGoalOnceTheClickArrives() {
    created(http.apiPost("/api/links", """
        {"name": "Webinar mail", "destination": "https://shop.example/webinar", "channel": "email",
         "slug": "webinar-mail", "goal": {"type": "opt_in"}}"""));
    String leadId = json(created(http.apiPost("/api/leads",
        "{\"email\": \"eve@example.com\", \"gdprConsent\": true}"))).path("leadId").asText();
    URI personalised = URI.create(json(created(http.apiPost("/api/leads/" + leadId + "/links/webinar-mail", "{}")))
        .path("url").asText());

    server.stack().stopSqs();
    HttpResponse<String> click;
    try {
      click = http.get(personalised.getRawPath() + "?" + personalised.getRawQuery());
    } finally {
      server.stack().startSqs();
    }
    assertThat(click.statusCode()).isEqualTo(302);
    String clickId = QueryStrings.parse(URI.create(click.headers().firstValue("location").orElseThrow())
        .getRawQuery()).get("gp_cid").get(0);
    assertThat(keys()).as("the click waits in the outbox").anyMatch(key -> key.startsWith("OUTBOX#"));

    String optIn = "{\"type\": \"opt_in\", \"url\": \"https://shop.example/webinar\", \"consent\": \"essential\","
        + " \"clickId\": \"" + clickId + "\", \"eventId\": \"ev_before_its_click\"}";
    assertThat(http.postJson("/e", optIn).statusCode()).isEqualTo(202);
    Settled.within(server, Duration.ofSeconds(30));
    assertThat(keys()).as("taken before its click: it waits under the click id")
        .anyMatch(key -> key.startsWith("CLICK#" + clickId + " PENDING#"))
        .noneMatch(key -> key.startsWith("CONV#opt_in#p:"));

    server.fireSchedules("AttributionFunction");
    Settled.within(server, Duration.ofSeconds(30));

    assertThat(server.deliveredFrom("EventsQueue")).as("the worker took the opt-in before the click")
        .filteredOn(message -> message.contains(clickId)).first().asString().contains("opt_in").doesNotContain(leadId);
    assertThat(goalsAndClicks()).as("the click replayed the waiting opt-in").isEqualTo(Map.of("clicks", 1, "goals", 1));
    assertThat(keys()).as("decided, so nothing of the essential event waits any more")
        .noneMatch(key -> key.contains("PENDING#") || key.startsWith("OUTBOX#"));

    assertThat(http.postJson("/e", optIn).statusCode()).as("the page sends it again").isEqualTo(202);
    Settled.within(server, Duration.ofSeconds(30));
    assertThat(goalsAndClicks()).isEqualTo(Map.of("clicks", 1, "goals", 1));
    assertThat(keys()).filteredOn(key -> key.startsWith("CONV#opt_in#p:")).hasSize(1);
  }

  private Map<String, Integer> goalsAndClicks() {
    JsonNode stats = json(http.apiGet("/api/links/webinar-mail/stats"));
    return Map.of("clicks", stats.path("clicks").asInt(), "goals", stats.path("goals").asInt());
  }

  private static HttpResponse<String> created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    return response;
  }

  /** Every stored item's {@code pk sk}; a page event's conversion is {@code CONV#opt_in#p:…}, the api's {@code …#api:…}. */
  private List<String> keys() {
    return server.stack().dynamoDbClient().scanPaginator(ScanRequest.builder()
            .tableName(server.stack().tableName("GoalpostTable")).build()).items().stream()
        .map((Map<String, AttributeValue> item) -> item.get("pk").s() + " " + item.get("sk").s())
        .toList();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
