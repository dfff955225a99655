package io.goalpost.core.attribution;

import java.time.LocalDate;

/**
 * One marker per product, UTC day and consenting visitor, held by the checkout view that set it
 * (SPEC §4 product stats {@code checkoutVisitors}). Asking again for the same event answers the
 * same, so a redelivered view decides as before.
 */
public interface CheckoutVisitors {

  /**
   * Sets the marker for this visitor on this product and day unless it is set, and answers
   * whether it is held by {@code eventId}, i.e. whether this view is the visitor's first there.
   */
  boolean firstOfDay(String productId, LocalDate day, String visitorId, String eventId);
}
