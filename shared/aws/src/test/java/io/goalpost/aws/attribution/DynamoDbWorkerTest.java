package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.goalpost.aws.counter.MovableClock;
import io.goalpost.aws.counter.OperationInProgress;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.WorkerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker's scenarios (redelivery, order, goals and windows, two racing workers) with every
 * DynamoDB adapter, the counter store's included, on dynalite: strongly consistent reads and
 * single-item conditional writes only.
 *
 * <p>Of two racing workers, one may be refused ({@link OperationInProgress}) while the other
 * holds the lease of a counter operation both apply; on SQS its message fails and comes again
 * after the visibility timeout. The order race below does exactly that. The contract's other race
 * (a click and its sale at once) does not expect refusals, so its workers get {@link #worker()}:
 * a counter store that tries a refused apply again once the lease holder is through, as the
 * redelivery would find it.
 */
@ExtendWith(LocalStackExtension.class)
class DynamoDbWorkerTest extends WorkerContract {

  /** Rounds of the order race; a worker is refused in about one round in six. */
  private static final int ROUNDS = 24;

  private final MovableClock clock = new MovableClock();
  private final ExecutorService racing = Executors.newFixedThreadPool(2);
  private WorkerStores stores;

  @BeforeEach
  void connect(LocalStack stack) {
    stores = WorkerWiring.stores(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), clock);
  }

  @AfterEach
  void stopRacing() {
    racing.shutdownNow();
  }

  @Override
  protected WorkerStores stores() {
    return stores;
  }

  @Override
  protected EventRecorder worker() {
    return EventRecorder.over(stores.withCounters(new AppliedAgainOnceTheHolderIsThrough(stores.counters())),
        AttributionModel.LAST_TOUCH);
  }

  /** The one worker that sees refusals: the message fails, as on SQS. */
  private EventRecorder workerAsOnSqs() {
    return EventRecorder.over(stores, AttributionModel.LAST_TOUCH);
  }

  /**
   * Of two workers applying the order's counter operations at once, one may be refused while the
   * other holds a lease. As on SQS, the refused delivery fails and comes again after the visibility
   * timeout (the clock moves past the lease), once both workers are through; the order counts once.
   */
  @Override
  @Test
  protected void countsOneOrderOnceWhenTwoWorkersRecordItFromTwoDeliveriesAtTheSameTime() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String slug = purchaseLink("twice" + round);
      deliver(click(slug, "click" + round, CLICKED, null));
      OrderEvent first = sale("order" + round, "first" + round, "click" + round, PAID, 700);
      OrderEvent second = sale("order" + round, "second" + round, "click" + round, PAID, 700);
      CyclicBarrier together = new CyclicBarrier(2);

      List<OrderEvent> refused = new ArrayList<>();
      List<Future<?>> workers = List.of(
          racing.submit(() -> deliverAfter(together, first)), racing.submit(() -> deliverAfter(together, second)));
      for (int i = 0; i < workers.size(); i++) {
        try {
          workers.get(i).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
          assertThat(failed.getCause()).as("round %d", round).isInstanceOf(OperationInProgress.class);
          refused.add(i == 0 ? first : second);
        }
      }
      assertThat(refused).as("round %d: at most one is refused", round).hasSizeLessThan(2);
      if (!refused.isEmpty()) {
        clock.waitOutTheLease();
        refused.forEach(workerAsOnSqs()::record);
      }

      assertThat(linkCounts(slug, SALE_DAY)).as("round %d", round).isEqualTo(Map.of("goals", 1L, "revenue.USD", 700L));
      assertThat(productCounts(SALE_DAY)).as("round %d", round)
          .isEqualTo(Map.of("sales", (long) round + 1, "revenue.USD", 700L * (round + 1)));
      assertThat(stored("order" + round).version()).as("round %d", round).isEqualTo(1);
      assertThat(stored("order" + round).pending()).as("round %d", round).isNull();
    }
  }

  private Void deliverAfter(CyclicBarrier together, OrderEvent sale) throws Exception {
    together.await(10, TimeUnit.SECONDS);
    workerAsOnSqs().record(sale);
    return null;
  }
}
