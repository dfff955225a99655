package io.goalpost.core.attribution;

/**
 * How a credited click was reached (SPEC §3 Attribution). The declaration order is the precedence
 * when one click is reached several ways; the wire names are part of the API and stored items.
 */
public enum CreditPath {
  CLICK_ID("click_id"),
  COOKIE("cookie"),
  LEAD("lead");

  private final String wireName;

  CreditPath(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static CreditPath fromWireName(String name) {
    for (CreditPath path : values()) {
      if (path.wireName.equals(name)) {
        return path;
      }
    }
    throw new IllegalArgumentException("unknown credit path: " + name);
  }
}
