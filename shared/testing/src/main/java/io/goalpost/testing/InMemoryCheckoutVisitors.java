package io.goalpost.testing;

import io.goalpost.core.attribution.CheckoutVisitors;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checkout-visitor markers in a map; {@link CheckoutVisitorsContract} keeps it honest. */
public final class InMemoryCheckoutVisitors implements CheckoutVisitors {

  private record Marker(String productId, LocalDate day, String visitorId) {
  }

  private final Map<Marker, String> holders = new ConcurrentHashMap<>();

  @Override
  public boolean firstOfDay(String productId, LocalDate day, String visitorId, String eventId) {
    String holder = holders.putIfAbsent(new Marker(productId, day, visitorId), eventId);
    return holder == null || holder.equals(eventId);
  }
}
