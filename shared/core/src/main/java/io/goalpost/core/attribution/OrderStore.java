package io.goalpost.core.attribution;

import io.goalpost.core.counter.Operation;
import io.goalpost.core.counter.Tally;
import java.util.List;

/**
 * An order's later payments (rebills, refunds) and what they have added to counters. Every read
 * is strongly consistent; every write is one single-item write.
 */
public interface OrderStore {

  /**
   * Stores the payment unless the order has one of its kind and payment id, and answers the stored
   * one: the first delivery's facts win.
   */
  OrderPayment putIfAbsent(OrderPayment payment);

  /** The order's payments, earliest first (ties by payment id). */
  List<OrderPayment> paymentsOf(String orderId);

  /** The order's settlement; {@link OrderSettlement#none()} when nothing was settled yet. */
  OrderSettlement settlement(String orderId);

  /**
   * Sets what is applied and the pending operation (null = none) and moves the version to
   * {@code expectedVersion + 1}, atomically and only if the stored version is
   * {@code expectedVersion} (0 = never settled). Answers whether it did.
   */
  boolean changeSettlement(String orderId, long expectedVersion, Tally applied,
      Operation pending);

  /** Forgets the pending operation if it is still {@code operationId}; otherwise does nothing. */
  void clearPending(String orderId, String operationId);
}
