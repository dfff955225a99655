package io.goalpost.aws.counter;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The apply record of one operation: pk {@code OP#<opId>}, sk {@code OP}, {@code deltas} a list
 * of maps {pk, sk, amounts: {field: n}} naming the exact counter rows, {@code done} once every
 * row has its amounts, and the {@link Lease} of the caller applying it: {@code owner} (a token)
 * and {@code leaseUntil} (epoch ms). It never expires: it is what tells a late redelivery the
 * operation counted.
 */
record ApplyRecord(String opId, List<CounterRow> rows, boolean done, Lease lease) {

  private static final String PREFIX = "OP#";
  static final String OWNER = "owner";
  static final String LEASE_UNTIL = "leaseUntil";

  ApplyRecord {
    rows = List.copyOf(rows);
  }

  /**
   * Deltas on the same counter are merged into one row first: the in-flight set marks a row, not
   * a delta, so a second delta on a row the op id already marks would be skipped as applied.
   */
  static ApplyRecord of(Operation operation, Lease lease) {
    Map<Counter, Map<String, Long>> merged = new LinkedHashMap<>();
    for (Delta delta : operation.deltas()) {
      Map<String, Long> amounts = merged.computeIfAbsent(delta.counter(), c -> new LinkedHashMap<>());
      delta.amounts().forEach((field, amount) -> amounts.merge(field, amount, Long::sum));
    }
    List<CounterRow> rows = new ArrayList<>();
    merged.forEach((counter, amounts) -> rows.add(CounterRow.of(counter, operation.id(), amounts)));
    return new ApplyRecord(operation.id(), rows, false, lease);
  }

  static ApplyRecord from(Map<String, AttributeValue> item) {
    List<CounterRow> rows = new ArrayList<>();
    for (AttributeValue stored : item.get("deltas").l()) {
      Map<String, AttributeValue> delta = stored.m();
      Map<String, Long> amounts = new HashMap<>();
      delta.get("amounts").m().forEach((field, n) -> amounts.put(field, Long.parseLong(n.n())));
      rows.add(new CounterRow(delta.get("pk").s(), delta.get("sk").s(), amounts));
    }
    AttributeValue done = item.get("done");
    String pk = item.get("pk").s();
    Lease lease = new Lease(item.get(OWNER).s(), Long.parseLong(item.get(LEASE_UNTIL).n()));
    return new ApplyRecord(pk.substring(PREFIX.length()), rows, done != null && Boolean.TRUE.equals(done.bool()), lease);
  }

  /** The same record, now applied under another caller's lease (after taking it over). */
  ApplyRecord leasedTo(Lease newLease) {
    return new ApplyRecord(opId, rows, done, newLease);
  }

  Map<String, AttributeValue> key() {
    return Map.of("pk", AttributeValue.fromS(PREFIX + opId), "sk", AttributeValue.fromS("OP"));
  }

  Map<String, AttributeValue> item() {
    List<AttributeValue> deltas = new ArrayList<>();
    for (CounterRow row : rows) {
      Map<String, AttributeValue> amounts = new HashMap<>();
      row.amounts().forEach((field, amount) -> amounts.put(field, AttributeValue.fromN(Long.toString(amount))));
      deltas.add(AttributeValue.fromM(Map.of(
          "pk", AttributeValue.fromS(row.pk()),
          "sk", AttributeValue.fromS(row.sk()),
          "amounts", AttributeValue.fromM(amounts))));
    }
    Map<String, AttributeValue> item = new HashMap<>(key());
    item.put("kind", AttributeValue.fromS("apply"));
    item.put("deltas", AttributeValue.fromL(deltas));
    item.put("done", AttributeValue.fromBool(false));
    item.put(OWNER, AttributeValue.fromS(lease.owner()));
    item.put(LEASE_UNTIL, AttributeValue.fromN(Long.toString(lease.until())));
    return item;
  }
}
