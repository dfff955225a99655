package io.goalpost.core.link;

import io.goalpost.core.id.Ids;
import io.goalpost.core.link.NewLink.NewGoal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creating, listing, changing and archiving links: the rules, generated slugs, and the store's
 * first-come slug claim. Archiving keeps the link (its stats, its credits, its slug): it only
 * stops redirecting.
 */
public final class Links {

    /** 62^7 slugs make a collision rare; several in a row means something is broken, not unlucky. */
    static final int SLUG_ATTEMPTS = 10;
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern PAGE_SIZE = Pattern.compile("[0-9]{1,3}");

    private final LinkStore store;
    private final Ids ids;
    private final Clock clock;

    public Links(LinkStore store, Ids ids, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    public CreateLinkResult create(NewLink request) {
        Optional<CreateLinkResult.Invalid> broken = LinkRules.firstBroken(request);
        if (broken.isPresent()) {
            return broken.get();
        }
        if (request.slug() != null) {
            Link link = linkFrom(request, request.slug());
            return store.create(link) ? CreateLinkResult.created(link) : CreateLinkResult.slugTaken(request.slug());
        }
        for (int attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
            Link link = linkFrom(request, ids.slug());
            if (store.create(link)) {
                return CreateLinkResult.created(link);
            }
        }
        throw new IllegalStateException(SLUG_ATTEMPTS + " generated slugs in a row were taken");
    }

    /** The link with this slug, archived or not; a malformed slug is simply not found. */
    public Optional<Link> find(String slug) {
        return Slugs.isWellFormed(slug) ? store.find(slug) : Optional.empty();
    }

    /**
     * One page of links, newest first, archived ones included (flagged).
     *
     * @param limit  as the request gave it, or null: 1–{@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}
     * @param cursor the {@code nextCursor} of the page before, or null for the first page
     */
    public ListLinksResult list(String limit, String cursor) {
        int size;
        if (limit == null) {
            size = DEFAULT_PAGE_SIZE;
        } else if (PAGE_SIZE.matcher(limit).matches() && Integer.parseInt(limit) >= 1
                && Integer.parseInt(limit) <= MAX_PAGE_SIZE) {
            size = Integer.parseInt(limit);
        } else {
            return new ListLinksResult.Invalid("limit must be a whole number from 1 to " + MAX_PAGE_SIZE);
        }
        LinkPosition after = null;
        if (cursor != null) {
            Optional<LinkPosition> position = LinkCursors.decode(cursor);
            if (position.isEmpty()) {
                return new ListLinksResult.Invalid("cursor is not one this API gave out (use nextCursor as it came)");
            }
            after = position.get();
        }
        // One more than asked: whether it comes tells whether there is a next page.
        List<Link> found = store.newestFirst(size + 1, after);
        if (found.size() <= size) {
            return new ListLinksResult.Page(found, null);
        }
        List<Link> page = found.subList(0, size);
        return new ListLinksResult.Page(page, LinkCursors.encode(LinkPosition.of(page.get(size - 1))));
    }

    /** Every link, archived ones included, newest first. */
    public List<Link> all() {
        List<Link> all = new ArrayList<>();
        LinkPosition after = null;
        while (true) {
            List<Link> page = store.newestFirst(MAX_PAGE_SIZE, after);
            all.addAll(page);
            if (page.size() < MAX_PAGE_SIZE) {
                return all;
            }
            after = LinkPosition.of(page.get(page.size() - 1));
        }
    }

    /**
     * Changes a link's name, destination, channel or campaign, checked as on creation. An archived
     * link can be changed too (say, to fix the channel its stats are grouped under); it stays archived.
     */
    public ChangeLinkResult change(String slug, LinkChange change) {
        if (!Slugs.isWellFormed(slug)) {
            return new ChangeLinkResult.UnknownLink();
        }
        Optional<CreateLinkResult.Invalid> broken = LinkRules.firstBroken(change);
        if (broken.isPresent()) {
            return broken.get();
        }
        boolean removeCampaign = change.campaign() != null && change.campaign().isBlank();
        LinkUpdate update = new LinkUpdate(change.name(),
                change.destination() == null ? null : WebUrls.normalize(change.destination()).orElseThrow(),
                change.channel(), removeCampaign ? null : change.campaign(), removeCampaign);
        return store.update(slug, update)
                .<ChangeLinkResult>map(ChangeLinkResult.Changed::new)
                .orElseGet(ChangeLinkResult.UnknownLink::new);
    }

    /** Archives the link: it answers 404 at the redirect from now on. Answers false for an unknown slug. */
    public boolean archive(String slug) {
        return Slugs.isWellFormed(slug) && store.archive(slug);
    }

    private Link linkFrom(NewLink request, String slug) {
        String campaign = request.campaign() == null || request.campaign().isBlank() ? null : request.campaign();
        return new Link(
                slug,
                request.name(),
                WebUrls.normalize(request.destination()).orElseThrow(),
                request.channel(),
                campaign,
                goalFrom(request.goal()),
                request.attributionWindowDays() == null
                        ? Link.DEFAULT_ATTRIBUTION_WINDOW_DAYS : request.attributionWindowDays(),
                Boolean.TRUE.equals(request.countRebills()),
                // Millisecond precision: what every store and the API keep exactly.
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                false);
    }

    private static Goal goalFrom(NewGoal goal) {
        if (goal == null) {
            return null;
        }
        return switch (GoalType.fromWireName(goal.type()).orElseThrow()) {
            case OPT_IN -> Goal.optIn(goal.formId());
            case PAGE_VISIT -> Goal.pageVisit(WebUrls.normalize(goal.pageUrl()).orElseThrow());
            case PURCHASE -> Goal.purchase(goal.productId());
        };
    }
}
