package io.goalpost.aws.attribution;

import io.goalpost.core.click.ClickStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.ClickStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ClickStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbClickStoreContractTest extends ClickStoreContract {

  private ClickStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbClickStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected ClickStore store() {
    return store;
  }
}
