package io.goalpost.functions.webhook;

import static io.goalpost.functions.webhook.StripeDeliveries.SECRET;
import static io.goalpost.functions.webhook.StripeDeliveries.SIGNED_AT;
import static io.goalpost.functions.webhook.StripeDeliveries.sample;
import static io.goalpost.functions.webhook.StripeDeliveries.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.webhook.OrderWebhookJson;
import io.goalpost.aws.webhook.StripeEventJson;
import io.goalpost.aws.webhook.WebhookLog;
import io.goalpost.aws.wiring.WebhookDependencies;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.payment.OrderIntake;
import io.goalpost.core.payment.StandardWebhookVerifier;
import io.goalpost.core.payment.StripeIntake;
import io.goalpost.core.payment.StripeSignatureVerifier;
import io.goalpost.testing.InMemoryEventQueue;
import io.goalpost.testing.InMemoryOutbox;
import io.goalpost.testing.TestEmailSeal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
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
import org.junit.jupiter.params.provider.ValueSource;

/** POST /webhooks/stripe over in-memory fakes, fed the signed samples in events/ and events signed by the test. */
class StripeRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAMPLES = List.of("webhook-stripe-checkout-completed.json",
            "webhook-stripe-checkout-no-payment.json", "webhook-stripe-async-succeeded.json",
            "webhook-stripe-invoice-paid-cycle.json", "webhook-stripe-charge-refunded.json",
            "webhook-stripe-unknown-type.json");

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    private WebhookHandler handlerAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new WebhookHandler(new WebhookDependencies(StandardWebhookVerifier.forSecret(Deliveries.SECRET, clock),
                new OrderWebhookJson(), new OrderIntake(queue, outbox, TestEmailSeal.IN_MEMORY),
                Optional.of(new WebhookDependencies.Stripe(StripeSignatureVerifier.forSecret(SECRET, clock),
                        new StripeEventJson(), new StripeIntake(queue, outbox, TestEmailSeal.IN_MEMORY))),
                new WebhookLog(logLines::add)));
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handlerAt(SIGNED_AT).handleRequest(event, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    private OrderEvent onlyOrder() {
        assertThat(queue.events()).hasSize(1);
        return (OrderEvent) queue.events().get(0);
    }

    @AfterEach
    void neverLogsAnEmail() {
        assertThat(logLines).noneMatch(line -> line.toLowerCase().contains("example.com"));
    }

    static Stream<String> samples() {
        return SAMPLES.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachSampleIsAnEventOfThePinnedVersionSignedForRealUnderTheLocalSecret(String name) throws Exception {
        APIGatewayV2HTTPEvent event = sample(name);
        byte[] body = event.getBody().getBytes(StandardCharsets.UTF_8);
        String expected = "t=" + SIGNED_AT.getEpochSecond() + ",v1="
                + StripeDeliveries.v1(SECRET, SIGNED_AT.getEpochSecond(), body);

        assertThat(event.getHeaders().get("stripe-signature"))
                .as("after editing %s, set its stripe-signature header to the value expected here", name)
                .isEqualTo(expected);
        assertThat(event.getHeaders().get("content-length")).isEqualTo(Integer.toString(body.length));
        assertThat(JSON.readTree(body).path("api_version").asText()).isEqualTo(StripeIntake.PINNED_API_VERSION);
        assertThat(handle(event).getStatusCode()).isEqualTo(200);
    }

    @Test
    void turnsTheCheckoutSampleIntoASaleOfItsPaymentIntent() throws Exception {
        APIGatewayV2HTTPResponse response = handle(sample("webhook-stripe-checkout-completed.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"received\":true}"));
        assertThat(onlyOrder().withSealedEmail(null)).isEqualTo(
                new OrderEvent(OrderEvent.Kind.SALE, "stripe:evt_1SXfQ2Q9RKHgCVdKxY7zW6vU",
                Instant.parse("2026-11-26T11:59:58Z"), "pi_3SXfPzQ9RKHgCVdK1aB2cD3e", null, "prod_spring", 4900, "USD",
                null, "Vq3mXkP9aZr2LdT8wYbN4c", "Ab3dEf6hIj9kLm2nOp5qRs"));
        assertThat(TestEmailSeal.opened(onlyOrder())).isEqualTo("buyer@example.com");
        assertThat(logLines).isEmpty();
    }

    @Test
    void turnsTheTrialSampleIntoASaleOfZeroOfItsSubscription() {
        handle(sample("webhook-stripe-checkout-no-payment.json"));

        assertThat(onlyOrder().withSealedEmail(null)).isEqualTo(
                new OrderEvent(OrderEvent.Kind.SALE, "stripe:evt_1SXg7mQ9RKHgCVdKt3R2q1P0",
                Instant.parse("2026-11-26T11:59:55Z"), "sub_1SXg7kQ9RKHgCVdKm4N5o6P7", null, "prod_club", 0, "USD",
                null, "Vq3mXkP9aZr2LdT8wYbN4c", null));
        assertThat(TestEmailSeal.opened(onlyOrder())).isEqualTo("trial.user@example.com");
    }

    @Test
    void turnsTheAsyncPaymentSampleIntoTheSaleTheCompletedSessionWaitedFor() {
        handle(sample("webhook-stripe-async-succeeded.json"));

        assertThat(onlyOrder().withSealedEmail(null)).isEqualTo(
                new OrderEvent(OrderEvent.Kind.SALE, "stripe:evt_1SXdA9Q9RKHgCVdKsEpA0002",
                Instant.parse("2026-11-26T11:59:30Z"), "pi_3SWbX1Q9RKHgCVdK0sEpA9aB", null, "prod_course", 12900, "EUR",
                null, null, "Ab3dEf6hIj9kLm2nOp5qRs"));
        assertThat(TestEmailSeal.opened(onlyOrder())).isEqualTo("kaeufer@example.com");
    }

    @Test
    void turnsTheRenewalSampleIntoARebillOfTheTrialsSubscription() {
        handle(sample("webhook-stripe-invoice-paid-cycle.json"));

        assertThat(onlyOrder().withSealedEmail(null)).isEqualTo(
                new OrderEvent(OrderEvent.Kind.REBILL, "stripe:evt_1SXh2cQ9RKHgCVdKrEb1LL01",
                Instant.parse("2026-11-26T11:59:51Z"), "sub_1SXg7kQ9RKHgCVdKm4N5o6P7", "in_1SXh2aQ9RKHgCVdKrEnEw001",
                "prod_club", 2900, "USD", null, null, null));
        assertThat(TestEmailSeal.opened(onlyOrder())).isEqualTo("trial.user@example.com");
    }

    @Test
    void turnsTheRefundSampleIntoARefundOfTheIncreaseOnTheCheckoutSamplesOrder() {
        handle(sample("webhook-stripe-charge-refunded.json"));

        assertThat(onlyOrder()).isEqualTo(new OrderEvent(OrderEvent.Kind.REFUND, "stripe:evt_3SXfPzQ9RKHgCVdK1rEf0001",
                Instant.parse("2026-11-26T11:59:56Z"), "pi_3SXfPzQ9RKHgCVdK1aB2cD3e",
                "ch_3SXfPzQ9RKHgCVdK1aB2cD3e:refunded:1500", "prod_spring", 1500, "USD", null, null, null));
    }

    @Test
    void answersAnEventTypeItDoesNotMapWith200AndPassesNothingOn() throws Exception {
        APIGatewayV2HTTPResponse response = handle(sample("webhook-stripe-unknown-type.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("received").asBoolean()).isTrue();
        assertThat(json(response).path("ignored").asText()).contains("maps only");
        assertThat(queue.events()).isEmpty();
        assertThat(outbox.events()).isEmpty();
        assertThat(logLines).singleElement().asString()
                .contains("webhook_event_ignored", "stripe:evt_3SXfPzQ9RKHgCVdK1pIsUcC0", "UNHANDLED_TYPE");
    }

    @Test
    void answersARepeatedEventWith200AndTheSameEventIdSoTheWorkerCountsItOnce() {
        APIGatewayV2HTTPResponse first = handle(sample("webhook-stripe-charge-refunded.json"));
        APIGatewayV2HTTPResponse again = handle(sample("webhook-stripe-charge-refunded.json"));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(queue.events()).hasSize(2).allSatisfy(e -> assertThat(e).isEqualTo(queue.events().get(0)));
    }

    @Test
    void acceptsAHeaderWithSeveralV1SignaturesWhileStripeRollsTheSecret() {
        APIGatewayV2HTTPEvent event = sample("webhook-stripe-checkout-completed.json");
        byte[] body = event.getBody().getBytes(StandardCharsets.UTF_8);
        long t = SIGNED_AT.getEpochSecond();
        String header = "t=" + t + ",v1=" + StripeDeliveries.v1("whsec_theSecretBeforeTheRoll0000", t, body) + ",v1="
                + StripeDeliveries.v1(SECRET, t, body);

        assertThat(handle(withSignature(event, header)).getStatusCode()).isEqualTo(200);
        assertThat(queue.events()).hasSize(1);
    }

    static Stream<Arguments> unauthenticDeliveries() {
        APIGatewayV2HTTPEvent tampered = sample("webhook-stripe-checkout-completed.json");
        tampered.setBody(tampered.getBody().replace("\"amount_total\": 4900", "\"amount_total\": 490000"));
        String sale = sample("webhook-stripe-checkout-completed.json").getBody();
        return Stream.of(
                Arguments.of("a body changed after signing", tampered),
                Arguments.of("a signature under another secret", signed(sale, "whsec_notTheSecretGoalpostHolds", SIGNED_AT)),
                Arguments.of("a t over 300 seconds old", signed(sale, SECRET, SIGNED_AT.minusSeconds(301))),
                Arguments.of("a t over 300 seconds ahead", signed(sale, SECRET, SIGNED_AT.plusSeconds(301))),
                Arguments.of("no stripe-signature", withSignature(sample("webhook-stripe-checkout-completed.json"), null)),
                Arguments.of("a Standard Webhooks signature", withSignature(sample("webhook-stripe-checkout-completed.json"),
                        "v1,dgcMC/zuXXklsJnxS6wOdfy2mfKkXb3ZftQOurD9dgo=")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticDeliveries")
    void refusesAnUnauthenticDeliveryWith401AndRecordsNothing(String what, APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asText()).isEqualTo("unauthorized");
        assertThat(queue.events()).isEmpty();
        assertThat(outbox.events()).isEmpty();
        assertThat(logLines).singleElement().asString().contains("webhook_unauthorized", StripeRoute.ROUTE);
    }

    @Test
    void refusesTheSampleOnceItsTimestampIsStale() {
        APIGatewayV2HTTPResponse response = handlerAt(SIGNED_AT.plusSeconds(301))
                .handleRequest(sample("webhook-stripe-checkout-completed.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(queue.events()).isEmpty();
    }

    static Stream<Arguments> badEvents() {
        String sale = sample("webhook-stripe-checkout-completed.json").getBody();
        String renewal = sample("webhook-stripe-invoice-paid-cycle.json").getBody();
        return Stream.of(
                Arguments.of("{\"id\":", "body is not valid JSON"),
                Arguments.of("[]", "body must be a JSON object"),
                Arguments.of(sale.replace("2025-03-31.basil", "2024-06-20"), "api_version is 2024-06-20, but this "
                        + "endpoint reads 2025-03-31.basil only"),
                Arguments.of(sale.replace("\"amount_total\": 4900", "\"amount_total\": -4900"),
                        "data.object.amount_total must not be negative"),
                Arguments.of(sale.replace("\"amount_total\": 4900", "\"amount_total\": 49.0"),
                        "data.object.amount_total must be an integer"),
                Arguments.of(sale.replace("\"currency\": \"usd\"", "\"currency\": \"dollars\""),
                        "data.object.currency is required and must be a 3-letter ISO 4217 code"),
                Arguments.of(sale.replace("\"product_id\": \"prod_spring\"", "\"product_id\": \"spring sale!\""),
                        "data.object.metadata.product_id must be 1-64 characters"),
                Arguments.of(sale.replace("\"object\": \"event\"", "\"object\": \"v2.core.event\""),
                        "object must be \"event\""),
                Arguments.of(renewal.replace("\"subscription\": \"sub_1SXg7kQ9RKHgCVdKm4N5o6P7\"\n",
                        "\"subscription\": null\n"), "data.object.parent.subscription_details.subscription is required"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badEvents")
    void refusesABadEventWith400NamingWhatIsWrongAndRecordsNothing(String body, String reason) throws Exception {
        APIGatewayV2HTTPResponse response = handle(signed(body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("bad_request");
        assertThat(json(response).path("message").asText()).startsWith(reason);
        assertThat(queue.events()).isEmpty();
        assertThat(outbox.events()).isEmpty();
        assertThat(logLines).singleElement().asString().contains("webhook_refused");
    }

    @Test
    void answersASaleWithoutAProductIdWith200SoStripeStopsRetryingAndLogsWhy() throws Exception {
        String sale = sample("webhook-stripe-checkout-completed.json").getBody()
                .replace("\"product_id\": \"prod_spring\",", "");

        APIGatewayV2HTTPResponse response = handle(signed(sale));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(queue.events()).isEmpty();
        assertThat(logLines).singleElement().asString().contains("webhook_event_ignored", "NO_PRODUCT_ID");
    }

    @Test
    void refusesABodyOver256KbWith413BeforeLookingAtItsSignature() throws Exception {
        String huge = "{\"id\":\"evt_1\",\"pad\":\"" + "x".repeat(256 * 1024) + "\"}";

        APIGatewayV2HTTPResponse response = handle(withSignature(signed(huge), "t=1,v1=00"));

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).isEqualTo("payload_too_large");
        assertThat(queue.events()).isEmpty();
        assertThat(logLines).isEmpty();
    }

    @Test
    void takesABodyOfExactly256KbToTheSignatureCheck() {
        String prefix = "{\"id\":\"evt_big\",\"type\":\"ping\",\"created\":1795694398,\"pad\":\"";
        String body = prefix + "x".repeat(256 * 1024 - prefix.length() - 2) + "\"}";

        APIGatewayV2HTTPResponse response = handle(signed(body));

        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(256 * 1024);
        assertThat(response.getStatusCode()).as("authentic, then ignored as a type Goalpost does not map").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-stripe-checkout-completed.json", "webhook-stripe-charge-refunded.json"})
    void keepsTheOrderInTheOutboxAndStillAnswers200WhenTheQueueIsDown(String name) {
        queue.failWith(new IllegalStateException("queue unreachable"));

        APIGatewayV2HTTPResponse response = handle(sample(name));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(outbox.events()).hasSize(1);
        assertThat(logLines).singleElement().asString().contains("order_kept_in_outbox");
    }

    @Test
    void answers503SoStripeRetriesWhenNeitherTheQueueNorTheOutboxTakesTheOrder() throws Exception {
        queue.failWith(new IllegalStateException("queue unreachable"));
        outbox.failWith(new IllegalStateException("table unreachable"));

        APIGatewayV2HTTPResponse response = handle(sample("webhook-stripe-invoice-paid-cycle.json"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("unavailable");
        assertThat(response.getHeaders()).containsKey("retry-after");
    }

    @Test
    void answers404NamingTheParameterWhenStripeIsNotConnected() throws Exception {
        Clock clock = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);
        WebhookHandler withoutStripe = new WebhookHandler(new WebhookDependencies(
                StandardWebhookVerifier.forSecret(Deliveries.SECRET, clock), new OrderWebhookJson(),
                new OrderIntake(queue, outbox, TestEmailSeal.IN_MEMORY), Optional.empty(), new WebhookLog(logLines::add)));

        APIGatewayV2HTTPResponse response = withoutStripe.handleRequest(sample("webhook-stripe-checkout-completed.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).path("message").asText()).contains("StripeWebhookSecret");
        assertThat(queue.events()).isEmpty();
    }

    private static APIGatewayV2HTTPEvent withSignature(APIGatewayV2HTTPEvent event, String signature) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (signature == null) {
            headers.remove("stripe-signature");
        } else {
            headers.put("stripe-signature", signature);
        }
        event.setHeaders(headers);
        return event;
    }
}
