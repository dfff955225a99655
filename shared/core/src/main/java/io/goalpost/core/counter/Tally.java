package io.goalpost.core.counter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amounts one source adds to counter rows, in total: what is applied so far, or what should be.
 * Zero amounts are left out, so two tallies of the same effect are equal however they were built.
 * The difference of two tallies is the one operation that takes the counters from one to the other.
 */
public final class Tally {

  private static final Comparator<Counter> ROW_ORDER = Comparator.comparing(Counter::subject)
      .thenComparing(Counter::id).thenComparing(Counter::day);

  private static final Tally EMPTY = new Tally(Map.of());

  private final Map<Counter, Map<String, Long>> rows;

  private Tally(Map<Counter, Map<String, Long>> rows) {
    this.rows = rows;
  }

  public static Tally empty() {
    return EMPTY;
  }

  public static Tally of(Collection<Delta> deltas) {
    Builder builder = new Builder();
    deltas.forEach(delta -> delta.amounts().forEach((field, amount) -> builder.add(delta.counter(), field, amount)));
    return builder.build();
  }

  /** The rows as deltas, in a fixed order (subject, id, day). */
  public List<Delta> deltas() {
    List<Delta> deltas = new ArrayList<>();
    rows.keySet().stream().sorted(ROW_ORDER).forEach(counter -> deltas.add(new Delta(counter, rows.get(counter))));
    return deltas;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The operation that moves counters holding this tally to {@code target}; empty when they are equal. */
  public Optional<Operation> towards(Tally target, String operationId) {
    Builder difference = new Builder();
    target.rows.forEach((counter, amounts) -> amounts.forEach((field, n) -> difference.add(counter, field, n)));
    rows.forEach((counter, amounts) -> amounts.forEach((field, n) -> difference.add(counter, field, -n)));
    Tally moved = difference.build();
    return moved.isEmpty() ? Optional.empty() : Optional.of(new Operation(operationId, moved.deltas()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tally tally && tally.rows.equals(rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "Tally" + deltas();
  }

  /** Adds amounts up row by row and field by field. */
  public static final class Builder {
    private final Map<Counter, Map<String, Long>> rows = new LinkedHashMap<>();

    public Builder add(Counter counter, String field, long amount) {
      rows.computeIfAbsent(counter, c -> new HashMap<>()).merge(field, amount, Long::sum);
      return this;
    }

    public Tally build() {
      Map<Counter, Map<String, Long>> kept = new HashMap<>();
      rows.forEach((counter, amounts) -> {
        Map<String, Long> nonZero = new HashMap<>(amounts);
        nonZero.values().removeIf(amount -> amount == 0);
        if (!nonZero.isEmpty()) {
          kept.put(counter, Map.copyOf(nonZero));
        }
      });
      return kept.isEmpty() ? EMPTY : new Tally(Map.copyOf(kept));
    }
  }
}
