package io.goalpost.aws.lead;

import io.goalpost.core.lead.PendingLeadTouches;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.PendingLeadTouchesContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PendingLeadTouches contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbPendingLeadTouchesContractTest extends PendingLeadTouchesContract {

  private PendingLeadTouches store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbPendingLeadTouches(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected PendingLeadTouches store() {
    return store;
  }
}
