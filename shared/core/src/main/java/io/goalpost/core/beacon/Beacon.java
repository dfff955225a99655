package io.goalpost.core.beacon;

import io.goalpost.core.click.UserAgents;
import io.goalpost.core.event.EventQueue;
import io.goalpost.core.id.Ids;
import java.time.Clock;
import java.util.Objects;

/**
 * Takes page events from {@code t.js} and the pixel (SPEC §3 Page events): checks them, keeps
 * only what consent allows, stamps the receipt time and an event id, and puts them on the queue.
 * It never creates or joins a lead: nothing a page sends can name one. Bots and link-preview
 * fetchers that run a page's script (by the redirect's own list, {@link UserAgents}) are answered
 * as a browser would be, and dropped: a page view by a crawler must not claim a click or complete
 * a goal, and an error would only teach it to retry.
 */
public final class Beacon {

    /** SPEC §3: one event is at most 16 KB. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final EventQueue queue;
    private final PageEventFallback fallback;
    private final DropCounter drops;
    private final UserAgents userAgents;
    private final Ids ids;
    private final Clock clock;

    public Beacon(EventQueue queue, PageEventFallback fallback, DropCounter drops, UserAgents userAgents, Ids ids,
            Clock clock) {
        this.queue = Objects.requireNonNull(queue);
        this.fallback = Objects.requireNonNull(fallback);
        this.drops = Objects.requireNonNull(drops);
        this.userAgents = Objects.requireNonNull(userAgents);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param visitorCookie the request's {@code gp_vid} cookie, or null; used only under consent {@code all}
     * @param userAgent the request's {@code User-Agent}, or null when it sent none (then it is a bot)
     */
    public BeaconResult receive(PageEventFields fields, String visitorCookie, String userAgent) {
        PageEventRules.Checked checked;
        try {
            checked = PageEventRules.check(fields, visitorCookie, clock.instant(), ids);
        } catch (IllegalArgumentException invalid) {
            return refuse(DropReason.INVALID, invalid.getMessage());
        }
        if (userAgents.isBot(userAgent)) {
            drops.count(DropReason.BOT);
            return new BeaconResult.Ignored(DropReason.BOT);
        }
        if (checked.visitorIdDropped()) {
            drops.count(DropReason.NO_CONSENT);
        }
        try {
            queue.publish(checked.event());
        } catch (RuntimeException queueFailure) {
            fallback.keep(checked.event(), queueFailure);
        }
        return new BeaconResult.Accepted(checked.event());
    }

    /** A request refused before its fields could be read (too large, wrong content type, not JSON): counted. */
    public BeaconResult.Refused refuse(DropReason reason, String message) {
        drops.count(reason);
        return new BeaconResult.Refused(reason, message);
    }
}
