package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.n;
import static io.goalpost.aws.attribution.Attributes.s;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A counter operation as one map attribute of a conversion (its {@code pending} move):
 * {@code {id, deltas: [{subject, id, day, amounts: {field: n}}]}}. Kept whole, so whoever finishes
 * it applies exactly the deltas decided with the credit, not ones recomputed later.
 */
final class OperationAttribute {

  private OperationAttribute() {
  }

  static AttributeValue of(Operation operation) {
    return AttributeValue.fromM(Map.of("id", s(operation.id()), "deltas", deltas(operation.deltas())));
  }

  static Operation from(AttributeValue value) {
    Map<String, AttributeValue> operation = value.m();
    return new Operation(operation.get("id").s(), deltasFrom(operation.get("deltas")));
  }

  /** Deltas alone, as a list attribute (an order's applied tally keeps its rows this way). */
  static AttributeValue deltas(List<Delta> of) {
    List<AttributeValue> deltas = new ArrayList<>();
    for (Delta delta : of) {
      Map<String, AttributeValue> amounts = new HashMap<>();
      delta.amounts().forEach((field, amount) -> amounts.put(field, n(amount)));
      deltas.add(AttributeValue.fromM(Map.of(
          "subject", s(delta.counter().subject().name()),
          "id", s(delta.counter().id()),
          "day", s(delta.counter().day().toString()),
          "amounts", AttributeValue.fromM(amounts))));
    }
    return AttributeValue.fromL(deltas);
  }

  static List<Delta> deltasFrom(AttributeValue value) {
    List<Delta> deltas = new ArrayList<>();
    for (AttributeValue stored : value.l()) {
      Map<String, AttributeValue> delta = stored.m();
      Map<String, Long> amounts = new HashMap<>();
      delta.get("amounts").m().forEach((field, amount) -> amounts.put(field, Long.parseLong(amount.n())));
      Counter counter = new Counter(Counter.Subject.valueOf(delta.get("subject").s()), delta.get("id").s(),
          LocalDate.parse(delta.get("day").s()));
      deltas.add(new Delta(counter, amounts));
    }
    return deltas;
  }
}
