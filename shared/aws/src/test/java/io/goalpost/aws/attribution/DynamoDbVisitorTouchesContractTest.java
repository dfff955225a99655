package io.goalpost.aws.attribution;

import io.goalpost.core.identity.VisitorTouches;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.VisitorTouchesContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The VisitorTouches contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbVisitorTouchesContractTest extends VisitorTouchesContract {

  private VisitorTouches store;

  @BeforeEach
  void connect(LocalStack stack) {
    store = new DynamoDbVisitorTouches(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected VisitorTouches store() {
    return store;
  }
}
