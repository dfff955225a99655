package io.goalpost.local.devserver.browser;

import io.goalpost.aws.event.EventJson;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.local.devserver.DevServer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ingest functions put on the events queue, as the dev server handed it to the worker
 * (its delivery tap), in arrival order. Events that waited in the outbox arrive once the worker's
 * schedule re-drives them, which {@link #poll} does as the minute schedule would.
 */
final class QueuedEvents {

    private final DevServer server;
    private final EventJson json = new EventJson();

    QueuedEvents(DevServer server) {
        this.server = server;
    }

    synchronized List<PageEvent> pageEvents() {
        return poll().stream().filter(PageEvent.class::isInstance).map(PageEvent.class::cast).toList();
    }

    synchronized List<ClickEvent> clicks() {
        return poll().stream().filter(ClickEvent.class::isInstance).map(ClickEvent.class::cast).toList();
    }

    /** The messages as they were sent, to check what never went on the queue. */
    synchronized List<String> rawMessages() {
        server.fireSchedules("AttributionFunction");
        return distinct(server.deliveredFrom("EventsQueue"));
    }

    private List<TrackingEvent> poll() {
        List<TrackingEvent> seen = new ArrayList<>();
        for (String body : rawMessages()) {
            seen.add(json.decode(body));
        }
        return seen;
    }

    /** A redelivered message is one event. */
    private static List<String> distinct(List<String> bodies) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(bodies));
    }
}
