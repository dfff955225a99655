package io.goalpost.core.attribution;

import io.goalpost.core.counter.Operation;
import io.goalpost.core.counter.Tally;
import java.util.Objects;
import java.util.Optional;

/**
 * What an order's rebills and refunds have added to counters so far ({@code applied}), with the
 * version that counts its changes and the counter operation of the latest change while it may not
 * be applied yet. The sale's own counts are not in it: {@code sale#<orderId>} and the credit's moves
 * keep those.
 */
public record OrderSettlement(long version, Tally applied, Operation pending) {

  public OrderSettlement {
    Objects.requireNonNull(applied, "applied");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }

  /** An order nothing was settled for yet. */
  public static OrderSettlement none() {
    return new OrderSettlement(0, Tally.empty(), null);
  }

  public Optional<Operation> pendingOperation() {
    return Optional.ofNullable(pending);
  }
}
