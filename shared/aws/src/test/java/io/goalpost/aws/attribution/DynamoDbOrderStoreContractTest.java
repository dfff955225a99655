package io.goalpost.aws.attribution;

import io.goalpost.core.attribution.OrderStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.OrderStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OrderStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbOrderStoreContractTest extends OrderStoreContract {

  private OrderStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbOrderStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected OrderStore store() {
    return store;
  }
}
