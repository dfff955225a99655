package io.goalpost.core.link;

import io.goalpost.core.id.Ids;
import io.goalpost.core.link.NewLink.NewGoal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Creating and reading links: the rules, generated slugs, and the store's first-come slug claim. */
public final class Links {

    /** 62^7 slugs make a collision rare; several in a row means something is broken, not unlucky. */
    static final int SLUG_ATTEMPTS = 10;

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
