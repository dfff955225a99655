package io.goalpost.aws.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goalpost.core.click.ClickFallback;
import io.goalpost.core.event.ClickEvent;
import java.util.function.Consumer;

/**
 * The last resort for a click the queue refused: one structured JSON log line holding the event
 * exactly as the queue would have carried it, so it can be re-driven from the logs. It holds no
 * IP (the event has none). It comes after the outbox ({@code OutboxFallback}). Not one class
 * with the page event's last resort: that one deliberately logs no ids and no URL.
 */
public final class LoggedClickFallback implements ClickFallback {

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventJson json;
    private final Consumer<String> log;

    public LoggedClickFallback(EventJson json, Consumer<String> log) {
        this.json = json;
        this.log = log;
    }

    @Override
    public void keep(ClickEvent click, RuntimeException queueFailure) {
        ObjectNode line = mapper.createObjectNode()
                .put("level", "WARN")
                .put("message", "click_not_enqueued")
                .put("cause", queueFailure.getClass().getName());
        line.set("event", json.toTree(click));
        log.accept(line.toString());
    }
}
