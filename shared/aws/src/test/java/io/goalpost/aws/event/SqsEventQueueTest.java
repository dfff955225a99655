package io.goalpost.aws.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.goalpost.aws.config.AwsClients;
import io.goalpost.core.event.ClickEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SqsEventQueue against a stand-in SQS endpoint on loopback (the SQS JSON protocol's SendMessage),
 * to pin the message body and the redirect's time budget without an emulator.
 */
class SqsEventQueueTest {

    private static final String QUEUE_URL = "http://127.0.0.1/000000000000/events";
    private static final ClickEvent CLICK =
            new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", null, Instant.parse("2025-04-01T09:30:00Z"));

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlowResponses = new CountDownLatch(1);
    private final AtomicBoolean slow = new AtomicBoolean();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        releaseSlowResponses.countDown();
        server.stop(0);
    }

    private SqsClient sqs(Duration budget) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = new ObjectMapper().readTree(exchange.getRequestBody());
            requests.add(request);
            if (slow.get()) {
                awaitQuietly(releaseSlowResponses);
            }
            byte[] response = ("{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"" + md5(request.path("MessageBody").asText()) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
        return AwsClients.sqs(Map.of(
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:" + server.getAddress().getPort()), budget);
    }

    @Test
    void sendsTheEventAsOneMessageInTheSharedCodecsForm() throws IOException {
        try (SqsClient sqs = sqs(Duration.ofSeconds(10))) {
            new SqsEventQueue(sqs, QUEUE_URL, new EventJson()).publish(CLICK);
        }

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).path("QueueUrl").asText()).isEqualTo(QUEUE_URL);
        assertThat(new EventJson().decode(requests.get(0).path("MessageBody").asText())).isEqualTo(CLICK);
    }

    @Test
    void givesUpOnASlowQueueWithinTheRedirectsBudgetOnceWarm() throws IOException {
        try (SqsClient sqs = sqs(Duration.ofMillis(300))) {
            SqsEventQueue queue = new SqsEventQueue(sqs, QUEUE_URL, new EventJson(), Duration.ofSeconds(10));
            queue.publish(CLICK);
            slow.set(true);
            long started = System.nanoTime();

            assertThatThrownBy(() -> queue.publish(CLICK)).isInstanceOf(SdkException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
        }
    }

    @Test
    void givesTheFirstSendTheWarmUpAllowanceInsteadOfTheBudget() throws IOException {
        try (SqsClient sqs = sqs(Duration.ofMillis(1))) {
            SqsEventQueue queue = new SqsEventQueue(sqs, QUEUE_URL, new EventJson(), Duration.ofSeconds(10));

            queue.publish(CLICK);
            slow.set(true);

            assertThatThrownBy(() -> queue.publish(CLICK)).isInstanceOf(SdkException.class);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
