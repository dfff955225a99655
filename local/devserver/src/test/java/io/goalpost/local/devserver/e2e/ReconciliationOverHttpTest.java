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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reconciliation report over real HTTP against the dev server (SPEC §3 Reconciliation, §4;
 * docs/decisions/009): the article's nine buyers, the other reasons, and bad input.
 */
@ExtendWith(DevServerExtension.class)
class ReconciliationOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCT = "course-101";

  private final DevServer server;
  private final Http http;

  ReconciliationOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    Settled.reset(server);
  }

  @Test
  void theArticlesNineBuyersGiveSevenGoalsNineSalesAndTwoExplainedSales() {
    createPurchaseLink("article", 30);
    for (int buyer = 1; buyer <= 5; buyer++) {
      String visitor = "CookieBuyer00000000000" + buyer;
      clickWithCookie("article", visitor);
      postSale("ord_cookie_" + buyer, null, visitor, null, Instant.now());
    }
    // Storage cleared: no gp_vid anywhere, but the checkout carried the click id.
    String clickId = clickIdOf(http.get("/l/article"));
    postSale("ord_cleared", null, null, clickId, Instant.now());
    // A consenting lead: clicked on the phone, bought on the laptop.
    optIn("ada@example.com", true, "AdaPhone00000000000001");
    clickWithCookie("article", "AdaPhone00000000000001");
    postSale("ord_lead", "ada@example.com", "AdaLaptop0000000000001", null, Instant.now());
    // Came to the checkout without any tracked click.
    postSale("ord_direct", "cat@example.com", "CatLaptop0000000000001", null, Instant.now());
    // Clicked on the phone and bought on the laptop, without consent to be joined.
    optIn("bob@example.com", false, "BobPhone00000000000001");
    clickWithCookie("article", "BobPhone00000000000001");
    postSale("ord_unjoined", "bob@example.com", "BobLaptop0000000000001", null, Instant.now());

    everythingProcessed();

    HttpResponse<String> response = http.apiGet("/api/products/" + PRODUCT + "/reconciliation");
    JsonNode report = ok(response);
    assertThat(pathsOf(report)).as(response.body()).isEqualTo(Map.of("cookie", 5, "click_id", 1, "lead", 1));
    assertThat(ok(http.apiGet("/api/links/article/stats")).path("goals").asInt()).isEqualTo(7);
    assertThat(ok(http.apiGet("/api/products/" + PRODUCT + "/stats")).path("sales").asInt()).isEqualTo(9);
    assertThat(report.path("productId").asText()).isEqualTo(PRODUCT);
    assertThat(report.path("sales").asInt()).isEqualTo(9);
    assertThat(report.path("attributedSales").asInt()).isEqualTo(7);
    assertThat(JSON.convertValue(report.path("unattributed"), Map.class))
        .isEqualTo(Map.of("no_tracked_click", 1, "other_device_or_cookie", 1));
    assertThat(report.path("byLink")).singleElement().satisfies(link -> {
      assertThat(link.path("slug").asText()).isEqualTo("article");
      assertThat(link.path("sales").asInt()).isEqualTo(7);
      assertThat(link.path("revenue").path("USD").asLong()).isEqualTo(7 * 4900L);
    });
    assertThat(reasonOf(report, "ord_direct")).isEqualTo("no_tracked_click");
    assertThat(reasonOf(report, "ord_unjoined")).isEqualTo("other_device_or_cookie");
    // Never a person: no email, visitor id or click id in the answer.
    assertThat(response.body()).doesNotContain("@", "Phone0", "Laptop0", "CookieBuyer", clickId);
  }

  @Test
  void aSaleAfterItsClicksWindowIsOutsideTheWindowAndOneAfterAClickWithoutItsGoalIsLinkWithoutGoal() {
    createPurchaseLink("one-day", 1);
    createOptInLink("newsletter");
    clickWithCookie("one-day", "LateBuyer0000000000001");
    clickWithCookie("newsletter", "Reader000000000000001");
    Instant threeDaysOn = Instant.now().plus(Duration.ofDays(3));
    postSale("ord_late", null, "LateBuyer0000000000001", null, threeDaysOn);
    postSale("ord_reader", null, "Reader000000000000001", null, Instant.now());
    postSale("ord_anonymous", null, null, null, Instant.now());

    everythingProcessed();

    String to = LocalDate.ofInstant(threeDaysOn, ZoneOffset.UTC).toString();
    JsonNode report = ok(http.apiGet("/api/products/" + PRODUCT + "/reconciliation?to=" + to));
    assertThat(reasonOf(report, "ord_late")).isEqualTo("outside_window");
    assertThat(reasonOf(report, "ord_reader")).isEqualTo("link_without_goal");
    assertThat(reasonOf(report, "ord_anonymous")).isEqualTo("no_identity");
    assertThat(report.path("sales").asInt()).isEqualTo(3);
    assertThat(report.path("attributedSales").asInt()).isZero();
    assertThat(report.path("byLink")).isEmpty();
    // The default range ends today: the sale three days on is not in it.
    assertThat(ok(http.apiGet("/api/products/" + PRODUCT + "/reconciliation")).path("sales").asInt()).isEqualTo(2);
  }

  @Test
  void anUnknownProductAnswersZerosAndABadRangeOrProductIdA400WithItsReason() {
    JsonNode unknown = ok(http.apiGet("/api/products/never-sold/reconciliation"));
    assertThat(unknown.path("sales").asInt()).isZero();
    assertThat(unknown.path("attributedSales").asInt()).isZero();
    assertThat(unknown.path("byLink")).isEmpty();
    assertThat(unknown.path("unattributed")).isEmpty();
    assertThat(unknown.path("conversions")).isEmpty();

    assertBadRequest(http.apiGet("/api/products/" + PRODUCT + "/reconciliation?from=2025-04-03&to=2025-04-01"),
        "from must not be after to");
    assertBadRequest(http.apiGet("/api/products/" + PRODUCT + "/reconciliation?from=2024-01-01&to=2025-04-01"),
        "at most 366");
    assertBadRequest(http.apiGet("/api/products/" + PRODUCT + "/reconciliation?from=yesterday"), "from must be a date");
    assertBadRequest(http.apiGet("/api/products/bad%20id/reconciliation"), "productId");
    assertThat(http.get("/api/products/" + PRODUCT + "/reconciliation").statusCode()).isEqualTo(401);
  }

  // ---- helpers ----------------------------------------------------------------------------

  /**
   * The queue drained, then the outbox re-driven and drained again: on a loaded machine a click's
   * send can miss the redirect's 300 ms budget and wait in the outbox for the worker's schedule.
   */
  private void everythingProcessed() {
    Settled.within(server, Duration.ofSeconds(60));
    server.fireSchedules("AttributionFunction");
    Settled.within(server, Duration.ofSeconds(60));
  }

  private void createPurchaseLink(String slug, int windowDays) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/checkout", "channel": "email", "slug": "%s",
         "goal": {"type": "purchase", "productId": "%s"}, "attributionWindowDays": %d}"""
        .formatted(slug, slug, PRODUCT, windowDays));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private void createOptInLink(String slug) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/join", "channel": "email",
         "slug": "%s", "goal": {"type": "opt_in"}}""".formatted(slug, slug));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private void optIn(String email, boolean gdprConsent, String visitorId) {
    HttpResponse<String> response = http.apiPost("/api/leads", "{\"email\": \"%s\", \"gdprConsent\": %s, \"visitorId\": \"%s\"}"
        .formatted(email, gdprConsent, visitorId));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private void clickWithCookie(String slug, String visitorId) {
    clickIdOf(http.get("/l/" + slug, "cookie", "gp_vid=" + visitorId));
  }

  private static String clickIdOf(HttpResponse<String> click) {
    assertThat(click.statusCode()).isEqualTo(302);
    return QueryStrings.parse(URI.create(click.headers().firstValue("location").orElseThrow()).getRawQuery())
        .get("gp_cid").get(0);
  }

  /** A signed sale of {@link #PRODUCT} for 49.00 USD, a second after {@code at} (clicks come first). */
  private void postSale(String orderId, String email, String visitorId, String clickId, Instant at) {
    String body = """
        {"type": "sale", "orderId": "%s", "productId": "%s", "amount": 4900, "currency": "USD",
         %s%s%s"occurredAt": "%s"}""".formatted(orderId, PRODUCT,
        email == null ? "" : "\"email\": \"" + email + "\", ",
        visitorId == null ? "" : "\"visitorId\": \"" + visitorId + "\", ",
        clickId == null ? "" : "\"clickId\": \"" + clickId + "\", ",
        at.plusSeconds(1));
    HttpResponse<String> response = http.postJson("/webhooks/orders", body,
        SignedOrders.headers("msg_" + orderId, Instant.now().getEpochSecond(), body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static Map<String, Integer> pathsOf(JsonNode report) {
    Map<String, Integer> paths = new TreeMap<>();
    report.path("conversions").forEach(sale -> {
      if (sale.has("path")) {
        paths.merge(sale.path("path").asText(), 1, Integer::sum);
      }
    });
    return paths;
  }

  private static String reasonOf(JsonNode report, String orderId) {
    for (JsonNode sale : report.path("conversions")) {
      if (sale.path("orderId").asText().equals(orderId)) {
        return sale.path("reason").asText(null);
      }
    }
    throw new AssertionError("no sale " + orderId + " in " + report);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return body(response);
  }

  private static void assertBadRequest(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = body(response);
    assertThat(body.path("error").asText()).isEqualTo("bad_request");
    assertThat(body.path("message").asText()).contains(reason);
  }

  private static JsonNode body(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
