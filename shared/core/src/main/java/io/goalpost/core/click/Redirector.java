package io.goalpost.core.click;

import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.EventQueue;
import io.goalpost.core.id.Ids;
import io.goalpost.core.lead.LeadTokens;
import io.goalpost.core.link.Link;
import io.goalpost.core.link.LinkStore;
import io.goalpost.core.link.Slugs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides where a tracking link sends the browser, and records the click. Tracking never stands
 * between a person and the page: a queue failure goes to the fallback and the redirect goes on.
 * What the worker needs from the request (bot or not, who clicked) is decided here, so the IP and
 * the user agent never leave the redirect.
 */
public final class Redirector {

    private final LinkStore links;
    private final EventQueue queue;
    private final ClickFallback fallback;
    private final Ids ids;
    private final Clock clock;
    private final UserAgents userAgents;
    private final ClickerKeys clickers;
    private final LeadTokens leadTokens;

    /** A redirect that ignores every {@code gp_lt} (no lead token secret). */
    public Redirector(LinkStore links, EventQueue queue, ClickFallback fallback, Ids ids, Clock clock,
            UserAgents userAgents, ClickerKeys clickers) {
        this(links, queue, fallback, ids, clock, userAgents, clickers, null);
    }

    /** @param leadTokens checks the {@code gp_lt} of personalised links; null ignores them all */
    public Redirector(LinkStore links, EventQueue queue, ClickFallback fallback, Ids ids, Clock clock,
            UserAgents userAgents, ClickerKeys clickers, LeadTokens leadTokens) {
        this.links = Objects.requireNonNull(links);
        this.queue = Objects.requireNonNull(queue);
        this.fallback = Objects.requireNonNull(fallback);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
        this.userAgents = Objects.requireNonNull(userAgents);
        this.clickers = Objects.requireNonNull(clickers);
        this.leadTokens = leadTokens;
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
            record(clickOf(request, link.get().slug(), clickId, receivedAt));
        }
        return Redirect.to(TrackedLocation.of(link.get().destination(), request.rawQuery(), clickId));
    }

    /**
     * A bot's clicker is never asked for: its click counts only as a bot click, and a link preview
     * of a personalised link is not the lead's click. A valid {@code gp_lt} makes the lead the
     * clicker and puts the click in the lead's lineage (SPEC §3 Clicks); a tampered or expired one
     * is ignored, never an error.
     */
    private ClickEvent clickOf(ClickRequest request, String slug, String clickId, Instant receivedAt) {
        String visitorId = visitorId(request.visitorCookie());
        if (userAgents.isBot(request.userAgent())) {
            return new ClickEvent(slug, clickId, visitorId, receivedAt, true, ClickEvent.clickClicker(clickId));
        }
        Optional<String> lead = leadTokens == null ? Optional.empty()
                : leadTokens.leadOf(TrackedLocation.parameter(request.rawQuery(), "gp_lt"), receivedAt);
        if (lead.isPresent()) {
            return new ClickEvent(slug, clickId, visitorId, receivedAt, false, ClickEvent.leadClicker(lead.get()),
                    lead.get());
        }
        String clicker = clickers.keyOf(visitorId, request.sourceIp(), request.userAgent(), clickId,
                LocalDate.ofInstant(receivedAt, ZoneOffset.UTC));
        return new ClickEvent(slug, clickId, visitorId, receivedAt, false, clicker);
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
