package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.event.EventJson;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.local.devserver.DevServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/** The skeleton's thin slice, over real HTTP against the dev server on the emulators. */
@ExtendWith(DevServerExtension.class)
class LinksAndClicksOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CLICK_ID = Pattern.compile("[A-Za-z0-9]{16,32}");

  private final DevServer server;
  private final Http http;

  LinksAndClicksOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    Settled.reset(server);
  }

  @Test
  void createsALinkThenRedirectsAClickWithTheQueryMergedAndOneFreshClickIdAndPutsTheClickOnTheQueue() throws Exception {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "Spring sale on Facebook", "destination": "https://shop.example/spring?ref=fb&utm_source=dest",
         "channel": "facebook-ads", "slug": "spring-fb"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).path("url").asText())
        .isEqualTo(server.baseUri() + "/l/spring-fb");

    Instant before = Instant.now();
    HttpResponse<String> click = http.get(
        "/l/spring-fb?utm_source=facebook&utm_campaign=spring&gp_cid=pastedClickId12345&gp_vid=x&gp_lt=forged");

    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().allValues("set-cookie")).isEmpty();
    URI location = URI.create(click.headers().firstValue("location").orElseThrow());
    assertThat(location.getHost()).isEqualTo("shop.example");
    assertThat(location.getPath()).isEqualTo("/spring");
    Map<String, List<String>> query = QueryStrings.parse(location.getRawQuery());
    assertThat(query).containsEntry("ref", List.of("fb"))
        .containsEntry("utm_source", List.of("dest"))
        .containsEntry("utm_campaign", List.of("spring"))
        .doesNotContainKeys("gp_vid", "gp_lt");
    assertThat(query.get("gp_cid")).singleElement().asString().matches(CLICK_ID);
    String clickId = query.get("gp_cid").get(0);

    List<String> messages = awaitDelivered(1);
    assertThat(messages).hasSize(1);
    TrackingEvent event = new EventJson().decode(messages.get(0));
    assertThat(event).isInstanceOfSatisfying(ClickEvent.class, c -> {
      assertThat(c.slug()).isEqualTo("spring-fb");
      assertThat(c.clickId()).isEqualTo(clickId);
      assertThat(c.visitorId()).isNull();
      assertThat(c.occurredAt()).isBetween(before.minusSeconds(1), Instant.now());
    });
    JsonNode raw = JSON.readTree(messages.get(0));
    assertThat(raw.path("v").asInt()).isEqualTo(ClickEvent.VERSION);
    assertThat(raw.path("type").asText()).isEqualTo("click");
  }

  @Test
  void aClickWithTheVisitorCookieCarriesThatVisitorIdAndAHeadRequestRecordsNothing() {
    assertThat(http.apiPost("/api/links", """
        {"name": "News", "destination": "https://shop.example/", "channel": "newsletter", "slug": "news"}""")
        .statusCode()).isEqualTo(201);

    HttpResponse<String> head = http.head("/l/news");
    assertThat(head.statusCode()).isEqualTo(302);

    HttpResponse<String> click = http.get("/l/news", "cookie", "other=1; gp_vid=Visitor1234567890abc");
    assertThat(click.statusCode()).isEqualTo(302);
    // The HEAD came first: had it put anything on the queue, it would be here too.
    List<String> messages = awaitDelivered(1);
    assertThat(messages).singleElement().satisfies(m ->
        assertThat(((ClickEvent) new EventJson().decode(m)).visitorId()).isEqualTo("Visitor1234567890abc"));
  }

  @Test
  void readsTheLinkBackWithItsTrackingUrl() throws Exception {
    http.apiPost("/api/links", """
        {"name": "Ads", "destination": "https://shop.example/a", "channel": "google-ads", "slug": "ads",
         "goal": {"type": "purchase", "productId": "course-101"}, "attributionWindowDays": 7}""");

    HttpResponse<String> read = http.apiGet("/api/links/ads");

    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode link = JSON.readTree(read.body());
    assertThat(link.path("slug").asText()).isEqualTo("ads");
    assertThat(link.path("goal").path("productId").asText()).isEqualTo("course-101");
    assertThat(link.path("attributionWindowDays").asInt()).isEqualTo(7);
    assertThat(link.path("url").asText()).isEqualTo(server.baseUri() + "/l/ads");
  }

  @Test
  void anUnknownSlugIsA404PageThatEchoesNothingAndRecordsNothing() {
    HttpResponse<String> response = http.get("/l/%3Cscript%3Ealert(1)%3C%2Fscript%3E?x=%3Cb%3E");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("<script>", "alert", "<b>");
    assertThat(response.headers().firstValue("location")).isEmpty();
    assertThatNothingWasWritten();
  }

  @Test
  void anInvalidLinkIs400WithAReasonAndLeavesNothingBehind() throws Exception {
    HttpResponse<String> response = http.apiPost("/api/links", """
        {"name": "Bad", "destination": "javascript:alert(1)", "channel": "ads"}""");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("error").asText()).isEqualTo("bad_request");
    assertThat(error.path("message").asText()).contains("destination");
    assertThatNothingWasWritten();
  }

  @Test
  void aTakenSlugIs409AndKeepsTheFirstLink() throws Exception {
    http.apiPost("/api/links", """
        {"name": "First", "destination": "https://a.example/", "channel": "ads", "slug": "taken"}""");
    HttpResponse<String> second = http.apiPost("/api/links", """
        {"name": "Second", "destination": "https://b.example/", "channel": "ads", "slug": "taken"}""");

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(http.apiGet("/api/links/taken").body()).path("name").asText()).isEqualTo("First");
  }

  @Test
  void aMissingOrWrongApiKeyIs401AndLeavesNothingBehind() throws Exception {
    String body = """
        {"name": "X", "destination": "https://a.example/", "channel": "ads", "slug": "nokey"}""";

    HttpResponse<String> missing = http.postJson("/api/links", body);
    HttpResponse<String> wrong = http.postJson("/api/links", body, "authorization", "Bearer not-the-key");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("unauthorized");
    assertThat(http.get("/l/nokey").statusCode()).isEqualTo(404);
    assertThatNothingWasWritten();
  }

  private void assertThatNothingWasWritten() {
    server.fireSchedules("AttributionFunction");
    String table = server.stack().tableName("GoalpostTable");
    assertThat(server.stack().dynamoDbClient().scan(ScanRequest.builder().tableName(table).build()).items())
        .isEmpty();
    assertThat(server.stack().sqsClient().receiveMessage(ReceiveMessageRequest.builder()
        .queueUrl(server.stack().queueUrl("EventsQueue")).maxNumberOfMessages(10).waitTimeSeconds(1)
        .build()).messages()).isEmpty();
    assertThat(server.deliveredFrom("EventsQueue")).isEmpty();
  }

  /**
   * What the worker was handed from the events queue, once at least {@code n} messages arrived.
   * A click that missed the redirect's queue budget on a loaded machine waits in the outbox: the
   * worker's schedule re-drives it, as it would every minute.
   */
  private List<String> awaitDelivered(int n) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
      if (server.deliveredFrom("EventsQueue").size() < n) {
        server.fireSchedules("AttributionFunction");
      }
      return server.deliveredFrom("EventsQueue").size() >= n;
    });
    return server.deliveredFrom("EventsQueue");
  }
}
