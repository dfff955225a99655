package io.goalpost.aws.attribution;

import io.goalpost.core.reconciliation.ProductSales;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.ProductSalesContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ProductSales contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbProductSalesContractTest extends ProductSalesContract {

  private ProductSales sales;

  @BeforeEach
  void connect(LocalStack stack) {
    sales = new DynamoDbProductSales(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected ProductSales sales() {
    return sales;
  }
}
