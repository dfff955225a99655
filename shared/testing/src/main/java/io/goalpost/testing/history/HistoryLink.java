package io.goalpost.testing.history;

import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import java.time.Instant;

/**
 * A link of a generated history, by its short name ({@code L0}). The goal's ids are short names
 * too: a form ({@code f0}), a page ({@code /a}) or a product ({@code p0}); null where the goal
 * names none (any form, any product) or where the link has no goal at all.
 */
public record HistoryLink(String name, GoalKind goal, String goalTarget, int windowDays, boolean countRebills,
    String channel) {

  /** What a link's goal is; {@code NONE}: a link without a goal, whose clicks only count as clicks. */
  public enum GoalKind { NONE, OPT_IN, PAGE_VISIT, PURCHASE }

  static final String SITE = "https://shop.example.com";

  public Link in(Namespace ns, Instant createdAt) {
    return new Link(ns.external(name), name, SITE + "/" + name, ns.external(channel), null, goalIn(ns),
        windowDays, countRebills, createdAt, false);
  }

  private Goal goalIn(Namespace ns) {
    return switch (goal) {
      case NONE -> null;
      case OPT_IN -> Goal.optIn(goalTarget == null ? null : ns.external(goalTarget));
      case PAGE_VISIT -> Goal.pageVisit(SITE + goalTarget);
      case PURCHASE -> Goal.purchase(goalTarget == null ? null : ns.external(goalTarget));
    };
  }

  @Override
  public String toString() {
    String what = switch (goal) {
      case NONE -> "no goal";
      case OPT_IN -> "opt_in(" + (goalTarget == null ? "any form" : goalTarget) + ")";
      case PAGE_VISIT -> "page_visit(" + goalTarget + ")";
      case PURCHASE -> "purchase(" + (goalTarget == null ? "any product" : goalTarget) + ")";
    };
    return name + " " + what + " " + windowDays + "d" + (countRebills ? " rebills" : "") + " ch-" + channel;
  }
}
