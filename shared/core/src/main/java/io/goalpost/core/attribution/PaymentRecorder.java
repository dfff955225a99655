package io.goalpost.core.attribution;

import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.product.ProductCatalog;
import java.util.Objects;

/**
 * The worker's side of a rebill or a refund (docs/decisions/005-rebills-and-refunds.md): the
 * product goes into the catalog, the payment is written as a fact of its order (the first
 * delivery's facts win), then the order is settled — product stats count it at once, and its link
 * effect follows the sale's credit whenever the sale is there.
 */
public final class PaymentRecorder {

  private final ProductCatalog catalog;
  private final OrderStore orders;
  private final OrderSettler settler;

  public PaymentRecorder(ProductCatalog catalog, OrderStore orders, OrderSettler settler) {
    this.catalog = Objects.requireNonNull(catalog);
    this.orders = Objects.requireNonNull(orders);
    this.settler = Objects.requireNonNull(settler);
  }

  public void record(OrderEvent event) {
    catalog.register(event.productId(), event.occurredAt());
    OrderPayment payment = orders.putIfAbsent(OrderPayment.of(event));
    settler.settle(payment.orderId());
  }
}
