package io.goalpost.aws.counter;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Day counters in the single Goalpost table, applied exactly once with single-item conditional
 * writes only (dynalite has no transactions), as docs/decisions/001-data-model.md lays out:
 * <ol>
 *   <li>put the apply record {@code OP#<opId>/OP} with the rows to change and a {@link Lease}
 *       (this call's token, now + {@link #LEASE}), if absent. If present and done, go straight to
 *       step 4; if present, not done and its lease live, another caller is applying it: throw
 *       {@link OperationInProgress}, writing nothing; if its lease ran out (its caller died), take
 *       the lease over with a write conditional on the lease just read, and go on with the
 *       <em>stored</em> rows;</li>
 *   <li>per row: {@code ADD} the amounts and the op id into {@code inflight}, on condition the set
 *       does not hold the op id yet (a failed condition means this row was done before a crash);</li>
 *   <li>mark the apply record done, on condition this call still holds the lease;</li>
 *   <li>per row: {@code DELETE} the op id from {@code inflight}, so the sets stay small.</li>
 * </ol>
 * Only the lease holder adds, so a row cannot count twice: without it, a second caller that read
 * the record before the first marked it done could add after the first released its op id.
 * A clean apply of an operation touching k rows costs 2k + 2 writes; taking over one more.
 */
public final class DynamoDbCounterStore implements CounterStore {

  /**
   * How long a caller may take to apply an operation before another may take it over: three
   * times the worker's 10 s Lambda timeout, and under the queue's 60 s visibility timeout.
   */
  public static final Duration LEASE = Lease.LENGTH;

  private static final String INFLIGHT = "inflight";

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final Clock clock;

  /** A store on the system clock. */
  public DynamoDbCounterStore(DynamoDbClient dynamoDb, String tableName) {
    this(dynamoDb, tableName, Clock.systemUTC());
  }

  /** @param clock what leases are measured by; a test moves it on to let a lease run out */
  public DynamoDbCounterStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.clock = clock;
  }

  /** @throws OperationInProgress when another caller holds the operation's lease; nothing was written */
  @Override
  public void apply(Operation operation) {
    String opId = operation.id();
    long now = clock.millis();
    ApplyRecord record = start(ApplyRecord.of(operation, Lease.startingAt(now)), now);
    if (!record.done()) {
      record.rows().forEach(row -> add(row, opId));
      markDone(record);
    }
    // Also after a redelivery that found the record done: the crash may have come before this.
    record.rows().forEach(row -> release(row, opId));
  }

  @Override
  public SortedMap<LocalDate, Map<String, Long>> read(Counter.Subject subject, String id,
      LocalDate from, LocalDate to) {
    QueryRequest query = QueryRequest.builder()
        .tableName(tableName)
        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(
            ":pk", s(CounterRow.pk(subject, id)),
            ":from", s(CounterRow.DAY + from),
            // "~" sorts after every shard suffix, so the last day's shards are all inside.
            ":to", s(CounterRow.DAY + to + "#~")))
        .consistentRead(true)
        .build();
    SortedMap<LocalDate, Map<String, Long>> days = new TreeMap<>();
    dynamoDb.queryPaginator(query).items().forEach(item -> {
      Map<String, Long> day = days.computeIfAbsent(CounterRow.dayOf(item.get("sk").s()), d -> new HashMap<>());
      item.forEach((name, value) -> {
        // Counter fields are the only numbers on a counter row (keys and inflight are not).
        if (value.n() != null) {
          day.merge(name, Long.parseLong(value.n()), Long::sum);
        }
      });
    });
    return withoutZeros(days);
  }

  /**
   * Step 1: the record to go on with, under this call's lease unless it is done. The stored
   * record wins over the operation passed now.
   */
  private ApplyRecord start(ApplyRecord fresh, long now) {
    try {
      dynamoDb.putItem(PutItemRequest.builder()
          .tableName(tableName)
          .item(fresh.item())
          .conditionExpression("attribute_not_exists(pk)")
          .build());
      return fresh;
    } catch (ConditionalCheckFailedException startedBefore) {
      ApplyRecord stored = ApplyRecord.from(dynamoDb.getItem(GetItemRequest.builder()
          .tableName(tableName)
          .key(fresh.key())
          .consistentRead(true)
          .build()).item());
      if (stored.done() || stored.lease().equals(fresh.lease())) {
        // Or the SDK retried this call's own put after its answer was lost: the lease is ours.
        return stored;
      }
      if (stored.lease().liveAt(now)) {
        throw new OperationInProgress(stored.opId(), Instant.ofEpochMilli(stored.lease().until()));
      }
      return takeOver(stored, fresh.lease());
    }
  }

  /**
   * The lease ran out, so its owner stopped writing. Of several callers finding that, only the
   * first write succeeds: each is conditional on the lease it read, which the first replaces.
   */
  private ApplyRecord takeOver(ApplyRecord stored, Lease mine) {
    try {
      dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(stored.key())
          .updateExpression("SET #owner = :owner, #until = :until")
          .conditionExpression("#until = :seen AND done = :notDone")
          .expressionAttributeNames(Map.of("#owner", ApplyRecord.OWNER, "#until", ApplyRecord.LEASE_UNTIL))
          .expressionAttributeValues(Map.of(
              ":owner", s(mine.owner()),
              ":until", n(mine.until()),
              ":seen", n(stored.lease().until()),
              ":notDone", AttributeValue.fromBool(false)))
          .build());
      return stored.leasedTo(mine);
    } catch (ConditionalCheckFailedException anotherTookItOver) {
      throw new OperationInProgress(stored.opId(), "another caller took over its expired lease first");
    }
  }

  /** Step 2 for one row; a failed condition means it was applied before a crash. */
  private void add(CounterRow row, String opId) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder adds = new StringBuilder("ADD #inflight :op");
    int i = 0;
    for (Map.Entry<String, Long> amount : row.amounts().entrySet()) {
      // Names such as revenue.USD hold a dot: only an attribute-name placeholder keeps it one name.
      names.put("#f" + i, amount.getKey());
      values.put(":a" + i, AttributeValue.fromN(Long.toString(amount.getValue())));
      adds.append(", #f").append(i).append(" :a").append(i);
      i++;
    }
    names.put("#inflight", INFLIGHT);
    values.put(":op", AttributeValue.fromSs(List.of(opId)));
    values.put(":opId", s(opId));
    try {
      dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(row.key())
          .updateExpression(adds.toString())
          .conditionExpression("attribute_not_exists(#inflight) OR NOT contains(#inflight, :opId)")
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .build());
    } catch (ConditionalCheckFailedException appliedBeforeACrash) {
      // Already counted: skip it.
    }
  }

  /**
   * Step 3, only while this call holds the lease. It cannot have lost it within a Lambda timeout;
   * if it somehow did, the one who took over finishes, and this call must not release its op id.
   */
  private void markDone(ApplyRecord record) {
    try {
      dynamoDb.updateItem(UpdateItemRequest.builder()
          .tableName(tableName)
          .key(record.key())
          .updateExpression("SET done = :done")
          .conditionExpression("#owner = :owner")
          .expressionAttributeNames(Map.of("#owner", ApplyRecord.OWNER))
          .expressionAttributeValues(Map.of(":done", AttributeValue.fromBool(true), ":owner", s(record.lease().owner())))
          .build());
    } catch (ConditionalCheckFailedException leaseLost) {
      throw new OperationInProgress(record.opId(), "its lease was taken over before it was done");
    }
  }

  /** Step 4: removing an id that is not there is harmless. */
  private void release(CounterRow row, String opId) {
    dynamoDb.updateItem(UpdateItemRequest.builder()
        .tableName(tableName)
        .key(row.key())
        .updateExpression("DELETE #inflight :op")
        .expressionAttributeNames(Map.of("#inflight", INFLIGHT))
        .expressionAttributeValues(Map.of(":op", AttributeValue.fromSs(List.of(opId))))
        .build());
  }

  /**
   * A field that sums to zero (a credit moved away, +1 then -1) is left out, and so is a day left
   * with none: the in-memory store answers the same, and stats fill in zeros anyway.
   */
  private static SortedMap<LocalDate, Map<String, Long>> withoutZeros(SortedMap<LocalDate, Map<String, Long>> days) {
    SortedMap<LocalDate, Map<String, Long>> kept = new TreeMap<>();
    days.forEach((day, fields) -> {
      Map<String, Long> nonZero = new HashMap<>(fields);
      nonZero.values().removeIf(sum -> sum == 0L);
      if (!nonZero.isEmpty()) {
        kept.put(day, Map.copyOf(nonZero));
      }
    });
    return kept;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
