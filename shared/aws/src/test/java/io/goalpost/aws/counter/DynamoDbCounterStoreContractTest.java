package io.goalpost.aws.counter;

import io.goalpost.core.counter.CounterStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.CounterStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CounterStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbCounterStoreContractTest extends CounterStoreContract {

  private CounterStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    stack.reset();
    store = new DynamoDbCounterStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected CounterStore store() {
    return store;
  }
}
