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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rules of opt-in and page-visit goals (SPEC §3 Page events, Consent and identity,
 * Attribution), over HTTP against a dev server whose clock the test moves: clicks through
 * {@code GET /l/{slug}}, page events through {@code POST /e} and {@code GET /e.gif} as t.js and the
 * pixel send them, and the outcome read where a user reads it, in the link's stats.
 *
 * <p>Every page event comes a minute after the one before (the beacon stamps receipt time), so
 * event times are in the order the test sends them, whatever order the two pollers handle them in.
 * A "nothing" is read only once the worker has handled everything it was sent ({@link #settled}).
 */
class PageGoalsOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant MONDAY = Instant.parse("2025-04-07T09:00:00Z");
  private static final String RANGE = "from=2025-04-01&to=2025-04-30";
  private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
  private static final String LANDING = "https://shop.example/spring?utm_source=newsletter";
  private static final String ANN = "annVisitor00000000001";
  private static final String BOB = "bobVisitor00000000002";
  private static final String CARA = "caraVisitor0000000003";
  private static final String DAN = "danVisitor00000000004";

  private static MutableClock clock;
  private static DevServer server;
  private static Http http;
  private static Requests requests;
  private int events;

  @BeforeAll
  static void start() {
    clock = new MutableClock(MONDAY);
    server = DevServer.start(DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0)
        .withoutSchedules().withClock(clock));
    http = new Http(server.baseUri());
    requests = new Requests(server.baseUri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void startOnMonday() {
    Settled.reset(server);
    clock.setTo(MONDAY);
  }

  @Test
  void goalsCountOnlyForAConversionMatchingTheGoalWithinTheClickedLinksWindow() {
    link("form-1d", "{\"type\": \"opt_in\", \"formId\": \"newsletter\"}", 1);
    link("thanks-1d", "{\"type\": \"page_visit\", \"pageUrl\": \"https://shop.example/thanks/\"}", 1);

    // Ann opts in on another form, and visits another page: neither matches.
    landFrom("form-1d", ANN);
    accepted(optIn(ANN, "contact"));
    accepted(pageView(ANN, null, "https://shop.example/thank-you"));
    // Dan visits the goal page as it is written in the wild: another scheme, case, query, fragment.
    landFrom("thanks-1d", DAN);
    accepted(pageView(DAN, null, "http://SHOP.example/thanks?ref=mail#top"));
    // Cara opts in 23 hours after her click (inside the 1-day window), Bob visits 25 hours after his (outside).
    landFrom("form-1d", CARA);
    landFrom("thanks-1d", BOB);
    clock.advance(Duration.ofHours(23));
    accepted(optIn(CARA, "newsletter"));
    clock.advance(Duration.ofHours(2));
    accepted(pageView(BOB, null, "https://shop.example/thanks"));

    awaitGoals("form-1d", 1);
    awaitGoals("thanks-1d", 1);
    // Cara's, not Ann's; Dan's, not Bob's.
    assertThat(settled(() -> Map.of("form-1d", goals("form-1d"), "thanks-1d", goals("thanks-1d"))))
        .isEqualTo(Map.of("form-1d", 1L, "thanks-1d", 1L));
  }

  @Test
  void theModelGivesAConversionToOneLinkAndAGoalCountsOncePerVisitorPerLinkWithoutFallingThrough() {
    link("first-ad", "{\"type\": \"opt_in\"}", 30);
    link("second-ad", "{\"type\": \"opt_in\"}", 30);

    // Ann lands from the first ad (a claim), then clicks the second with her cookie: last touch is the second.
    landFrom("first-ad", ANN);
    clock.advance(Duration.ofMinutes(1));
    assertThat(http.get("/l/second-ad", "user-agent", BROWSER, "cookie", "gp_vid=" + ANN).statusCode()).isEqualTo(302);
    accepted(optIn(ANN, "newsletter"));
    // Her second opt-in picks the second ad again, which holds her goal: nothing, not the first ad instead.
    accepted(optIn(ANN, "webinar"));
    // Bob clicked only the first ad: his opt-in is its one goal.
    landFrom("first-ad", BOB);
    accepted(optIn(BOB, "newsletter"));

    awaitGoals("second-ad", 1);
    awaitGoals("first-ad", 1);
    // Ann's first opt-in on the second ad, Bob's on the first; Ann's second opt-in nowhere.
    assertThat(settled(() -> Map.of("first-ad", goals("first-ad"), "second-ad", goals("second-ad"))))
        .isEqualTo(Map.of("first-ad", 1L, "second-ad", 1L));
  }

  @Test
  void aSecondVisitorLandingWithAnAlreadyClaimedClickIdGetsNothingFromIt() {
    link("pasted", "{\"type\": \"opt_in\"}", 30);
    String clickId = click("pasted");

    accepted(pageView(ANN, clickId, LANDING));
    // Ann pasted the URL, click id and all, to Bob, who lands with it and opts in.
    accepted(pageView(BOB, clickId, LANDING));
    accepted(optIn(BOB, "newsletter"));

    assertThat(settled(() -> goals("pasted"))).as("Bob's opt-in").isZero();

    accepted(optIn(ANN, "newsletter"));

    assertThat(awaitGoals("pasted", 1)).as("Ann's opt-in").isEqualTo(1);
  }

  @Test
  void underEssentialConsentEventsCountInTotalsButNoIdIsKeptAndNoGoalIsCompleted() {
    link("essential", "{\"type\": \"page_visit\", \"pageUrl\": \"https://shop.example/thanks\"}", 30);
    String clickId = click("essential");
    String cookie = "gp_vid=" + ANN;

    // What a page under essential might still send: a visitor id in the body or the cookie.
    accepted(event("page_view", LANDING, "essential", ANN, clickId, null, null), "cookie", cookie);
    accepted(event("page_view", "https://shop.example/thanks", "essential", ANN, clickId, null, null), "cookie", cookie);
    accepted(event("checkout_view", "https://shop.example/checkout", "essential", null, clickId, null, "course-101"),
        "cookie", cookie);

    JsonNode product = settled(() -> productStats("course-101"));
    assertThat(product.path("checkoutViews").asLong()).isEqualTo(1);
    assertThat(product.path("checkoutVisitors").asLong()).isZero();
    assertThat(linkTotals("essential")).isEqualTo(Map.of("clicks", 1L, "botClicks", 0L, "goals", 0L));
    assertThat(storedItems()).isNotEmpty().noneMatch(item -> item.contains(ANN));
    assertThat(server.deliveredFrom("EventsQueue").stream().distinct()).as("the click and three page events")
        .hasSize(4).noneMatch(message -> message.contains(ANN));
  }

  @Test
  void thePageEventSentTwiceWithOneEventIdCountsOnceWhicheverRouteItCameBy() {
    link("resent", "{\"type\": \"opt_in\"}", 30);
    landFrom("resent", ANN);
    String optIn = event("opt_in", "https://shop.example/thanks", "all", ANN, null, "newsletter", null, "optInEvent001");
    String checkout = event("checkout_view", "https://shop.example/checkout", "all", ANN, null, null, "course-101",
        "checkoutEvent01");

    accepted(optIn);
    accepted(optIn);
    accepted(checkout);
    accepted(checkout);
    assertThat(http.get("/e.gif?" + asQuery(checkout), "user-agent", BROWSER).statusCode()).isEqualTo(200);

    assertThat(awaitGoals("resent", 1)).isEqualTo(1);
    JsonNode product = productStats("course-101");
    assertThat(product.path("checkoutViews").asLong()).isEqualTo(1);
    assertThat(product.path("checkoutVisitors").asLong()).isEqualTo(1);
    assertThat(storedKeys()).filteredOn(key -> key.startsWith("CONV#opt_in#")).hasSize(1);
  }

  @Test
  void aBotRunningThePageScriptIsAnsweredAsUsualButClaimsNothingAndCompletesNothing() {
    link("previewed", "{\"type\": \"opt_in\"}", 30);
    String clickId = click("previewed");
    String crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    String headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0"
        + " Safari/537.36";

    // A crawler that runs JavaScript lands first with the click id; were it kept, its claim would win the click.
    String botsView = pageView(BOB, clickId, LANDING);
    clock.advance(Duration.ofMinutes(1));
    assertThat(http.postJson("/e", botsView, "user-agent", crawler).statusCode()).isEqualTo(202);
    assertThat(http.get("/e.gif?" + asQuery(pageView(CARA, clickId, LANDING)), "user-agent", headless).statusCode())
        .isEqualTo(200);
    accepted(pageView(ANN, clickId, LANDING));
    accepted(optIn(ANN, "newsletter"));

    assertThat(awaitGoals("previewed", 1)).as("Ann's").isEqualTo(1);
    assertThat(server.deliveredFrom("EventsQueue").stream().distinct()).as("the click and Ann's two events").hasSize(3)
        .noneMatch(message -> message.contains(BOB) || message.contains(CARA));
    assertThat(linkTotals("previewed")).isEqualTo(Map.of("clicks", 1L, "botClicks", 0L, "goals", 1L));
  }

  @Test
  void whenTheQueueIsDownTheBeaconStillAnswersAndTheOptInCountsOnceWhenItReturns() {
    link("outage", "{\"type\": \"opt_in\"}", 30);
    landFrom("outage", ANN);
    String optIn = optIn(ANN, "newsletter");

    server.stack().stopSqs();
    try {
      accepted(optIn);
    } finally {
      server.stack().startSqs();
    }
    assertThat(storedKeys()).as("the opt-in waits in the outbox").anyMatch(key -> key.startsWith("OUTBOX#"));
    // The page sends it again (a retry, or the same event id from another tab): still one.
    accepted(optIn);

    assertThat(awaitGoals("outage", 1)).isEqualTo(1);
    assertThat(storedKeys()).as("re-driven, then forgotten").noneMatch(key -> key.startsWith("OUTBOX#"));
    assertThat(storedKeys()).filteredOn(key -> key.startsWith("CONV#opt_in#")).hasSize(1);
  }

  // ---- sending ------------------------------------------------------------------------------

  private void link(String slug, String goal, int windowDays) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/spring", "channel": "newsletter", "slug": "%s",
         "goal": %s, "attributionWindowDays": %d}""".formatted(slug, slug, goal, windowDays));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  /** A person's click a minute after the last thing that happened; answers the click id. */
  private String click(String slug) {
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> response = http.get("/l/" + slug, "user-agent", BROWSER);
    assertThat(response.statusCode()).isEqualTo(302);
    return QueryStrings.parse(URI.create(response.headers().firstValue("location").orElseThrow()).getRawQuery())
        .get("gp_cid").get(0);
  }

  /** A click, then the landing page's view under consent all: the visitor claims the click. */
  private void landFrom(String slug, String visitorId) {
    accepted(pageView(visitorId, click(slug), LANDING));
  }

  private String pageView(String visitorId, String clickId, String url) {
    return event("page_view", url, "all", visitorId, clickId, null, null);
  }

  private String optIn(String visitorId, String formId) {
    return event("opt_in", "https://shop.example/thanks", "all", visitorId, null, formId, null);
  }

  private String event(String type, String url, String consent, String visitorId, String clickId, String formId,
      String productId) {
    return event(type, url, consent, visitorId, clickId, formId, productId, "event" + String.format("%08d", ++events));
  }

  /** A page event as t.js sends it (null fields left out). */
  private static String event(String type, String url, String consent, String visitorId, String clickId,
      String formId, String productId, String eventId) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("type", type);
    fields.put("url", url);
    fields.put("consent", consent);
    fields.put("visitorId", visitorId);
    fields.put("clickId", clickId);
    fields.put("formId", formId);
    fields.put("productId", productId);
    fields.put("eventId", eventId);
    fields.values().removeIf(java.util.Objects::isNull);
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sent a minute after the last thing that happened, as sendBeacon sends it (text/plain); must be 202. */
  private void accepted(String event, String... headers) {
    clock.advance(Duration.ofMinutes(1));
    String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("user-agent", BROWSER),
        java.util.Arrays.stream(headers)).toArray(String[]::new);
    HttpResponse<String> response = requests.send("POST", "/e", "text/plain;charset=UTF-8", event, all);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  /** The same fields as the pixel's query. */
  private static String asQuery(String event) {
    try {
      Map<String, String> fields = JSON.readValue(event, JSON.getTypeFactory().constructMapType(java.util.LinkedHashMap.class,
          String.class, String.class));
      return fields.entrySet().stream()
          .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- reading ------------------------------------------------------------------------------

  /** The link's goals once they reach {@code expected}, read again once the worker has caught up. */
  private static long awaitGoals(String slug, long expected) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
      server.fireSchedules("AttributionFunction");
      return goals(slug) >= expected;
    });
    return settled(() -> goals(slug));
  }

  /**
   * A reading taken once the worker has handled everything it was sent: what waited in the
   * outbox is re-driven, and the queue is empty with nothing in flight.
   */
  private static <T> T settled(java.util.function.Supplier<T> reading) {
    server.fireSchedules("AttributionFunction");
    Settled.within(server, Duration.ofSeconds(60));
    return reading.get();
  }

  private static long goals(String slug) {
    return linkStats(slug).path("goals").asLong();
  }

  private static Map<String, Long> linkTotals(String slug) {
    JsonNode stats = linkStats(slug);
    return Map.of("clicks", stats.path("clicks").asLong(), "botClicks", stats.path("botClicks").asLong(),
        "goals", stats.path("goals").asLong());
  }

  private static JsonNode linkStats(String slug) {
    return read(http.apiGet("/api/links/" + slug + "/stats?" + RANGE));
  }

  private static JsonNode productStats(String productId) {
    return read(http.apiGet("/api/products/" + productId + "/stats?" + RANGE));
  }

  private static JsonNode read(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Map<String, AttributeValue>> scan() {
    return server.stack().dynamoDbClient()
        .scan(scan -> scan.tableName(server.stack().tableName("GoalpostTable"))).items();
  }

  /** Every item in the table, as text. */
  private static List<String> storedItems() {
    return scan().stream().map(Object::toString).toList();
  }

  /** Every item's partition key. */
  private static List<String> storedKeys() {
    return scan().stream().map(item -> item.get("pk").s()).toList();
  }
}
