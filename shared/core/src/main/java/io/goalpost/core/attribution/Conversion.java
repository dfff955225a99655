package io.goalpost.core.attribution;

import io.goalpost.core.event.OrderEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Something that may complete a goal (SPEC §1): for now a sale, one per order. Its id is derived
 * from the event ({@code sale#<orderId>}), so the same order from two deliveries is one
 * conversion. The buyer's email is not kept here: emails live only on lead items.
 *
 * @param visitorId the visitor id the conversion carried, if any
 * @param clickId   the click id the conversion carried, if any (the checkout's {@code gp_cid})
 * @param amount    minor units of {@code currency}
 */
public record Conversion(String id, Kind kind, Instant at, String visitorId, String clickId,
    String orderId, String productId, long amount, String currency) {

  public enum Kind {
    SALE("sale");

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
      throw new IllegalArgumentException("unknown conversion kind: " + name);
    }
  }

  public Conversion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    if (kind == Kind.SALE) {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(productId, "productId");
      Objects.requireNonNull(currency, "currency");
    }
  }

  /** The sale of an order event of kind SALE. */
  public static Conversion sale(OrderEvent order) {
    if (order.kind() != OrderEvent.Kind.SALE) {
      throw new IllegalArgumentException("not a sale: " + order.kind().wireName());
    }
    return new Conversion(saleId(order.orderId()), Kind.SALE, order.occurredAt(), order.visitorId(),
        order.clickId(), order.orderId(), order.productId(), order.amount(), order.currency());
  }

  public static String saleId(String orderId) {
    return "sale#" + orderId;
  }

  /** The UTC day its goals and revenue count on. */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
