package io.goalpost.aws.lead;

import io.goalpost.core.lead.LeadStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.LeadStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LeadStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbLeadStoreContractTest extends LeadStoreContract {

  private LeadStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbLeadStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected LeadStore store() {
    return store;
  }
}
