package io.goalpost.core.counter;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/** Day counters of links and products, changed only through exactly-once operations. */
public interface CounterStore {

  /**
   * Applies every delta of the operation exactly once, however often it is called with the same
   * operation id and wherever an earlier call stopped. When an operation with this id was started
   * before, its <em>stored</em> deltas are applied, not the ones passed now. An adapter may refuse
   * (throw) while another caller is applying the same id; the caller then fails its message and
   * the queue redelivers it later, when the operation is done or its holder is known dead.
   */
  void apply(Operation operation);

  /**
   * The fields of one subject per day, for the days in {@code [from, to]} that have any; a day's
   * map holds the sum over all the rows (shards) of that day. A field whose sum is zero is left
   * out, and so is a day left with no field.
   */
  SortedMap<LocalDate, Map<String, Long>> read(Counter.Subject subject, String id,
      LocalDate from, LocalDate to);
}
