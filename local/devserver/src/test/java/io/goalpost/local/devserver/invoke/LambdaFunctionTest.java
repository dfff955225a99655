package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.goalpost.local.devserver.http.DevHttpServer;
import io.goalpost.local.devserver.http.RouteBinding;
import io.goalpost.local.devserver.http.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

class LambdaFunctionTest {
    private static final Clock PINNED = Clock.fixed(Instant.parse("2026-11-26T13:45:00Z"), ZoneOffset.UTC);
    private static final String HANDLERS = TestHandlers.class.getName() + "$";

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final List<LambdaFunction> loaded = new ArrayList<>();

    @AfterEach
    void close() {
        loaded.forEach(LambdaFunction::close);
    }

    /** Generous, so a loaded machine's first call (class loading) is never cut off by mistake. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LambdaFunction load(String handler) {
        return load(handler, TIMEOUT);
    }

    private LambdaFunction load(String handler, Duration timeout) {
        LambdaFunction function = LambdaFunction.load("TestFunction", HANDLERS + handler,
                Map.of("GREETING", "hello"), PINNED, timeout, log);
        loaded.add(function);
        return function;
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static APIGatewayV2HTTPEvent httpEvent(String path) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /l/{slug}").withRawPath(path).build();
    }

    private static SQSEvent sqsEvent(String... bodies) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(bodies[i]);
            message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:events");
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    @Test
    void buildsTheHandlerWithTheFunctionsEnvironmentAndClockWhenItCan() {
        APIGatewayV2HTTPResponse response = load("Configured::handleRequest").invokeHttp(httpEvent("/l/a"));

        assertThat(response.getBody()).isEqualTo("env+clock: hello at 2026-11-26T13:45:00Z");
    }

    @Test
    void fallsBackToTheNoArgumentConstructorAndSaysSo() {
        APIGatewayV2HTTPResponse response = load("NoArgumentOnly").invokeHttp(httpEvent("/l/a"));

        assertThat(response.getBody()).isEqualTo("no-arg");
        assertThat(log()).contains("[TestFunction] ").contains("no public (Map<String,String>, Clock) constructor");
    }

    @Test
    void givesAnSqsHandlerTheSqsEventAndReturnsItsBatchItemFailures() {
        SQSEvent event = sqsEvent("good", "bad");

        SQSBatchResponse response = load("Sqs").invokeSqs(event);

        assertThat(TestHandlers.lastInput.get()).isSameAs(event);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1");
    }

    @Test
    void findsTheEventTypeDeclaredThroughAGenericBaseClass() {
        APIGatewayV2HTTPEvent event = httpEvent("/l/inherited");

        APIGatewayV2HTTPResponse response = load("InheritedHttp").invokeHttp(event);

        assertThat(TestHandlers.lastInput.get()).isSameAs(event);
        assertThat(response.getBody()).isEqualTo("/l/inherited");
    }

    @Test
    void givesAMapHandlerTheEventInItsAwsJsonShape() {
        load("MapInput").invokeSqs(sqsEvent("hello"));

        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) TestHandlers.lastInput.get();
        assertThat(input).containsOnlyKeys("Records");
        @SuppressWarnings("unchecked")
        Map<String, Object> record = ((List<Map<String, Object>>) input.get("Records")).get(0);
        assertThat(record).containsEntry("messageId", "m0").containsEntry("body", "hello")
                .containsEntry("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:events");
    }

    @Test
    void readsAResultWithoutStatusCodeAsApiGatewayDoesA200JsonBody() {
        APIGatewayV2HTTPResponse response = load("MapInput").invokeHttp(httpEvent("/l/a"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(response.getBody()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void givesAStreamHandlerTheEventsJsonAndReadsTheResponseItWrites() {
        APIGatewayV2HTTPResponse response = load("Stream").invokeHttp(httpEvent("/l/streamed"));

        assertThat((String) TestHandlers.lastInput.get()).contains("\"rawPath\":\"/l/streamed\"").contains("\"version\":\"2.0\"");
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getCookies()).containsExactly("a=1");
        assertThat(response.getBody()).isEqualTo("made");
    }

    @Test
    void givesTheHandlerAContextNamedAfterTheFunctionWithItsRemainingTimeAndALogger() {
        load("Configured").invokeHttp(httpEvent("/l/a"));
        load("Configured").invokeHttp(httpEvent("/l/b"));

        Context context = TestHandlers.lastContext.get();
        assertThat(context.getFunctionName()).isEqualTo("TestFunction");
        assertThat(context.getInvokedFunctionArn()).endsWith(":function:TestFunction");
        assertThat(context.getAwsRequestId()).matches("[0-9a-f-]{36}");
        assertThat(context.getRemainingTimeInMillis()).isBetween(0, (int) TIMEOUT.toMillis());
        assertThat(log()).contains("[TestFunction] handling /l/a").contains("[TestFunction] handling /l/b");
    }

    @Test
    void reportsAThrowingHandlerAsAnInvocationErrorWithItsStackTraceInTheLog() {
        FunctionInvocationException error = catchThrowableOfType(FunctionInvocationException.class,
                () -> load("Throwing").invokeHttp(httpEvent("/l/a")));

        assertThat(error.timedOut()).isFalse();
        assertThat(error.functionName()).isEqualTo("TestFunction");
        assertThat(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("the store is down");
        assertThat(log()).contains("[TestFunction] " + error.requestId() + " invocation failed")
                .contains("[TestFunction] java.lang.IllegalStateException: the store is down")
                .contains("[TestFunction] \tat " + TestHandlers.Throwing.class.getName());
    }

    @Test
    void cutsOffAHandlerThatRunsPastTheFunctionsTimeout() {
        TestHandlers.interrupted = new CountDownLatch(1);
        LambdaFunction hanging = load("Hanging", Duration.ofMillis(300));
        long started = System.nanoTime();

        FunctionInvocationException error = catchThrowableOfType(FunctionInvocationException.class,
                () -> hanging.invokeSqs(sqsEvent("x")));

        assertThat(error.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), TIMEOUT);
        assertThat(log()).contains("Task timed out after 0.30 seconds");
        await().atMost(Duration.ofSeconds(5)).until(() -> TestHandlers.interrupted.getCount() == 0);
    }

    @Test
    void answers500OverHttpForAFailingFunctionAndKeepsServing() {
        LambdaFunction throwing = load("Throwing");
        LambdaFunction fine = load("Configured");
        try (DevHttpServer server = DevHttpServer.start(new InetSocketAddress("127.0.0.1", 0), List.of(
                new RouteBinding("GET", "/boom", "ThrowingFunction", throwing::invokeHttp),
                new RouteBinding("GET", "/l/{slug}", "ConfiguredFunction", fine::invokeHttp)), null)) {
            HttpResponse<String> failed = TestHttp.get(server, "/boom");
            HttpResponse<String> next = TestHttp.get(server, "/l/a");

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).startsWith("env+clock: hello");
        }
    }

    @Test
    void refusesAClassThatIsNotALambdaHandlerOrDoesNotExist() {
        assertThatThrownBy(() -> load("NotAHandler")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither RequestHandler nor RequestStreamHandler");
        assertThatThrownBy(() -> load("Missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> load("Configured::otherMethod")).isInstanceOf(IllegalArgumentException.class);
    }
}
