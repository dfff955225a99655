package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.EventQueue;
import io.goalpost.core.id.Ids;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.Slugs;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides where a tracking link sends the browser, and records the click. Tracking never stands
 * between a person and the page: a queue failure goes to the fallback and the redirect goes on.
 */
public final class Redirector {

    private final LinkStore links;
    private final EventQueue queue;
    private final ClickFallback fallback;
    private final Ids ids;
    private final Clock clock;

    public Redirector(LinkStore links, EventQueue queue, ClickFallback fallback, Ids ids, Clock clock) {
        this.links = Objects.requireNonNull(links);
        this.queue = Objects.requireNonNull(queue);
        this.fallback = Objects.requireNonNull(fallback);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    public Redirect follow(ClickRequest request) {
        Instant receivedAt = clock.instant();
        Optional<Link> link = Slugs.isWellFormed(request.slug())
                ? links.find(request.slug()).filter(found -> !found.archived())
                : Optional.empty();
        if (link.isEmpty()) {
            return Redirect.notFound();
        }
        String clickId = ids.clickId();
        if (request.method() == ClickRequest.Method.GET) {
            record(new ClickEvent(link.get().slug(), clickId, visitorId(request.visitorCookie()), receivedAt));
        }
        return Redirect.to(TrackedLocation.of(link.get().destination(), request.rawQuery(), clickId));
    }

    private void record(ClickEvent click) {
        try {
            queue.publish(click);
        } catch (RuntimeException queueFailure) {
            fallback.keep(click, queueFailure);
        }
    }

    /** A cookie is the browser's to change: only a value shaped like an id Goalpost minted is used. */
    private static String visitorId(String cookie) {
        return Ids.isMintedId(cookie) ? cookie : null;
    }
}
