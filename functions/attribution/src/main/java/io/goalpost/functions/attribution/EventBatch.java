package io.goalpost.functions.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.aws.event.EventJson;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.event.TrackingEvent;

/**
 * One SQS batch: each message decoded and recorded on its own, so one bad message does not hold
 * back the others. Failed messages are named in {@code batchItemFailures}: SQS makes them visible
 * again, and after 5 receives moves them to the dead-letter queue. Recording is exactly-once, so
 * retrying a message that half-succeeded is safe.
 */
final class EventBatch {

  private final EventJson json = new EventJson();
  private final EventRecorder events;
  private final WorkerLog log;

  EventBatch(EventRecorder events, WorkerLog log) {
    this.events = events;
    this.log = log;
  }

  /** @return {@code {"batchItemFailures": [{"itemIdentifier": messageId}, …]}} */
  ObjectNode process(JsonNode records) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ArrayNode failures = answer.putArray("batchItemFailures");
    for (JsonNode record : records) {
      String messageId = record.path("messageId").asText();
      if (!recorded(record, messageId)) {
        failures.addObject().put("itemIdentifier", messageId);
      }
    }
    return answer;
  }

  private boolean recorded(JsonNode record, String messageId) {
    String receives = record.path("attributes").path("ApproximateReceiveCount").asText(null);
    TrackingEvent event;
    try {
      event = json.decode(record.path("body").asText());
    } catch (RuntimeException undecodable) {
      // The body may hold an email: only the message id and the reason go to the log.
      log.undecodable(messageId, receives, undecodable);
      return false;
    }
    try {
      EventRecorder.Outcome outcome = events.record(event);
      if (outcome != EventRecorder.Outcome.RECORDED) {
        log.outcome(outcome, event);
      }
      return true;
    } catch (RuntimeException failed) {
      log.failed(messageId, receives, event, failed);
      return false;
    }
  }
}
