package io.goalpost.aws.attribution;

import io.goalpost.aws.counter.MovableClock;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.RebillRefundContract;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rebills and refunds with every DynamoDB adapter on dynalite. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbRebillRefundTest extends RebillRefundContract {

  private WorkerStores stores;

  @BeforeEach
  void connect(LocalStack stack) {
    stores = WorkerWiring.stores(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), new MovableClock());
  }

  /** Every fifth of the 120 orders (24, each event first in some): the in-memory run tries them all. */
  @Override
  protected List<List<Integer>> processingOrders(List<List<Integer>> all) {
    return IntStream.range(0, all.size()).filter(i -> i % 5 == 0).mapToObj(all::get).toList();
  }

  @Override
  protected WorkerStores stores() {
    return stores;
  }
}
