package io.goalpost.core.attribution;

import io.goalpost.core.click.Click;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.GoalType;
import io.goalpost.core.link.Link;
import java.time.Duration;

/**
 * When a candidate click counts for a conversion (SPEC §3 Attribution): its link has a goal the
 * conversion matches, and {@code click time ≤ conversion time ≤ click time + the link's window}.
 * Kept apart so the reasons of unattributed sales (later) ask the very same questions.
 */
public final class CreditRules {

  private CreditRules() {
  }

  public static boolean counts(Link link, Click click, Conversion conversion) {
    return goalMatches(link.goal(), conversion) && withinWindow(link, click, conversion);
  }

  /**
   * A purchase goal matches a sale of its product, or of any product when it names none; an
   * opt-in goal an opt-in of its form, or of any form when it names none; a page-visit goal a
   * view of its page ({@link VisitedPages}).
   */
  public static boolean goalMatches(Goal goal, Conversion conversion) {
    if (goal == null) {
      return false;
    }
    return switch (conversion.kind()) {
      case SALE -> goal.type() == GoalType.PURCHASE
          && (goal.productId() == null || goal.productId().equals(conversion.productId()));
      case OPT_IN -> goal.type() == GoalType.OPT_IN
          && (goal.formId() == null || goal.formId().equals(conversion.formId()));
      case PAGE_VIEW -> goal.type() == GoalType.PAGE_VISIT && VisitedPages.same(goal.pageUrl(), conversion.url());
    };
  }

  public static boolean withinWindow(Link link, Click click, Conversion conversion) {
    return !conversion.at().isBefore(click.at())
        && !conversion.at().isAfter(click.at().plus(Duration.ofDays(link.attributionWindowDays())));
  }
}
