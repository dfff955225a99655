package io.goalpost.core.attribution;

import io.goalpost.core.event.OrderEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;

/**
 * A later payment of an order: a rebill, or a refund of {@code amount} (what it returned, before
 * any cap). Named by its own payment id, so the same payment from two deliveries is one fact; the
 * first delivery's facts are kept. Never an email.
 */
public record OrderPayment(Kind kind, String orderId, String paymentId, Instant at, String productId, long amount,
    String currency) {

  /** Earliest first; ties by payment id, so every worker orders an order's payments alike. */
  public static final Comparator<OrderPayment> BY_TIME =
      Comparator.comparing(OrderPayment::at).thenComparing(OrderPayment::paymentId);

  public enum Kind {
    REBILL("rebill"), REFUND("refund");

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
      throw new IllegalArgumentException("unknown payment kind: " + name);
    }
  }

  public OrderPayment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(currency, "currency");
    if (amount < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
  }

  /** The payment of a rebill or refund event. */
  public static OrderPayment of(OrderEvent event) {
    Kind kind = switch (event.kind()) {
      case REBILL -> Kind.REBILL;
      case REFUND -> Kind.REFUND;
      case SALE -> throw new IllegalArgumentException("a sale is a conversion, not a later payment");
    };
    return new OrderPayment(kind, event.orderId(), event.paymentId(), event.occurredAt(), event.productId(),
        event.amount(), event.currency());
  }

  /** The UTC day it counts on. */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
