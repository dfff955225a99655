package io.goalpost.aws.product;

import io.goalpost.core.product.ProductCatalog;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.ProductCatalogContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ProductCatalog contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbProductCatalogContractTest extends ProductCatalogContract {

    private ProductCatalog catalog;

    @BeforeEach
    void connect(LocalStack stack) {
        stack.reset();
        catalog = new DynamoDbProductCatalog(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
    }

    @Override
    protected ProductCatalog catalog() {
        return catalog;
    }
}
