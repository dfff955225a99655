package io.goalpost.testing;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Operation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Day counters in memory: an operation id seen before changes nothing. One row per day (no
 * shards); like the DynamoDB store, reads leave out fields that sum to zero and days left with
 * none. {@link CounterStoreContract} keeps the two alike. Thread-safe, and it never refuses a
 * caller: one lock orders two applies of one operation id, so the second finds it applied.
 */
public final class InMemoryCounterStore implements CounterStore {

  private final Map<String, List<Delta>> applied = new HashMap<>();
  private final Map<Counter, Map<String, Long>> rows = new HashMap<>();

  @Override
  public synchronized void apply(Operation operation) {
    if (applied.putIfAbsent(operation.id(), operation.deltas()) != null) {
      return;
    }
    for (Delta delta : operation.deltas()) {
      Map<String, Long> row = rows.computeIfAbsent(delta.counter(), c -> new HashMap<>());
      delta.amounts().forEach((field, amount) -> row.merge(field, amount, Long::sum));
    }
  }

  @Override
  public synchronized SortedMap<LocalDate, Map<String, Long>> read(Counter.Subject subject, String id,
      LocalDate from, LocalDate to) {
    SortedMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
    rows.forEach((counter, row) -> {
      if (counter.subject() == subject && counter.id().equals(id)
          && !counter.day().isBefore(from) && !counter.day().isAfter(to)) {
        Map<String, Long> nonZero = new HashMap<>(row);
        nonZero.values().removeIf(sum -> sum == 0L);
        if (!nonZero.isEmpty()) {
          days.put(counter.day(), Map.copyOf(nonZero));
        }
      }
    });
    return days;
  }

  /** How many distinct operations were applied (for tests of redelivery). */
  public synchronized int operationCount() {
    return applied.size();
  }
}
