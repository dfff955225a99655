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
 * @param sealedEmail the buyer's email when the provider sent one, sealed to this event
 *                    ({@code io.goalpost.core.lead.EmailSeal}, docs/decisions/011): the queue, the
 *                    dead-letter queue and the outbox never hold it in clear, and only the worker
 *                    opens it, to find or create the sale's lead
 */
public record OrderEvent(Kind kind, String eventId, Instant occurredAt, String orderId,
    String paymentId, String productId, long amount, String currency, String sealedEmail,
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

  /** 2: the email travels sealed ({@code sealedEmail}); version 1 carried it in clear. */
  public static final int VERSION = 2;
  public static final String TYPE = "order";
  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern MINTED_ID = Pattern.compile("[A-Za-z0-9]{16,32}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** The seal's form, and nothing else: an email in clear cannot even be put in an event. */
  private static final Pattern SEALED = Pattern.compile("v[0-9]{1,3}\\.[A-Za-z0-9_-]{38,2048}");

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
    if (sealedEmail != null) {
      requireMatch("sealedEmail", sealedEmail, SEALED);
    }
  }

  /** This event carrying a sealed email (the webhook seals it to this event's id). */
  public OrderEvent withSealedEmail(String sealed) {
    return new OrderEvent(kind, eventId, occurredAt, orderId, paymentId, productId, amount, currency, sealed,
        visitorId, clickId);
  }

  private static void requireMatch(String field, String value, Pattern pattern) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": must match " + pattern.pattern());
    }
  }

  /** Not even the sealed email: events end up in exception messages and logs. */
  @Override
  public String toString() {
    return "OrderEvent[" + kind.wireName() + " " + eventId + " order=" + orderId + " payment=" + paymentId
        + " product=" + productId + " " + amount + " " + currency + " email=" + (sealedEmail == null ? "none" : "<sealed>")
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
