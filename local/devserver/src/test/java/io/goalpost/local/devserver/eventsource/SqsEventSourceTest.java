package io.goalpost.local.devserver.eventsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackOptions;
import io.goalpost.local.template.SamTemplate;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/** The event-source runner against real ElasticMQ, with a 1 s visibility timeout. */
class SqsEventSourceTest {

  private static final String TEMPLATE = """
      Resources:
        Work:
          Type: AWS::SQS::Queue
          Properties:
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt WorkDeadLetters.Arn
              maxReceiveCount: 5
        WorkDeadLetters:
          Type: AWS::SQS::Queue
      """;

  private static LocalStack stack;
  private static SqsClient sqs;
  private static String queueUrl;

  private final List<SqsEventSource> sources = new CopyOnWriteArrayList<>();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();

  /** One record as the function saw it. */
  record Delivery(String messageId, String body, int receiveCount, Instant at) {}

  @BeforeAll
  static void startQueues() {
    stack = LocalStack.start(SamTemplate.parse(TEMPLATE),
        LocalStackOptions.defaults().withVisibilityTimeout(Duration.ofSeconds(1)));
    sqs = stack.sqsClient();
    queueUrl = stack.queueUrl("Work");
  }

  @AfterAll
  static void stopQueues() {
    stack.close();
  }

  @BeforeEach
  void emptyQueues() {
    stack.reset();
  }

  @AfterEach
  void stopSources() {
    sources.forEach(SqsEventSource::close);
  }

  @Test
  void aBatchWithOneFailingMessageReturnsOnlyThatMessageAfterTheVisibilityTimeout() {
    List<String> ids = send("first", "fails once", "third");
    start(10, event -> {
      SQSEvent.SQSMessage failing = event.getRecords().stream()
          .filter(r -> r.getBody().equals("fails once")
              && r.getAttributes().get("ApproximateReceiveCount").equals("1"))
          .findFirst().orElse(null);
      return failing == null ? new SQSBatchResponse(List.of())
          : new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(failing.getMessageId())));
    });

    await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesOf("fails once").size() == 2);

    assertThat(batches.get(0)).as("all three arrived in one batch").containsExactlyInAnyOrderElementsOf(ids);
    assertThat(deliveriesOf("first")).hasSize(1);
    assertThat(deliveriesOf("third")).hasSize(1);
    List<Delivery> retried = deliveriesOf("fails once");
    assertThat(retried.get(1).receiveCount()).isEqualTo(2);
    assertThat(Duration.between(retried.get(0).at(), retried.get(1).at()))
        .as("back only once the 1 s visibility timeout is over")
        .isGreaterThanOrEqualTo(Duration.ofMillis(800));
    await().atMost(Duration.ofSeconds(5)).until(() -> messagesIn(queueUrl) == 0);
  }

  @Test
  void aMessageFailingFiveTimesLandsInTheDeadLetterQueue() {
    String poisonId = send("poison").get(0);
    start(10, event -> {
      throw new IllegalStateException("cannot handle this");
    });

    List<Message> deadLetters = new CopyOnWriteArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      deadLetters.addAll(sqs.receiveMessage(b -> b.queueUrl(stack.queueUrl("WorkDeadLetters"))
          .waitTimeSeconds(1)).messages());
      return !deadLetters.isEmpty();
    });

    assertThat(deadLetters).extracting(Message::messageId).containsExactly(poisonId);
    assertThat(deliveriesOf("poison")).extracting(Delivery::receiveCount)
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(messagesIn(queueUrl)).isZero();
  }

  @Test
  void aFunctionThatThrowsGetsTheWholeBatchAgain() {
    send("a", "b");
    start(10, event -> {
      if (event.getRecords().get(0).getAttributes().get("ApproximateReceiveCount").equals("1")) {
        throw new IllegalStateException("first attempt fails");
      }
      return new SQSBatchResponse(List.of());
    });

    await().atMost(Duration.ofSeconds(15)).until(() -> deliveries.size() == 4);

    assertThat(deliveries).extracting(Delivery::body).containsExactlyInAnyOrder("a", "b", "a", "b");
    await().atMost(Duration.ofSeconds(5)).until(() -> messagesIn(queueUrl) == 0);
  }

  @Test
  void aFailureNamingAMessageOutsideTheBatchFailsTheWholeBatch() {
    send("only");
    start(10, event -> event.getRecords().get(0).getAttributes().get("ApproximateReceiveCount")
        .equals("1")
        ? new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-in-this-batch")))
        : new SQSBatchResponse(List.of()));

    await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesOf("only").size() == 2);
  }

  @Test
  void withoutReportBatchItemFailuresTheResponseIsIgnoredAndTheBatchDeleted() {
    send("reported");
    SqsEventSource source = new SqsEventSource(sqs, queueUrl, stack.queueArn("Work"), 10, 2, false,
        recording(event -> new SQSBatchResponse(List.of(
            new SQSBatchResponse.BatchItemFailure(event.getRecords().get(0).getMessageId())))));
    sources.add(source.start());

    await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> messagesIn(queueUrl) == 0);
  }

  @Test
  void twoPollersHandleBatchesAtTheSameTime() {
    send("one", "two");
    CountDownLatch bothInFlight = new CountDownLatch(2);
    List<Boolean> sawTheOther = new CopyOnWriteArrayList<>();
    start(1, event -> {
      bothInFlight.countDown();
      try {
        // With a single poller the second message could not arrive while this one is held.
        sawTheOther.add(bothInFlight.await(10, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new SQSBatchResponse(List.of());
    });

    await().atMost(Duration.ofSeconds(15)).until(() -> sawTheOther.size() >= 2);

    assertThat(sawTheOther.subList(0, 2)).containsOnly(true);
  }

  @Test
  void closeStopsPollingPromptly() {
    send("before close");
    SqsEventSource source = start(10, event -> new SQSBatchResponse(List.of()));
    await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 1);

    long started = System.nanoTime();
    source.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    // A pool thread outlives its last task by a moment; wait for it rather than race it.
    await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
            .noneMatch(name -> name.startsWith("sqs-poller-Work-")));
    send("after close");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
        .until(() -> deliveries.size() == 1);
    assertThat(messagesIn(queueUrl)).isEqualTo(1);
  }

  @Test
  void handsTheFunctionRecordsInTheShapeLambdaSends() throws Exception {
    String id = sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"type\":\"click\"}")
        .messageAttributes(Map.of("kind", MessageAttributeValue.builder()
            .dataType("String").stringValue("click").build()))).messageId();
    List<SQSEvent.SQSMessage> seen = new CopyOnWriteArrayList<>();
    start(10, event -> {
      seen.addAll(event.getRecords());
      return new SQSBatchResponse(List.of());
    });

    await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());

    SQSEvent.SQSMessage record = seen.get(0);
    assertThat(record.getMessageId()).isEqualTo(id);
    assertThat(record.getBody()).isEqualTo("{\"type\":\"click\"}");
    assertThat(record.getReceiptHandle()).isNotBlank();
    assertThat(record.getMd5OfBody()).isEqualTo(md5Hex("{\"type\":\"click\"}"));
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).isEqualTo(stack.queueArn("Work"));
    assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "1")
        .containsKeys("SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
    assertThat(record.getMessageAttributes().get("kind")).satisfies(kind -> {
      assertThat(kind.getDataType()).isEqualTo("String");
      assertThat(kind.getStringValue()).isEqualTo("click");
      assertThat(kind.getStringListValues()).isEmpty();
    });
  }

  private SqsEventSource start(int batchSize, Function<SQSEvent, SQSBatchResponse> function) {
    SqsEventSource source = new SqsEventSource(sqs, queueUrl, stack.queueArn("Work"), batchSize, 2,
        recording(function));
    sources.add(source);
    return source.start();
  }

  private Function<SQSEvent, SQSBatchResponse> recording(Function<SQSEvent, SQSBatchResponse> function) {
    return event -> {
      batches.add(event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList());
      event.getRecords().forEach(r -> deliveries.add(new Delivery(r.getMessageId(), r.getBody(),
          Integer.parseInt(r.getAttributes().get("ApproximateReceiveCount")), Instant.now())));
      return function.apply(event);
    };
  }

  private List<Delivery> deliveriesOf(String body) {
    return deliveries.stream().filter(d -> d.body().equals(body)).toList();
  }

  /** Sends the bodies in one call, so they are all waiting before the pollers start. */
  private static List<String> send(String... bodies) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies[i]).build());
    }
    var result = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    assertThat(result.failed()).isEmpty();
    return result.successful().stream().map(SendMessageBatchResultEntry::messageId).toList();
  }

  private static int messagesIn(String url) {
    Map<String, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
    return Integer.parseInt(counts.get("ApproximateNumberOfMessages"))
        + Integer.parseInt(counts.get("ApproximateNumberOfMessagesNotVisible"));
  }

  private static String md5Hex(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    return String.format("%032x", new BigInteger(1, digest));
  }
}
