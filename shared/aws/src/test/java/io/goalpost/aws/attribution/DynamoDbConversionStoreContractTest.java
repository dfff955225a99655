package io.goalpost.aws.attribution;

import io.goalpost.core.attribution.ConversionStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.ConversionStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ConversionStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbConversionStoreContractTest extends ConversionStoreContract {

  private ConversionStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbConversionStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected ConversionStore store() {
    return store;
  }
}
