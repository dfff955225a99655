package io.goalpost.core.link;

import java.util.Set;

/**
 * A request to change a link, as the caller sent it: a null field is absent (left as it is); any
 * present one may be invalid, and {@link Links#change} decides. An empty campaign removes it.
 */
public record LinkChange(String name, String destination, String channel, String campaign) {

  /** Fields a link keeps for good: a different goal, window or rebill rule is a new link. */
  public static final Set<String> FIXED_FIELDS = Set.of("slug", "goal", "attributionWindowDays", "countRebills");

  /** Why a fixed field cannot be sent; reads on from the field name. */
  public static final String FIXED_REASON = "cannot be changed: create a new link";
}
