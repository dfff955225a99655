package io.goalpost.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signed payment from a cart or Stripe: the sale of an order, a rebill (a later recurring
 * payment) or a refund. The event id is the provider's delivery id ({@code orders:<webhook-id>},
 * {@code stripe:<evt_…>}), so a repeated delivery is recognised; the effects themselves are keyed
 * by order and payment id, so the same payment from two deliveries still counts once.
 *
 * @param amount   minor units, never negative (a refund carries what it returned)
 * @param currency upper-case ISO 4217 code; totals are kept per currency, never converted
 * @param email    the buyer's email when the provider sent one; travels only to the worker, never
 *                 into a log or any item but a lead
 */
public record OrderEvent(Kind kind, String eventId, Instant occurredAt, String orderId,
    String paymentId, String productId, long amount, String currency, String email,
    String visitorId, String clickId) implements TrackingEvent {

  public enum Kind {
    SALE("sale"), REBILL("rebill"), REFUND("refund");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Kind fromWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName.equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown order event type: " + name);
    }
  }

  public static final int VERSION = 1;
  public static final String TYPE = "order";
  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern MINTED_ID = Pattern.compile("[A-Za-z0-9]{16,32}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public OrderEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    requireMatch("orderId", orderId, EXTERNAL_ID);
    requireMatch("productId", productId, EXTERNAL_ID);
    if (paymentId != null) {
      requireMatch("paymentId", paymentId, EXTERNAL_ID);
    }
    if (kind != Kind.SALE && paymentId == null) {
      throw new IllegalArgumentException("paymentId: a " + kind.wireName + " needs its payment id");
    }
    if (amount < 0) {
      throw new IllegalArgumentException("amount: must not be negative");
    }
    requireMatch("currency", currency, CURRENCY);
    if (visitorId != null) {
      requireMatch("visitorId", visitorId, MINTED_ID);
    }
    if (clickId != null) {
      requireMatch("clickId", clickId, MINTED_ID);
    }
  }

  private static void requireMatch(String field, String value, Pattern pattern) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": must match " + pattern.pattern());
    }
  }

  /** Never prints the email: events end up in exception messages and logs. */
  @Override
  public String toString() {
    return "OrderEvent[" + kind.wireName() + " " + eventId + " order=" + orderId + " payment=" + paymentId
        + " product=" + productId + " " + amount + " " + currency + " email=" + (email == null ? "none" : "<redacted>")
        + " visitor=" + visitorId + " click=" + clickId + " at=" + occurredAt + "]";
  }

  @Override
  public int version() {
    return VERSION;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
