package io.goalpost.local.devserver.browser;

import io.goalpost.aws.event.EventJson;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.local.devserver.DevServer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * What the ingest functions put on the events queue, read straight off it: nothing consumes the
 * queue in this branch yet. Once the attribution worker does, these tests should read what it
 * stored instead. Every poll takes what has arrived and remembers it, in arrival order.
 */
final class QueuedEvents {

    private final SqsClient sqs;
    private final String queueUrl;
    private final EventJson json = new EventJson();
    private final List<TrackingEvent> seen = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();

    QueuedEvents(DevServer server) {
        this.sqs = server.stack().sqsClient();
        this.queueUrl = server.stack().queueUrl("EventsQueue");
    }

    synchronized List<PageEvent> pageEvents() {
        poll();
        return seen.stream().filter(PageEvent.class::isInstance).map(PageEvent.class::cast).toList();
    }

    synchronized List<ClickEvent> clicks() {
        poll();
        return seen.stream().filter(ClickEvent.class::isInstance).map(ClickEvent.class::cast).toList();
    }

    /** The messages as they were sent, to check what never went on the queue. */
    synchronized List<String> rawMessages() {
        poll();
        return List.copyOf(raw);
    }

    private void poll() {
        List<Message> messages;
        do {
            messages = sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(600).build()).messages();
            for (Message message : messages) {
                raw.add(message.body());
                seen.add(json.decode(message.body()));
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!messages.isEmpty());
    }
}
