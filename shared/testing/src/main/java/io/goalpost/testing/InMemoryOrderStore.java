package io.goalpost.testing;

import io.goalpost.core.attribution.OrderPayment;
import io.goalpost.core.attribution.OrderSettlement;
import io.goalpost.core.attribution.OrderStore;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.counter.Tally;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders' payments and settlements in memory, with the same compare-and-set on the version as the
 * DynamoDB store; {@link OrderStoreContract} keeps the two alike. Thread-safe.
 */
public final class InMemoryOrderStore implements OrderStore {

  private final Map<String, Map<String, OrderPayment>> payments = new HashMap<>();
  private final Map<String, OrderSettlement> settlements = new HashMap<>();

  @Override
  public synchronized OrderPayment putIfAbsent(OrderPayment payment) {
    return payments.computeIfAbsent(payment.orderId(), o -> new LinkedHashMap<>())
        .computeIfAbsent(payment.kind().wireName() + "#" + payment.paymentId(), k -> payment);
  }

  @Override
  public synchronized List<OrderPayment> paymentsOf(String orderId) {
    return payments.getOrDefault(orderId, Map.of()).values().stream().sorted(OrderPayment.BY_TIME).toList();
  }

  @Override
  public synchronized OrderSettlement settlement(String orderId) {
    return settlements.getOrDefault(orderId, OrderSettlement.none());
  }

  @Override
  public synchronized boolean changeSettlement(String orderId, long expectedVersion, Tally applied,
      Operation pending) {
    if (settlement(orderId).version() != expectedVersion) {
      return false;
    }
    settlements.put(orderId, new OrderSettlement(expectedVersion + 1, applied, pending));
    return true;
  }

  @Override
  public synchronized void clearPending(String orderId, String operationId) {
    OrderSettlement stored = settlements.get(orderId);
    if (stored != null && stored.pending() != null && stored.pending().id().equals(operationId)) {
      settlements.put(orderId, new OrderSettlement(stored.version(), stored.applied(), null));
    }
  }
}
