package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Bad input on both payment webhooks over HTTP, each delivery properly signed, so only its body is
 * wrong: a 4xx whose JSON error names the reason (never a 5xx), nothing on the queue, nothing in
 * the table. The handler tests go through every rule; these show the dev server's HTTP path
 * answers the same.
 */
@ExtendWith(DevServerExtension.class)
class BadPaymentWebhooksOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIMIT = 256 * 1024;

  private final DevServer server;
  private final Http http;

  BadPaymentWebhooksOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    Settled.reset(server);
  }

  static Stream<Arguments> badOrders() {
    String at = Instant.now().toString();
    return Stream.of(
        Arguments.of("malformed JSON", "{\"type\": \"sale\", \"orderId\": ", 400, "bad_request", ""),
        Arguments.of("over 256 KB", "{\"pad\": \"" + "x".repeat(LIMIT) + "\"}", 413, "payload_too_large", ""),
        Arguments.of("an unknown currency format", order("\"orderId\": \"o-1\",", "4900", "US$", at), 400,
            "bad_request", "currency"),
        Arguments.of("a negative amount", order("\"orderId\": \"o-1\",", "-4900", "USD", at), 400, "bad_request",
            "amount"),
        Arguments.of("no order id", order("", "4900", "USD", at), 400, "bad_request", "orderId"));
  }

  static Stream<Arguments> badStripeEvents() {
    long t = Instant.now().getEpochSecond();
    return Stream.of(
        Arguments.of("malformed JSON", "{\"id\": \"evt_1\", \"type\": ", 400, "bad_request", ""),
        Arguments.of("over 256 KB", "{\"pad\": \"" + "x".repeat(LIMIT) + "\"}", 413, "payload_too_large", ""),
        Arguments.of("an unknown currency format",
            SignedStripe.checkoutCompleted("evt_cur", t, "paid", 4900, "dollars", null, "pi_1", "course", "x"),
            400, "bad_request", "currency"),
        Arguments.of("a negative amount",
            SignedStripe.checkoutCompleted("evt_neg", t, "paid", -4900, "usd", null, "pi_1", "course", "x"),
            400, "bad_request", "amount_total"),
        Arguments.of("a renewal without its subscription (no order id)",
            SignedStripe.renewalPaid("evt_sub", t, "in_1", "SUB", 2900, "usd", "club")
                .replace("\"subscription\": \"SUB\", ", ""), 400, "bad_request", "subscription"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOrders")
  void refusesABadOrderWithA4xxNamingTheReasonAndKeepsNothing(String what, String body, int status, String code,
      String named) throws Exception {
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> response = http.postJson("/webhooks/orders", body,
        SignedOrders.headers("msg_bad_" + status, now, body));

    assertRefusedAndNothingKept(response, status, code, named);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStripeEvents")
  void refusesABadStripeEventWithA4xxNamingTheReasonAndKeepsNothing(String what, String body, int status,
      String code, String named) throws Exception {
    HttpResponse<String> response = http.postJson("/webhooks/stripe", body,
        SignedStripe.headers(Instant.now().getEpochSecond(), body));

    assertRefusedAndNothingKept(response, status, code, named);
  }

  private void assertRefusedAndNothingKept(HttpResponse<String> response, int status, String code, String named)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("error").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isNotBlank().contains(named);
    server.fireSchedules("AttributionFunction");
    assertThat(server.deliveredFrom("EventsQueue")).isEmpty();
    assertThat(server.stack().dynamoDbClient().scan(ScanRequest.builder()
        .tableName(server.stack().tableName("GoalpostTable")).build()).items()).isEmpty();
  }

  private static String order(String orderId, String amount, String currency, String at) {
    return """
        {"type": "sale", %s "productId": "course", "amount": %s, "currency": "%s", "occurredAt": "%s"}"""
        .formatted(orderId, amount, currency, at);
  }
}
