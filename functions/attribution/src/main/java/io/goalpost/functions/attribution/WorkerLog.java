package io.goalpost.functions.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import java.util.function.Consumer;

/**
 * The worker's log lines, one JSON object each. They name events by type and id only: a body
 * may carry an email, and emails never reach a log.
 */
final class WorkerLog {

  private final ObjectMapper mapper;
  private final Consumer<String> sink;

  WorkerLog(ObjectMapper mapper, Consumer<String> sink) {
    this.mapper = mapper;
    this.sink = sink;
  }

  void undecodable(String messageId, String receives, RuntimeException reason) {
    ObjectNode line = line("WARN", "undecodable queue message: failed, so it reaches the dead-letter queue")
        .put("messageId", messageId).put("receiveCount", receives)
        .put("error", reason.getClass().getSimpleName()).put("reason", reason.getMessage());
    sink.accept(line.toString());
  }

  void failed(String messageId, String receives, TrackingEvent event, RuntimeException error) {
    ObjectNode line = line("ERROR", "recording an event failed: it will be retried")
        .put("messageId", messageId).put("receiveCount", receives)
        .put("type", kindOf(event)).put("eventId", event.eventId())
        .put("error", error.getClass().getName()).put("reason", error.getMessage());
    sink.accept(line.toString());
  }

  void outcome(EventRecorder.Outcome outcome, TrackingEvent event) {
    ObjectNode line = line("WARN", reasonOf(outcome))
        .put("outcome", outcome.name()).put("type", kindOf(event)).put("eventId", event.eventId());
    sink.accept(line.toString());
  }

  private static String reasonOf(EventRecorder.Outcome outcome) {
    return switch (outcome) {
      case RECORDED_EMAIL_UNREADABLE -> "sale counted without a lead: its sealed email does not open under this"
          + " EmailHashKey (another key, altered, or moved from another event)";
      default -> "event acknowledged";
    };
  }

  private ObjectNode line(String level, String message) {
    return mapper.createObjectNode().put("level", level).put("message", message);
  }

  private static String kindOf(TrackingEvent event) {
    if (event instanceof OrderEvent order) {
      return event.type() + "/" + order.kind().wireName();
    }
    if (event instanceof PageEvent page) {
      return event.type() + "/" + page.kind().wireName();
    }
    return event.type();
  }
}
