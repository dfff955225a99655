package io.goalpost.core.link;

import java.util.Objects;

/**
 * A link's goal. Each type uses at most one of the three ids: an opt-in may name one form, a page
 * visit must name one page, a purchase may name one product (none = any product).
 */
public record Goal(GoalType type, String formId, String pageUrl, String productId) {

    public Goal {
        Objects.requireNonNull(type, "type");
        if (formId != null && type != GoalType.OPT_IN
                || productId != null && type != GoalType.PURCHASE
                || (pageUrl != null) != (type == GoalType.PAGE_VISIT)) {
            throw new IllegalArgumentException("ids do not fit goal type " + type.wireName());
        }
    }

    public static Goal optIn(String formIdOrNull) {
        return new Goal(GoalType.OPT_IN, formIdOrNull, null, null);
    }

    public static Goal pageVisit(String pageUrl) {
        return new Goal(GoalType.PAGE_VISIT, null, pageUrl, null);
    }

    public static Goal purchase(String productIdOrNull) {
        return new Goal(GoalType.PURCHASE, null, null, productIdOrNull);
    }
}
