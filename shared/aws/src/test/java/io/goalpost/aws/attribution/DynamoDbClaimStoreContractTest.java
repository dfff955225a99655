package io.goalpost.aws.attribution;

import io.goalpost.core.identity.ClaimStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.ClaimStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ClaimStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbClaimStoreContractTest extends ClaimStoreContract {

  private ClaimStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbClaimStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected ClaimStore store() {
    return store;
  }
}
