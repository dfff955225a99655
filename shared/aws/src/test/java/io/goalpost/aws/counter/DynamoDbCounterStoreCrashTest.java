package io.goalpost.aws.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.aws.faults.WriteKiller;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Exactly-once under crashes and races: the worker is "killed" right after each DynamoDB write of
 * an operation in turn (and, in a second round, again during the redelivery), then the operation
 * is redelivered on a healthy client once the dead caller's lease has run out, as SQS redelivers
 * after the visibility timeout; or a second caller comes while the first is held between two of
 * its writes. Every run must end with the counter rows of one clean apply and no op id left in
 * any in-flight set.
 */
@ExtendWith(LocalStackExtension.class)
class DynamoDbCounterStoreCrashTest {

  private static final LocalDate DAY = LocalDate.parse("2025-04-01");
  private static final String USD = Fields.revenue("USD");
  /** Apply record, 3 counter updates, done, 3 in-flight removals. */
  private static final int CLEAN_WRITES = 8;
  /** The write that marks the apply record done. */
  private static final int DONE_WRITE = 5;

  private final WriteKiller killer = new WriteKiller();
  private final MovableClock clock = new MovableClock();
  private final ExecutorService elsewhere = Executors.newSingleThreadExecutor();
  private LocalStack stack;
  private String table;
  private DynamoDbCounterStore dying;
  private DynamoDbCounterStore healthy;
  /** Every run has its own ids, so runs share the table without emptying it in between. */
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void connect(LocalStack stack) {
    this.stack = stack;
    this.table = stack.tableName("GoalpostTable");
    dying = new DynamoDbCounterStore(killer.client(stack), table, clock);
    healthy = new DynamoDbCounterStore(stack.dynamoDbClient(), table, clock);
  }

  @AfterEach
  void stopThreads() {
    elsewhere.shutdownNow();
  }

  static IntStream everyWrite() {
    return IntStream.rangeClosed(1, CLEAN_WRITES);
  }

  static IntStream everyWriteBeforeDone() {
    return IntStream.range(1, DONE_WRITE);
  }

  static IntStream everyWriteFromDone() {
    return IntStream.rangeClosed(DONE_WRITE, CLEAN_WRITES);
  }

  static Stream<Arguments> everyPairOfWrites() {
    return everyWrite().boxed().flatMap(first -> everyWrite().mapToObj(second -> Arguments.of(first, second)));
  }

  /** A credit moving from one link to another, plus the product's sale: three counter rows. */
  private static Operation move(String run) {
    return new Operation("credit#sale#" + run + "#v2", List.of(
        new Delta(Counter.link("spring-" + run, DAY), Map.of(Fields.GOALS, 1L, USD, 4900L)),
        new Delta(Counter.link("winter-" + run, DAY), Map.of(Fields.GOALS, -1L, USD, -4900L)),
        new Delta(Counter.product("prod_" + run, DAY), Map.of(Fields.SALES, 1L, USD, 4900L))));
  }

  @Test
  void aCleanApplyOfTheOperationMakesTheWritesTheKillsStepThrough() {
    killer.disarm();

    dying.apply(move(run));

    assertThat(killer.writes()).isEqualTo(CLEAN_WRITES);
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWrite")
  void aRedeliveryAfterAKillAtAnyWriteLeavesTheCountersOfOneCleanApply(int write) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.apply(move(run))).isInstanceOf(WriteKiller.Killed.class);
    clock.waitOutTheLease();
    healthy.apply(move(run));

    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
    assertThat(applyRecordIsDone(run)).isTrue();
  }

  @ParameterizedTest(name = "killed after write {0}, then after write {1} of the redelivery")
  @MethodSource("everyPairOfWrites")
  void aSecondKillDuringTheRedeliveryStillEndsWithOneCleanApply(int first, int second) {
    killer.killAfter(first);
    assertThatThrownBy(() -> dying.apply(move(run))).isInstanceOf(WriteKiller.Killed.class);
    clock.waitOutTheLease();
    killer.killAfter(second);
    try {
      dying.apply(move(run));
    } catch (WriteKiller.Killed killedAgain) {
      // Only when the redelivery had that many writes left to make.
    }
    clock.waitOutTheLease();
    healthy.apply(move(run));

    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWrite")
  void aRedeliveryCarryingOtherDeltasAfterAKillAppliesTheStoredOnes(int write) {
    Operation recomputed = new Operation(move(run).id(), List.of(
        new Delta(Counter.link("spring-" + run, DAY), Map.of(Fields.GOALS, 2L, USD, 9900L))));

    killer.killAfter(write);
    assertThatThrownBy(() -> dying.apply(move(run))).isInstanceOf(WriteKiller.Killed.class);
    clock.waitOutTheLease();
    healthy.apply(recomputed);

    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWriteBeforeDone")
  void aRedeliveryWithinTheLeaseOfAnApplyKilledBeforeItWasDoneIsRefusedAndChangesNothing(int write) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.apply(move(run))).isInstanceOf(WriteKiller.Killed.class);
    List<Map<String, AttributeValue>> leftByTheKill = itemsOf(run);

    clock.advance(DynamoDbCounterStore.LEASE.minusMillis(1));
    assertThatThrownBy(() -> healthy.apply(move(run))).isInstanceOf(OperationInProgress.class)
        .hasMessageContaining(move(run).id());
    assertThat(itemsOf(run)).containsExactlyInAnyOrderElementsOf(leftByTheKill);

    clock.advance(Duration.ofMillis(1));
    healthy.apply(move(run));
    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
    assertThat(applyRecordIsDone(run)).isTrue();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWriteFromDone")
  void aRedeliveryOfAnApplyKilledAfterItWasDoneNeedsNoWaitForTheLease(int write) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.apply(move(run))).isInstanceOf(WriteKiller.Killed.class);

    healthy.apply(move(run));

    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
  }

  /**
   * The race that needs the lease: a second caller reads the record while the first is between
   * two writes. Without the lease it would add the rows too, and whichever added after the other
   * had released its op id would count them twice.
   */
  @ParameterizedTest(name = "the first held after write {0}")
  @MethodSource("everyWrite")
  void aSecondCallerWhileTheFirstIsBetweenItsWritesIsRefusedUnlessItIsDoneAndTheRowsCountOnce(int write)
      throws Exception {
    RequestHold hold = new RequestHold(write);
    DynamoDbCounterStore first = new DynamoDbCounterStore(hold.client(stack), table, clock);
    Future<?> applying = elsewhere.submit(() -> first.apply(move(run)));
    hold.awaitHeld();

    if (write < DONE_WRITE) {
      assertThatThrownBy(() -> healthy.apply(move(run))).isInstanceOf(OperationInProgress.class);
    } else {
      healthy.apply(move(run));
    }
    hold.release();
    applying.get(30, TimeUnit.SECONDS);

    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
    assertThat(applyRecordIsDone(run)).isTrue();
  }

  @ParameterizedTest(name = "killed after write {0}")
  @MethodSource("everyWriteBeforeDone")
  void ofTwoCallersFindingTheLeaseOfAKilledApplyRunOutOnlyOneTakesItOver(int write) {
    killer.killAfter(write);
    assertThatThrownBy(() -> dying.apply(move(run))).isInstanceOf(WriteKiller.Killed.class);
    clock.waitOutTheLease();
    // The later one is held right after it read the run-out lease (its put failed, so its read counts 1st).
    RequestHold hold = new RequestHold(1);
    DynamoDbCounterStore later = new DynamoDbCounterStore(hold.client(stack), table, clock);
    Future<?> takingOver = elsewhere.submit(() -> later.apply(move(run)));
    hold.awaitHeld();

    healthy.apply(move(run));
    hold.release();

    assertThatThrownBy(() -> takingOver.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(OperationInProgress.class);
    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
  }

  @Test
  void aRedeliveryAfterACompleteApplyChangesNothing() {
    healthy.apply(move(run));

    healthy.apply(move(run));
    dying.apply(move(run));

    assertThat(counterRows(run)).isEqualTo(rowsOfOneCleanApply());
    assertThat(rowsWithInflightIds(run)).isEmpty();
  }

  @Test
  void oneCleanApplyCountsEachDeltaOnceOnTheShardOfItsOperation() {
    healthy.apply(move(run));

    assertThat(healthy.read(Counter.Subject.LINK, "spring-" + run, DAY, DAY))
        .isEqualTo(Map.of(DAY, Map.of(Fields.GOALS, 1L, USD, 4900L)));
    assertThat(healthy.read(Counter.Subject.LINK, "winter-" + run, DAY, DAY))
        .isEqualTo(Map.of(DAY, Map.of(Fields.GOALS, -1L, USD, -4900L)));
    assertThat(healthy.read(Counter.Subject.PRODUCT, "prod_" + run, DAY, DAY))
        .isEqualTo(Map.of(DAY, Map.of(Fields.SALES, 1L, USD, 4900L)));
    assertThat(itemsOf(run)).filteredOn(item -> item.get("pk").s().startsWith("STAT#"))
        .extracting(item -> item.get("sk").s())
        .containsOnly("DAY#2025-04-01#" + CounterRow.shardOf(move(run).id()));
  }

  /** The counter rows one clean apply of the same operation leaves, under a run of its own. */
  private Map<String, Map<String, AttributeValue>> rowsOfOneCleanApply() {
    String clean = UUID.randomUUID().toString().substring(0, 8);
    healthy.apply(move(clean));
    Map<String, Map<String, AttributeValue>> rows = counterRows(clean);
    assertThat(rows).hasSize(3);
    return rows;
  }

  /**
   * The run's counter rows without their in-flight sets, keyed by subject and day with the run's
   * ids left out, so two runs compare. Every row must sit on its operation's shard: a redelivery
   * that landed elsewhere shows up here as a row on another shard.
   */
  private Map<String, Map<String, AttributeValue>> counterRows(String run) {
    String shard = "#" + CounterRow.shardOf(move(run).id());
    Map<String, Map<String, AttributeValue>> rows = new HashMap<>();
    for (Map<String, AttributeValue> item : itemsOf(run)) {
      String pk = item.get("pk").s();
      String sk = item.get("sk").s();
      if (!pk.startsWith("STAT#")) {
        continue;
      }
      assertThat(sk).endsWith(shard);
      Map<String, AttributeValue> fields = new HashMap<>(item);
      fields.keySet().removeAll(List.of("pk", "sk", "inflight"));
      rows.put(pk.replace(run, "") + " " + sk.substring(0, sk.length() - shard.length()), fields);
    }
    return rows;
  }

  private List<String> rowsWithInflightIds(String run) {
    return itemsOf(run).stream()
        .filter(item -> item.containsKey("inflight"))
        .map(item -> item.get("pk").s() + " " + item.get("sk").s() + " " + item.get("inflight").ss())
        .toList();
  }

  /**
   * Every item whose key names the run. A Scan (test only) rather than queries on the expected
   * keys, so a row written where none should be is seen too.
   */
  private List<Map<String, AttributeValue>> itemsOf(String run) {
    return stack.dynamoDbClient().scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true)
            .filterExpression("contains(pk, :run)").expressionAttributeValues(Map.of(":run", AttributeValue.fromS(run)))
            .build())
        .items().stream().toList();
  }

  private boolean applyRecordIsDone(String run) {
    Map<String, AttributeValue> record = stack.dynamoDbClient().getItem(GetItemRequest.builder().tableName(table)
        .key(Map.of("pk", AttributeValue.fromS("OP#" + move(run).id()), "sk", AttributeValue.fromS("OP")))
        .consistentRead(true).build()).item();
    return record.get("done").bool();
  }
}
