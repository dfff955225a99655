package io.goalpost.aws.lead;

import io.goalpost.core.lead.LeadLineages;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.LeadLineagesContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LeadLineages contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbLeadLineagesContractTest extends LeadLineagesContract {

  private LeadLineages store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbLeadLineages(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected LeadLineages store() {
    return store;
  }
}
