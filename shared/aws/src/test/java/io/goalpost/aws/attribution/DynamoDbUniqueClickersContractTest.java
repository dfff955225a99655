package io.goalpost.aws.attribution;

import io.goalpost.core.click.UniqueClickers;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.UniqueClickersContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The UniqueClickers contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbUniqueClickersContractTest extends UniqueClickersContract {

  private UniqueClickers markers;

  @BeforeEach
  void connect(LocalStack stack) {
    markers = new DynamoDbUniqueClickers(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected UniqueClickers markers() {
    return markers;
  }
}
