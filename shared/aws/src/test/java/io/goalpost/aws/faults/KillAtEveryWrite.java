package io.goalpost.aws.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.aws.counter.MovableClock;
import io.goalpost.aws.counter.OperationInProgress;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.event.TrackingEvent;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.local.stack.LocalStack;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The exactly-once loop of SPEC §5, once for every fault-injection test: a clean delivery of the
 * message by the dying worker counts its writes (and notes which fall inside a counter operation),
 * then for each write n a fresh world in which the worker is killed right after write n and the
 * message comes again to a healthy worker. The write count is the clean run's, never a number kept
 * in the test, so a feature that adds a write adds a case instead of breaking a constant.
 *
 * <p>Each run gets its own world (fresh ids, built by the test's {@code world} supplier with what
 * happened before the message), because every run shares the emulator's one table.
 */
public final class KillAtEveryWrite {

  private final WriteKiller killer = new WriteKiller();
  private final MovableClock clock = new MovableClock();
  private final WorkerStores healthyStores;
  private final EventRecorder healthy;
  private final EventRecorder dying;

  private KillAtEveryWrite(LocalStack stack, EmailHashes emailHashes) {
    String table = stack.tableName("GoalpostTable");
    healthyStores = WorkerWiring.stores(stack.dynamoDbClient(), table, clock, emailHashes);
    healthy = WorkerWiring.recorder(healthyStores, AttributionModel.LAST_TOUCH);
    // The dying worker's counter store writes through the killing client too, so kills land
    // between the counter store's own writes; both time their leases by the one movable clock.
    dying = WorkerWiring.recorder(WorkerWiring.stores(killer.client(stack), table, clock, emailHashes),
        AttributionModel.LAST_TOUCH);
  }

  /** A healthy and a dying last-touch worker over the local stack's table. */
  public static KillAtEveryWrite overTheWorker(LocalStack stack) {
    return overTheWorker(stack, new EmailHashes(WorkerWiring.LOCAL_TEST_EMAIL_HASH_KEY));
  }

  /** The same, hashing emails with {@code emailHashes} (a test that writes leads itself). */
  public static KillAtEveryWrite overTheWorker(LocalStack stack, EmailHashes emailHashes) {
    return new KillAtEveryWrite(stack, emailHashes);
  }

  /** The healthy worker's stores: what a world is set up in and checked against. */
  public WorkerStores stores() {
    return healthyStores;
  }

  /** Delivered to the healthy worker, in this order. */
  public void deliver(TrackingEvent... events) {
    for (TrackingEvent event : events) {
      healthy.record(event);
    }
  }

  /** One day's counter fields, without those that sum to zero (a credit moved away). */
  public Map<String, Long> counts(Counter.Subject subject, String id, LocalDate day) {
    Map<String, Long> counts = new HashMap<>(
        healthyStores.counters().read(subject, id, day, day).getOrDefault(day, Map.of()));
    counts.values().removeIf(sum -> sum == 0);
    return counts;
  }

  /**
   * Killed after each write, then redelivered once SQS's visibility timeout has let the dead
   * worker's counter lease run out; {@code once} then checks the world against one clean delivery
   * (and may deliver what comes after the message first). The clean run is checked by it too.
   */
  public <W> Stream<DynamicTest> redeliveredAfterTheTimeout(Supplier<W> world, Function<W, TrackingEvent> message,
      Consumer<W> once) {
    return everyWrite(world, message, once, (event, write, inside) -> {
      clock.waitOutTheLease();
      healthy.record(event);
    }, false);
  }

  /**
   * Killed after each write, then delivered again at once (SQS may deliver a message twice): refused
   * with {@link OperationInProgress} exactly when the kill left a counter operation started and not
   * done, accepted otherwise; then once more after the visibility timeout, and checked by {@code once}.
   */
  public <W> Stream<DynamicTest> deliveredAgainAtOnce(Supplier<W> world, Function<W, TrackingEvent> message,
      Consumer<W> once) {
    return everyWrite(world, message, once, (event, write, inside) -> {
      if (inside.contains(write)) {
        assertThatThrownBy(() -> healthy.record(event)).as("at once after write %d, inside an operation", write)
            .isInstanceOf(OperationInProgress.class);
      } else {
        healthy.record(event);
      }
      clock.waitOutTheLease();
      healthy.record(event);
    }, true);
  }

  private interface Redelivery {
    void of(TrackingEvent event, int write, Set<Integer> insideAnOperation);
  }

  private <W> Stream<DynamicTest> everyWrite(Supplier<W> world, Function<W, TrackingEvent> message, Consumer<W> once,
      Redelivery redelivery, boolean needsAnOperation) {
    W clean = world.get();
    killer.disarm();
    dying.record(message.apply(clean));
    int writes = killer.writes();
    Set<Integer> inside = killer.writesInsideACounterOperation();
    once.accept(clean);
    assertThat(writes).as("writes of a clean delivery").isPositive();
    if (needsAnOperation) {
      assertThat(inside).as("writes of a clean delivery inside a counter operation, or the at-once case tests nothing")
          .isNotEmpty();
    }
    return IntStream.rangeClosed(1, writes).mapToObj(write -> DynamicTest.dynamicTest(
        "killed after write " + write + " of " + writes + (inside.contains(write) ? " (inside an operation)" : ""),
        () -> {
          W fresh = world.get();
          TrackingEvent event = message.apply(fresh);
          killer.killAfter(write);
          assertThatThrownBy(() -> dying.record(event)).as("a worker that writes %d times, killed after write %d",
              writes, write).isInstanceOf(WriteKiller.Killed.class);
          killer.disarm();
          redelivery.of(event, write, inside);
          once.accept(fresh);
        }));
  }
}
