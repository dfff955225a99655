package io.goalpost.aws.event;

import io.goalpost.core.event.EventQueue;
import io.goalpost.core.event.TrackingEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Events onto the SQS events queue, one message each, in {@link EventJson}'s form. */
public final class SqsEventQueue implements EventQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final EventJson json;
    private final Duration firstSendTimeout;
    private final AtomicBoolean firstSendStarted = new AtomicBoolean();

    /** Every send gets the client's own time budget. */
    public SqsEventQueue(SqsClient sqs, String queueUrl, EventJson json) {
        this(sqs, queueUrl, json, null);
    }

    /**
     * The first send of this instance gets {@code firstSendTimeout} instead of the client's budget:
     * it pays for SDK class loading and the TLS handshake (measured at over 300 ms on a cold JVM),
     * which is the container starting, not the queue being slow. Later sends get the client's budget.
     */
    public SqsEventQueue(SqsClient sqs, String queueUrl, EventJson json, Duration firstSendTimeout) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
        this.firstSendTimeout = firstSendTimeout;
    }

    @Override
    public void publish(TrackingEvent event) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(json.encode(event));
        if (firstSendTimeout != null && firstSendStarted.compareAndSet(false, true)) {
            request.overrideConfiguration(override -> override.apiCallTimeout(firstSendTimeout));
        }
        sqs.sendMessage(request.build());
    }
}
