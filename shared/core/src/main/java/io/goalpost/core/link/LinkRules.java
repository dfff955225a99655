package io.goalpost.core.link;

import io.goalpost.core.link.CreateLinkResult.Invalid;
import io.goalpost.core.link.NewLink.NewGoal;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules a new or changed link must meet (SPEC §1, §4); the first broken one is reported, naming its field. */
final class LinkRules {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_CAMPAIGN_LENGTH = 200;
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private LinkRules() {
    }

    static Optional<Invalid> firstBroken(NewLink request) {
        return firstOf(
                text("name", request.name(), MAX_NAME_LENGTH, true),
                destination(request.destination()),
                channel(request.channel()),
                text("campaign", request.campaign(), MAX_CAMPAIGN_LENGTH, false),
                slug(request.slug()),
                goal(request.goal()),
                window(request.attributionWindowDays()));
    }

    /** Only the fields the change names are checked, each as a new link's would be. */
    static Optional<Invalid> firstBroken(LinkChange change) {
        return firstOf(
                change.name() == null ? Optional.empty() : text("name", change.name(), MAX_NAME_LENGTH, true),
                change.destination() == null ? Optional.empty() : destination(change.destination()),
                change.channel() == null ? Optional.empty() : channel(change.channel()),
                text("campaign", change.campaign(), MAX_CAMPAIGN_LENGTH, false));
    }

    @SafeVarargs
    private static Optional<Invalid> firstOf(Optional<Invalid>... checks) {
        for (Optional<Invalid> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static Optional<Invalid> text(String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? broken(field, "is required and must not be blank") : Optional.empty();
        }
        if (value.length() > maxLength) {
            return broken(field, "must be at most " + maxLength + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            return broken(field, "must not contain control characters");
        }
        return Optional.empty();
    }

    private static Optional<Invalid> destination(String destination) {
        if (destination == null) {
            return broken("destination", "is required");
        }
        return webUrl("destination", destination);
    }

    private static Optional<Invalid> webUrl(String field, String url) {
        if (WebUrls.normalize(url).isEmpty()) {
            return broken(field, "must be an absolute http or https URL with a host, at most "
                    + WebUrls.MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private static Optional<Invalid> channel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            return broken("channel", "is required and must be 1-64 characters of a-z, 0-9 and -");
        }
        return Optional.empty();
    }

    private static Optional<Invalid> slug(String slug) {
        if (slug != null && !Slugs.isWellFormed(slug)) {
            return broken("slug", "must be 1-64 characters of A-Z, a-z, 0-9, _ and -");
        }
        return Optional.empty();
    }

    private static Optional<Invalid> goal(NewGoal goal) {
        if (goal == null) {
            return Optional.empty();
        }
        Optional<GoalType> type = GoalType.fromWireName(goal.type());
        if (type.isEmpty()) {
            return broken("goal.type", "must be one of opt_in, page_visit, purchase");
        }
        return switch (type.get()) {
            case OPT_IN -> firstOf(
                    notAllowed("goal.pageUrl", goal.pageUrl(), "opt_in"),
                    notAllowed("goal.productId", goal.productId(), "opt_in"),
                    externalId("goal.formId", goal.formId()));
            case PAGE_VISIT -> firstOf(
                    notAllowed("goal.formId", goal.formId(), "page_visit"),
                    notAllowed("goal.productId", goal.productId(), "page_visit"),
                    goal.pageUrl() == null ? broken("goal.pageUrl", "is required for a page_visit goal")
                            : webUrl("goal.pageUrl", goal.pageUrl()));
            case PURCHASE -> firstOf(
                    notAllowed("goal.formId", goal.formId(), "purchase"),
                    notAllowed("goal.pageUrl", goal.pageUrl(), "purchase"),
                    externalId("goal.productId", goal.productId()));
        };
    }

    private static Optional<Invalid> notAllowed(String field, String value, String type) {
        return value == null ? Optional.empty() : broken(field, "is not allowed on a " + type + " goal");
    }

    private static Optional<Invalid> externalId(String field, String id) {
        if (id != null && !EXTERNAL_ID.matcher(id).matches()) {
            return broken(field, "must be 1-64 characters of A-Z, a-z, 0-9, _ . : and -");
        }
        return Optional.empty();
    }

    private static Optional<Invalid> window(Integer days) {
        if (days != null && (days < 1 || days > Link.MAX_ATTRIBUTION_WINDOW_DAYS)) {
            return broken("attributionWindowDays", "must be between 1 and " + Link.MAX_ATTRIBUTION_WINDOW_DAYS);
        }
        return Optional.empty();
    }

    private static Optional<Invalid> broken(String field, String reason) {
        return Optional.of(CreateLinkResult.invalid(field, reason));
    }
}
