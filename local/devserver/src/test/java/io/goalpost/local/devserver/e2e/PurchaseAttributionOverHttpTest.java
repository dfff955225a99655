package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The thin path of attribution over real HTTP against the dev server: a purchase-goal link, a
 * click, a signed sale carrying the click's id, and the link's stats — with redelivery, a queue
 * outage and bad webhooks.
 */
@ExtendWith(DevServerExtension.class)
class PurchaseAttributionOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevServer server;
  private final Http http;

  PurchaseAttributionOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    Settled.reset(server);
  }

  @Test
  void aSaleCarryingTheClicksIdIsCreditedToItsLinkWithItsRevenue() {
    createPurchaseLink("course-fb", "course-101");
    String clickId = click("course-fb");

    HttpResponse<String> sale = postOrder("msg_sale_1", sale("ord_1001", "course-101", 4900, "usd", clickId));
    assertThat(sale.statusCode()).as(sale.body()).isEqualTo(200);

    JsonNode stats = awaitStats("course-fb", s -> s.path("goals").asInt() == 1);
    assertThat(stats.path("clicks").asInt()).isEqualTo(1);
    assertThat(stats.path("uniqueClicks").asInt()).isEqualTo(1);
    assertThat(stats.path("goals").asInt()).isEqualTo(1);
    assertThat(stats.path("revenue").path("USD").asLong()).isEqualTo(4900);
    assertThat(stats.path("conversionRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void theSameWebhookDeliveredTwiceAndTheSameOrderFromTwoDeliveriesCountOnce() {
    createPurchaseLink("twice", "course-101");
    String clickId = click("twice");
    String body = sale("ord_2002", "course-101", 2500, "USD", clickId);

    assertThat(postOrder("msg_twice", body).statusCode()).isEqualTo(200);
    assertThat(postOrder("msg_twice", body).statusCode()).isEqualTo(200);
    assertThat(postOrder("msg_twice_resent_by_the_cart", body).statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(20)).until(() -> server.deliveredFrom("EventsQueue").size() >= 4);
    JsonNode stats = awaitStats("twice", s -> s.path("goals").asInt() >= 1);
    assertThat(stats.path("goals").asInt()).isEqualTo(1);
    assertThat(stats.path("revenue").path("USD").asLong()).isEqualTo(2500);
  }

  @Test
  void whenTheQueueIsDownTheRedirectStillAnswersAndTheClickIsCountedOnceWhenItReturns() {
    createPurchaseLink("outage", "course-101");
    server.stack().stopSqs();
    HttpResponse<String> click;
    try {
      click = http.get("/l/outage");
    } finally {
      server.stack().startSqs();
    }
    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().firstValue("location")).get().asString().contains("gp_cid=");

    assertThat(outboxItems()).as("the click waits in the outbox").hasSize(1);

    JsonNode stats = awaitStats("outage", s -> s.path("clicks").asInt() >= 1);
    assertThat(stats.path("clicks").asInt()).isEqualTo(1);
    assertThat(outboxItems()).as("re-driven, then forgotten: nothing left to send twice").isEmpty();
  }

  private List<?> outboxItems() {
    return server.stack().dynamoDbClient().scan(ScanRequest.builder()
        .tableName(server.stack().tableName("GoalpostTable")).build()).items().stream()
        .filter(item -> item.get("pk").s().startsWith("OUTBOX#")).toList();
  }

  @Test
  void aBadSignatureOrAStaleTimestampIs401AndAMalformedBodyIs400AndNothingIsWritten() {
    String body = sale("ord_3003", "course-101", 100, "USD", null);
    long now = Instant.now().getEpochSecond();

    String[] wrong = SignedOrders.headers("msg_bad", now, body);
    wrong[5] = "v1," + SignedOrders.signature("msg_bad", now, body + " ");
    HttpResponse<String> badSignature = http.postJson("/webhooks/orders", body, wrong);
    HttpResponse<String> stale = http.postJson("/webhooks/orders", body,
        SignedOrders.headers("msg_stale", now - 600, body));
    String malformedBody = "{\"type\": \"sale\", \"orderId\": 42}";
    HttpResponse<String> malformed = http.postJson("/webhooks/orders", malformedBody,
        SignedOrders.headers("msg_malformed", now, malformedBody));

    assertThat(badSignature.statusCode()).isEqualTo(401);
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(errorCode(malformed)).isEqualTo("bad_request");
    server.fireSchedules("AttributionFunction");
    assertThat(server.deliveredFrom("EventsQueue")).isEmpty();
    assertThat(server.stack().dynamoDbClient().scan(ScanRequest.builder()
        .tableName(server.stack().tableName("GoalpostTable")).build()).items()).isEmpty();
  }

  private void createPurchaseLink(String slug, String productId) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/checkout", "channel": "facebook-ads",
         "slug": "%s", "goal": {"type": "purchase", "productId": "%s"}}""".formatted(slug, slug, productId));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private String click(String slug) {
    HttpResponse<String> click = http.get("/l/" + slug);
    assertThat(click.statusCode()).isEqualTo(302);
    String query = URI.create(click.headers().firstValue("location").orElseThrow()).getRawQuery();
    List<String> clickIds = QueryStrings.parse(query).get("gp_cid");
    assertThat(clickIds).hasSize(1);
    return clickIds.get(0);
  }

  private static String sale(String orderId, String productId, long amount, String currency, String clickId) {
    return """
        {"type": "sale", "orderId": "%s", "productId": "%s", "amount": %d, "currency": "%s",%s
         "occurredAt": "%s"}""".formatted(orderId, productId, amount, currency,
        clickId == null ? "" : " \"clickId\": \"" + clickId + "\",", Instant.now());
  }

  private HttpResponse<String> postOrder(String webhookId, String body) {
    return http.postJson("/webhooks/orders", body,
        SignedOrders.headers(webhookId, Instant.now().getEpochSecond(), body));
  }

  private JsonNode stats(String slug) {
    HttpResponse<String> response = http.apiGet("/api/links/" + slug + "/stats");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The stats once the worker has caught up; anything waiting in the outbox is re-driven first. */
  private JsonNode awaitStats(String slug, Predicate<JsonNode> done) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
      server.fireSchedules("AttributionFunction");
      return done.test(stats(slug));
    });
    return stats(slug);
  }

  private static String errorCode(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body()).path("error").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
