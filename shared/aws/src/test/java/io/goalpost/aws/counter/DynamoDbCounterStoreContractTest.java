package io.goalpost.aws.counter;

import io.goalpost.core.counter.CounterStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.CounterStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CounterStore contract against dynalite, on the table template.yaml declares. A caller that
 * races another on one operation may be refused with {@link OperationInProgress}; its next try
 * comes after the lease, as SQS redelivers after the visibility timeout.
 */
@ExtendWith(LocalStackExtension.class)
class DynamoDbCounterStoreContractTest extends CounterStoreContract {

  private final MovableClock clock = new MovableClock();
  private CounterStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    stack.reset();
    store = new DynamoDbCounterStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), clock);
  }

  @Override
  protected CounterStore store() {
    return store;
  }

  @Override
  protected boolean isRefusalWhileInProgress(RuntimeException failure) {
    return failure instanceof OperationInProgress;
  }

  @Override
  protected void waitBeforeRetrying() {
    clock.waitOutTheLease();
  }
}
