package io.goalpost.testing.history;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.lead.EmailSeal;
import java.time.Instant;
import java.util.Optional;

/**
 * A signed payment of an order: its sale (maybe carrying a visitor id and a click id), a rebill
 * or a refund (by payment id). Amounts are minor units of USD or EUR. A sale may carry the email
 * of a lead ({@code ld0}) or of someone no lead has yet ({@code x0}).
 */
public record HistoryPayment(String name, OrderEvent.Kind kind, String order, String payment, String product,
    long amount, String currency, String visitor, String click, Instant at, String email) implements HistoryEvent {

  @Override
  public TrackingEvent in(Namespace ns) {
    return withDeliveryId(ns, "orders:" + ns.minted(name));
  }

  @Override
  public TrackingEvent redeliveredIn(Namespace ns) {
    return withDeliveryId(ns, "orders:" + ns.minted(name) + "again");
  }

  private OrderEvent withDeliveryId(Namespace ns, String deliveryId) {
    return new OrderEvent(kind, deliveryId, at, ns.external(order), payment == null ? null : ns.external(payment),
        ns.external(product), amount, currency, null,
        visitor == null ? null : ns.minted(visitor),
        click == null ? null : ns.minted(click));
  }

  /** The event with the buyer's email sealed to it, as the webhook sends it (docs/decisions/011). */
  OrderEvent withEmailSealed(OrderEvent event, Namespace ns, EmailSeal seal) {
    return email == null ? event : event.withSealedEmail(seal.seal(HistoryLead.email(ns, email), event.eventId()));
  }

  @Override
  public Optional<String> conversionIdIn(Namespace ns) {
    return kind == OrderEvent.Kind.SALE ? Optional.of(Conversion.saleId(ns.external(order))) : Optional.empty();
  }

  @Override
  public String toString() {
    String what = kind == OrderEvent.Kind.SALE
        ? "sale " + order
        : kind.wireName() + " " + payment + " of " + order;
    return HistoryEvent.label(at) + " " + what + " " + product + " " + amount + " " + currency
        + (visitor == null ? "" : " " + visitor) + (click == null ? "" : " with " + click)
        + (email == null ? "" : " email " + email);
  }
}
