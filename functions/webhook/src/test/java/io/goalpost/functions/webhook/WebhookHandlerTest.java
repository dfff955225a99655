package io.goalpost.functions.webhook;

import static io.goalpost.functions.webhook.Deliveries.SECRET;
import static io.goalpost.functions.webhook.Deliveries.SIGNED_AT;
import static io.goalpost.functions.webhook.Deliveries.sample;
import static io.goalpost.functions.webhook.Deliveries.signed;
import static io.goalpost.functions.webhook.Deliveries.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.webhook.OrderWebhookJson;
import io.goalpost.aws.webhook.WebhookLog;
import io.goalpost.aws.wiring.WebhookDependencies;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.payment.OrderIntake;
import io.goalpost.core.payment.StandardWebhookVerifier;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.TestEmailSeal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The webhook handler over in-memory fakes, fed the signed samples in events/ and deliveries signed by the test. */
class WebhookHandlerTest {

    private static final String SALE_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final String EMAIL = "buyer@example.com";
    private static final String VALID_SALE = "{\"type\":\"sale\",\"orderId\":\"order-7\",\"productId\":\"prod_spring\","
            + "\"amount\":4900,\"currency\":\"EUR\",\"email\":\"" + EMAIL + "\",\"occurredAt\":\"2026-11-26T11:00:00Z\"}";

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    private WebhookHandler handlerAt(Instant now) {
        return new WebhookHandler(new WebhookDependencies(
                StandardWebhookVerifier.forSecret(SECRET, Clock.fixed(now, ZoneOffset.UTC)),
                new OrderWebhookJson(), new OrderIntake(queue, outbox, TestEmailSeal.IN_MEMORY), Optional.empty(), new WebhookLog(logLines::add)));
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handlerAt(SIGNED_AT).handleRequest(event, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return new ObjectMapper().readTree(response.getBody());
    }

    @AfterEach
    void neverLogsAnEmail() {
        assertThat(logLines).noneMatch(line -> line.toLowerCase().contains("example.com"));
    }

    @Test
    void acceptsTheSignedSaleSampleAndPutsItsOrderOnTheQueue() throws Exception {
        APIGatewayV2HTTPResponse response = handle(sample("webhook-orders-sale.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(new ObjectMapper().readTree("{\"received\":true}"));
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(queue.events()).singleElement().satisfies(event -> {
            OrderEvent sale = (OrderEvent) event;
            assertThat(sale.withSealedEmail(null)).isEqualTo(new OrderEvent(OrderEvent.Kind.SALE, "orders:" + SALE_ID,
                    Instant.parse("2026-11-26T11:59:30Z"), "order-1001", null, "prod_spring", 4900, "USD", null,
                    "Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp5qRs"));
            assertThat(TestEmailSeal.opened(sale)).isEqualTo(EMAIL);
        });
        assertThat(logLines).isEmpty();
    }

    @Test
    void acceptsTheSignedRefundSample() {
        APIGatewayV2HTTPResponse response = handle(sample("webhook-orders-refund.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(queue.events()).singleElement().satisfies(event -> {
            OrderEvent refund = (OrderEvent) event;
            assertThat(refund.kind()).isEqualTo(OrderEvent.Kind.REFUND);
            assertThat(refund.paymentId()).isEqualTo("refund-1001-1");
            assertThat(refund.amount()).isEqualTo(1500);
        });
    }

    @Test
    void answersARepeatedDeliveryWith200AndTheSameEventIdSoTheWorkerCountsItOnce() {
        APIGatewayV2HTTPResponse first = handle(sample("webhook-orders-sale.json"));
        APIGatewayV2HTTPResponse again = handle(sample("webhook-orders-sale.json"));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        // Equal but for the seal, whose nonce is new each time; the worker keys its effects by order and payment.
        assertThat(queue.events()).hasSize(2).extracting(e -> ((OrderEvent) e).withSealedEmail(null))
                .containsOnly(((OrderEvent) queue.events().get(0)).withSealedEmail(null));
    }

    @Test
    void acceptsADeliveryWhoseSignatureHeaderCarriesSeveralSignaturesOneOfThemValid() {
        APIGatewayV2HTTPEvent event = signed("msg_rotated", VALID_SALE);
        String valid = event.getHeaders().get("webhook-signature");
        String other = Deliveries.signature("whsec_" + Base64.getEncoder().encodeToString(
                "the-previous-secret-of-the-cart".getBytes(StandardCharsets.UTF_8)), "msg_rotated",
                Long.toString(SIGNED_AT.getEpochSecond()), VALID_SALE.getBytes(StandardCharsets.UTF_8));

        assertThat(handle(withHeader(event, "webhook-signature", other + " " + valid)).getStatusCode()).isEqualTo(200);
        assertThat(queue.events()).hasSize(1);
    }

    @Test
    void acceptsABodyApiGatewayDeliveredAsBase64() {
        APIGatewayV2HTTPEvent event = signed("msg_base64", VALID_SALE);
        event.setBody(Base64.getEncoder().encodeToString(VALID_SALE.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(handle(event).getStatusCode()).isEqualTo(200);
        assertThat(queue.events()).hasSize(1);
    }

    static Stream<Arguments> unauthenticDeliveries() {
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(
                "not-the-secret-goalpost-holds".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("a body changed after signing", tampered()),
                Arguments.of("a signature under another secret", signed("msg_x", VALID_SALE, otherSecret, SIGNED_AT)),
                Arguments.of("a timestamp over 5 minutes old", signed("msg_x", VALID_SALE, SECRET, SIGNED_AT.minusSeconds(301))),
                Arguments.of("a timestamp over 5 minutes ahead", signed("msg_x", VALID_SALE, SECRET, SIGNED_AT.plusSeconds(301))),
                Arguments.of("no webhook-id", withHeader(sample("webhook-orders-sale.json"), "webhook-id", null)),
                Arguments.of("no webhook-timestamp", withHeader(sample("webhook-orders-sale.json"), "webhook-timestamp", null)),
                Arguments.of("no webhook-signature", withHeader(sample("webhook-orders-sale.json"), "webhook-signature", null)),
                Arguments.of("another delivery's id", withHeader(sample("webhook-orders-sale.json"), "webhook-id", "msg_other")),
                Arguments.of("a signature without its v1 tag", withHeader(sample("webhook-orders-sale.json"),
                        "webhook-signature", sample("webhook-orders-sale.json").getHeaders().get("webhook-signature")
                                .substring(3))));
    }

    private static APIGatewayV2HTTPEvent tampered() {
        APIGatewayV2HTTPEvent event = sample("webhook-orders-sale.json");
        event.setBody(event.getBody().replace("4900", "490000"));
        return event;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticDeliveries")
    void refusesAnUnauthenticDeliveryWith401AndRecordsNothing(String what, APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).isEqualTo("unauthorized");
        assertThat(json(response).path("message").asText()).isNotBlank();
        assertThat(queue.events()).isEmpty();
        assertThat(outbox.events()).isEmpty();
        assertThat(logLines).singleElement().asString().contains("webhook_unauthorized");
    }

    @Test
    void refusesTheSaleSampleOnceItsTimestampIsStale() {
        APIGatewayV2HTTPResponse response = handlerAt(SIGNED_AT.plusSeconds(301)).handleRequest(
                sample("webhook-orders-sale.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(queue.events()).isEmpty();
    }

    static Stream<Arguments> malformedBodies() {
        String sale = "\"type\":\"sale\",\"orderId\":\"o-1\",\"productId\":\"p-1\",\"currency\":\"USD\","
                + "\"occurredAt\":\"2026-11-26T11:00:00Z\"";
        return Stream.of(
                Arguments.of("{\"type\":", "body is not valid JSON"),
                Arguments.of("[1,2]", "body must be a JSON object"),
                Arguments.of("{" + sale + ",\"amount\":4900} {}", "body is not valid JSON"),
                Arguments.of("{" + sale + ",\"amount\":4900,\"amount\":1}", "body is not valid JSON"),
                Arguments.of("{" + sale + ",\"amount\":4900,\"click_id\":\"x\"}", "unknown field \"click_id\""),
                Arguments.of("{" + sale + ",\"amount\":\"4900\"}", "amount must be a number"),
                Arguments.of("{" + sale + ",\"amount\":49.00}", "amount must be an integer"),
                Arguments.of("{" + sale + ",\"amount\":-1}", "amount must not be negative"),
                Arguments.of("{" + sale + "}", "amount is required"),
                Arguments.of("{" + sale.replace("\"o-1\"", "42") + ",\"amount\":1}", "orderId must be a string"),
                Arguments.of("{" + sale.replace("\"sale\"", "\"gift\"") + ",\"amount\":1}", "type must be one of"),
                Arguments.of("{" + sale.replace("\"sale\"", "\"refund\"") + ",\"amount\":1}", "paymentId is required"),
                Arguments.of("{" + sale.replace("USD", "US") + ",\"amount\":1}", "currency "),
                Arguments.of("{" + sale.replace("2026-11-26T11:00:00Z", "26/11/2026") + ",\"amount\":1}", "occurredAt "),
                Arguments.of("{" + sale + ",\"amount\":1,\"visitorId\":\"short\"}", "visitorId "),
                Arguments.of("{" + sale + ",\"amount\":1,\"clickId\":\"has spaces in it ok\"}", "clickId "),
                Arguments.of("{" + sale + ",\"amount\":1,\"email\":\"not-an-email\"}", "email "),
                Arguments.of("{" + sale.replace("p-1", "p 1") + ",\"amount\":1}", "productId "));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedBodies")
    void refusesAMalformedBodyWith400NamingTheFieldAndRecordsNothing(String body, String reason) throws Exception {
        APIGatewayV2HTTPResponse response = handle(signed("msg_bad", body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("bad_request");
        assertThat(json(response).path("message").asText()).startsWith(reason);
        assertThat(queue.events()).isEmpty();
        assertThat(outbox.events()).isEmpty();
        assertThat(logLines).singleElement().asString().contains("webhook_refused", "msg_bad");
    }

    @Test
    void refusesABodyOver256KbWith413BeforeLookingAtItsSignature() throws Exception {
        String huge = "{\"type\":\"sale\",\"pad\":\"" + "x".repeat(256 * 1024) + "\"}";
        APIGatewayV2HTTPEvent event = withHeader(signed("msg_huge", huge), "webhook-signature", "v1,bm9uZQ==");

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).isEqualTo("payload_too_large");
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void takesABodyOfExactly256KbToTheSignatureCheck() {
        String prefix = "{\"type\":\"sale\",\"pad\":\"";
        String body = prefix + "x".repeat(256 * 1024 - prefix.length() - 2) + "\"}";

        APIGatewayV2HTTPResponse response = handle(signed("msg_big", body));

        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(256 * 1024);
        assertThat(response.getStatusCode()).as("authentic, then refused for its unknown field").isEqualTo(400);
    }

    @Test
    void keepsTheOrderInTheOutboxAndStillAnswers200WhenTheQueueIsDown() {
        queue.failWith(new IllegalStateException("queue unreachable"));

        APIGatewayV2HTTPResponse response = handle(sample("webhook-orders-sale.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(outbox.events()).singleElement().extracting(e -> e.eventId()).isEqualTo("orders:" + SALE_ID);
        assertThat(logLines).singleElement().asString()
                .contains("order_kept_in_outbox", "orders:" + SALE_ID, "IllegalStateException")
                .doesNotContain("queue unreachable");
    }

    @Test
    void answers503SoTheSenderRetriesWhenNeitherTheQueueNorTheOutboxTakesTheOrder() throws Exception {
        queue.failWith(new IllegalStateException("queue unreachable"));
        outbox.failWith(new IllegalStateException("table unreachable"));

        APIGatewayV2HTTPResponse response = handle(sample("webhook-orders-sale.json"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("unavailable");
        assertThat(response.getHeaders()).containsKey("retry-after");
        assertThat(logLines).singleElement().asString().contains("order_not_recorded", "orders:" + SALE_ID);
    }

    @Test
    void answersAnUnknownRouteWith404() {
        APIGatewayV2HTTPEvent event = sample("webhook-orders-sale.json");
        event.setRouteKey("POST /webhooks/unknown");

        assertThat(handle(event).getStatusCode()).isEqualTo(404);
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void refusesToStartWithoutItsSecretNamingTheVariable() {
        Map<String, String> env = Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", "http://127.0.0.1:9/q",
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local");

        assertThatThrownBy(() -> new WebhookHandler(env, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORDERS_WEBHOOK_SECRET");
    }

    @Test
    void refusesToStartWithAMalformedSecretWithoutPrintingIt() {
        Map<String, String> env = Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", "http://127.0.0.1:9/q",
                "ORDERS_WEBHOOK_SECRET", "whsec_s3cr3t!!", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "EMAIL_HASH_KEY", "local-EmailHashKey-not-secret-0123456789abcdef");

        assertThatThrownBy(() -> new WebhookHandler(env, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORDERS_WEBHOOK_SECRET")
                .hasMessageNotContaining("s3cr3t");
    }
}
