package io.goalpost.aws.link;

import io.goalpost.core.link.LinkStore;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.LinkStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LinkStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbLinkStoreContractTest extends LinkStoreContract {

    private LinkStore store;

    @BeforeEach
    void connect(LocalStack stack) {
        store = new DynamoDbLinkStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
    }

    @Override
    protected LinkStore store() {
        return store;
    }
}
