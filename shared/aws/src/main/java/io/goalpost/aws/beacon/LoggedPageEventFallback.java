package io.goalpost.aws.beacon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.beacon.PageEventFallback;
import io.goalpost.core.event.PageEvent;
import java.util.function.Consumer;

/**
 * What happens to a page event the queue refused, until the DynamoDB outbox takes its place: one
 * structured line saying an event of this kind was lost, and why. Unlike the click fallback it
 * holds no ids and no URL (a page event's ids exist only by the visitor's consent, and logs are
 * not where consent can be withdrawn), so the event itself cannot be re-driven from it.
 */
public final class LoggedPageEventFallback implements PageEventFallback {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Consumer<String> log;

    public LoggedPageEventFallback(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void keep(PageEvent event, RuntimeException queueFailure) {
        try {
            log.accept(mapper.createObjectNode()
                    .put("level", "WARN")
                    .put("message", "page_event_not_enqueued")
                    .put("kind", event.kind().wireName())
                    .put("consent", event.consent().wireName())
                    .put("occurredAt", event.occurredAt().toString())
                    .put("cause", queueFailure.getClass().getName())
                    .toString());
        } catch (RuntimeException logFailure) {
            // Nothing left to try; the page has its 202 either way.
        }
    }
}
