package io.goalpost.aws.attribution;

import io.goalpost.core.click.LineageStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.LineageStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LineageStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbLineageStoreContractTest extends LineageStoreContract {

  private LineageStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbLineageStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected LineageStore store() {
    return store;
  }
}
