package io.goalpost.aws.attribution;

import static org.awaitility.Awaitility.await;

import io.goalpost.aws.counter.OperationInProgress;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Operation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * A counter store that, refused, applies again until the lease holder is through (the record
 * is done, so the apply only releases): what the redelivery after the visibility timeout finds.
 * For race scenarios that expect no refusal, shared by the worker's DynamoDB suites.
 */
final class AppliedAgainOnceTheHolderIsThrough implements CounterStore {

  private final CounterStore counters;

  AppliedAgainOnceTheHolderIsThrough(CounterStore counters) {
    this.counters = counters;
  }

  @Override
  public void apply(Operation operation) {
    try {
      counters.apply(operation);
    } catch (OperationInProgress refused) {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
          .ignoreExceptionsInstanceOf(OperationInProgress.class)
          .until(() -> {
            counters.apply(operation);
            return true;
          });
    }
  }

  @Override
  public SortedMap<LocalDate, Map<String, Long>> read(Counter.Subject subject, String id, LocalDate from,
      LocalDate to) {
    return counters.read(subject, id, from, to);
  }
}
