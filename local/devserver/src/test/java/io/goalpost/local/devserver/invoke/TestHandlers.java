package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Tiny handlers, each showing one way a Lambda handler can be written; loaded by name as SAM would. */
public final class TestHandlers {
    static final AtomicReference<Object> lastInput = new AtomicReference<>();
    static final AtomicReference<Context> lastContext = new AtomicReference<>();
    static volatile CountDownLatch interrupted = new CountDownLatch(1);

    private TestHandlers() {
    }

    private static APIGatewayV2HTTPResponse ok(String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody(body).build();
    }

    /** Has both constructors; says which one built it. */
    public static class Configured implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        private final String built;

        public Configured(Map<String, String> env, Clock clock) {
            this.built = "env+clock: " + env.get("GREETING") + " at " + clock.instant();
        }

        public Configured() {
            this("no-arg");
        }

        private Configured(String built) {
            this.built = built;
        }

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            lastContext.set(context);
            context.getLogger().log("handling " + event.getRawPath());
            return ok(built);
        }
    }

    public static class NoArgumentOnly implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return ok("no-arg");
        }
    }

    /** Fails the message whose body is "bad", as a partial batch response. */
    public static class Sqs implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            lastInput.set(event);
            return new SQSBatchResponse(event.getRecords().stream()
                    .filter(message -> message.getBody().equals("bad"))
                    .map(message -> new SQSBatchResponse.BatchItemFailure(message.getMessageId()))
                    .toList());
        }
    }

    /** Declares its event type through a generic base class, not directly. */
    public abstract static class HttpBase<I> implements RequestHandler<I, APIGatewayV2HTTPResponse> {
    }

    public static class InheritedHttp extends HttpBase<APIGatewayV2HTTPEvent> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            lastInput.set(event);
            return ok(event.getRawPath());
        }
    }

    /** Takes any event as the map Lambda would build from its JSON, and answers without a statusCode. */
    public static class MapInput implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            lastInput.set(event);
            return Map.of("ok", true);
        }
    }

    /** Reads the event's JSON and writes a payload 2.0 response. */
    public static class Stream implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            String json = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            lastInput.set(json);
            output.write("{\"statusCode\":201,\"cookies\":[\"a=1\"],\"body\":\"made\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    public static class Throwing implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            throw new IllegalStateException("the store is down");
        }
    }

    /** Never finishes on its own; notes that Lambda's timeout interrupted it. */
    public static class Hanging implements RequestHandler<SQSEvent, Void> {
        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }
    }

    public static class NotAHandler {
        public List<String> handleRequest(Object event) {
            return List.of();
        }
    }
}
