package io.goalpost.aws.attribution;

import io.goalpost.core.attribution.CheckoutVisitors;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.CheckoutVisitorsContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CheckoutVisitors contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbCheckoutVisitorsContractTest extends CheckoutVisitorsContract {

  private CheckoutVisitors markers;

  @BeforeEach
  void connect(LocalStack stack) {
    markers = new DynamoDbCheckoutVisitors(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected CheckoutVisitors markers() {
    return markers;
  }
}
