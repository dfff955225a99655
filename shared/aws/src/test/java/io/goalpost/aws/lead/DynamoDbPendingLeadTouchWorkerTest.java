package io.goalpost.aws.lead;

import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.PendingLeadTouchWorkerContract;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Essential events before their personalised click on dynalite, through the real SDK. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbPendingLeadTouchWorkerTest extends PendingLeadTouchWorkerContract {

  private final EmailHashes hashes = new EmailHashes(WorkerWiring.LOCAL_TEST_EMAIL_HASH_KEY);
  private WorkerStores stores;

  @BeforeEach
  void connect(LocalStack stack) {
    stores = WorkerWiring.stores(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), Clock.systemUTC(), hashes);
  }

  @Override
  protected WorkerStores stores() {
    return stores;
  }

  @Override
  protected EmailHashes emailHashes() {
    return hashes;
  }
}
