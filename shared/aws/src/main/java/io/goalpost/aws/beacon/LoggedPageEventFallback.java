package io.goalpost.aws.beacon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.beacon.PageEventFallback;
import io.goalpost.core.event.PageEvent;
import java.util.function.Consumer;

/**
 * The last resort for a page event that neither the queue nor the outbox took: one structured
 * line saying an event of this kind was lost, and why. Unlike the click's last resort it holds no
 * ids and no URL (a page event's ids exist only by the visitor's consent, and logs are not where
 * consent can be withdrawn or a lead erased), so the event itself cannot be re-driven from it.
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
