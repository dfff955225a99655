package io.goalpost.aws.attribution;

import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import java.time.Clock;
import io.goalpost.testing.ClickCountingContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** How clicks are counted (bots, unique clickers), with every DynamoDB adapter on dynalite. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbClickCountingTest extends ClickCountingContract {

  private WorkerStores stores;

  @BeforeEach
  void connect(LocalStack stack) {
    stores = WorkerWiring.stores(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), Clock.systemUTC());
  }

  @Override
  protected WorkerStores stores() {
    return stores;
  }
}
