package io.goalpost.core.counter;

import java.util.regex.Pattern;

/** Names of counter fields. Money is one field per upper-case currency, never converted. */
public final class Fields {

  public static final String CLICKS = "clicks";
  public static final String UNIQUE_CLICKS = "uniqueClicks";
  public static final String BOT_CLICKS = "botClicks";
  public static final String GOALS = "goals";
  public static final String SALES = "sales";
  public static final String REBILLS = "rebills";
  public static final String REFUNDS = "refunds";
  public static final String CHECKOUT_VIEWS = "checkoutViews";
  public static final String CHECKOUT_VISITORS = "checkoutVisitors";

  private static final Pattern VALID = Pattern.compile("[a-zA-Z]{1,32}(\\.[A-Z]{3})?");

  private Fields() {}

  /** {@code revenue.USD}: revenue in one currency, minor units. */
  public static String revenue(String currency) {
    return "revenue." + currency;
  }

  /** {@code refunded.EUR}: what refunds returned in one currency, minor units. */
  public static String refunded(String currency) {
    return "refunded." + currency;
  }

  static void requireValid(String field) {
    if (!VALID.matcher(field).matches()) {
      throw new IllegalArgumentException("not a counter field: " + field);
    }
  }
}
