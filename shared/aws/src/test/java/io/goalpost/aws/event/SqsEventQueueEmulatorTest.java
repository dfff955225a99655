package io.goalpost.aws.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.config.AwsClients;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/** SqsEventQueue against ElasticMQ, on the events queue template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class SqsEventQueueEmulatorTest {

    @Test
    void putsAClickOnTheEventsQueueInTheFormTheWorkerReads(LocalStack stack) {
        String queueUrl = stack.queueUrl("EventsQueue");
        ClickEvent click = new ClickEvent("spring", "Ab3dEf6hIj9kLm2nOp5qRs", "Vq3mXkP9aZr2LdT8wYbN4c",
                Instant.parse("2025-04-01T09:30:00Z"));
        // A generous budget: this test is about the message's form, not the redirect's timing,
        // and a loaded CI machine can take more than the redirect's 300 ms on a cold client.
        try (SqsClient sqs = AwsClients.sqs(stack.awsEnvironment(), Duration.ofSeconds(10))) {
            new SqsEventQueue(sqs, queueUrl, new EventJson()).publish(click);
        }

        List<Message> messages = stack.sqsClient().receiveMessage(ReceiveMessageRequest.builder()
                .queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(5).build()).messages();

        assertThat(messages).extracting(message -> new EventJson().decode(message.body())).contains(click);
    }
}
