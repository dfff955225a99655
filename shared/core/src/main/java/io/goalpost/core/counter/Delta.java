package io.goalpost.core.counter;

import java.util.Map;

/**
 * Amounts to add to one counter row, by field: {@code clicks}, {@code goals},
 * {@code revenue.USD} (minor units), ... Negative amounts subtract (a credit moving away, a refund).
 */
public record Delta(Counter counter, Map<String, Long> amounts) {

  public Delta {
    amounts = Map.copyOf(amounts);
    if (amounts.isEmpty()) {
      throw new IllegalArgumentException("a delta changes at least one field");
    }
    amounts.keySet().forEach(Fields::requireValid);
  }

  public static Delta of(Counter counter, String field, long amount) {
    return new Delta(counter, Map.of(field, amount));
  }
}
