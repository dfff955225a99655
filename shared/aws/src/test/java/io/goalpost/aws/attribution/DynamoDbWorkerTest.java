package io.goalpost.aws.attribution;

import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.WorkerContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker's scenarios (redelivery, order, goals and windows, two racing workers) with the
 * DynamoDB adapters on dynalite, strongly consistent reads and single-item conditional writes.
 */
@ExtendWith(LocalStackExtension.class)
class DynamoDbWorkerTest extends WorkerContract {

  private WorkerStores stores;

  @BeforeEach
  void connect(LocalStack stack) {
    stores = WorkerWiring.stores(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), new InMemoryCounterStore());
  }

  @Override
  protected WorkerStores stores() {
    return stores;
  }
}
