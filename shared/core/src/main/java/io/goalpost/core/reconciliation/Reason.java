package io.goalpost.core.reconciliation;

/**
 * Why a sale has no credit (SPEC §3 Reconciliation). The declaration order is the precedence
 * after {@link #NO_IDENTITY}: the first that holds is the sale's one reason. The wire names are
 * part of the API.
 */
public enum Reason {
  NO_IDENTITY("no_identity"),
  OUTSIDE_WINDOW("outside_window"),
  OTHER_DEVICE_OR_COOKIE("other_device_or_cookie"),
  LINK_WITHOUT_GOAL("link_without_goal"),
  NO_TRACKED_CLICK("no_tracked_click");

  private final String wireName;

  Reason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
