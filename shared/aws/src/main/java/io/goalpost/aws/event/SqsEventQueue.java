package io.goalpost.aws.event;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.TrackingEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Events onto the SQS events queue, one message each, in {@link EventJson}'s form. */
public final class SqsEventQueue implements EventQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final EventJson json;

    public SqsEventQueue(SqsClient sqs, String queueUrl, EventJson json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void publish(TrackingEvent event) {
        sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(json.encode(event)).build());
    }
}
