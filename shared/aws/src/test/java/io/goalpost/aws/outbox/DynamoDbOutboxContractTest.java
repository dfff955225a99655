package io.goalpost.aws.outbox;

import io.goalpost.aws.event.EventJson;
import io.goalpost.core.event.Outbox;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.OutboxContract;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Outbox contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbOutboxContractTest extends OutboxContract {

    private Outbox outbox;

    @BeforeEach
    void startEmpty(LocalStack stack) {
        stack.reset();
        outbox = new DynamoDbOutbox(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), new EventJson(),
                Clock.systemUTC());
    }

    @Override
    protected Outbox outbox() {
        return outbox;
    }
}
