package io.goalpost.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS can be taken away and brought back, for fail-open tests; the queue URLs survive. */
@ExtendWith(LocalStackExtension.class)
class LocalStackSqsOutageTest {

  private final LocalStack stack;
  private final SqsClient sqs;

  LocalStackSqsOutageTest(LocalStack stack) {
    this.stack = stack;
    this.sqs = stack.sqsClient();
  }

  @BeforeEach
  void startFromNothing() {
    stack.reset();
  }

  @Test
  void refusesEverySqsCallWhileStoppedAndTakesMessagesAgainAtTheSameUrlOnceStarted() {
    String url = stack.queueUrl("EventsQueue");
    String dlqArn = stack.queueArn("EventsDeadLetterQueue");
    try {
      stack.stopSqs();

      assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("lost")))
          .isInstanceOf(SdkClientException.class);
    } finally {
      stack.startSqs();
    }

    sqs.sendMessage(b -> b.queueUrl(url).messageBody("after"));
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages())
        .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("after"));
    assertThat(stack.queueUrl("EventsQueue")).isEqualTo(url);
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("RedrivePolicy"))
        .attributesAsStrings().get("RedrivePolicy")).contains(dlqArn);
  }

  @Test
  void startingSqsThatIsRunningChangesNothing() {
    String url = stack.queueUrl("EventsQueue");
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("kept"));

    stack.startSqs();

    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).hasSize(1);
  }
}
