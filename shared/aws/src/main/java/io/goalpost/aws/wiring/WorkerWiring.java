package io.goalpost.aws.wiring;

import io.goalpost.aws.attribution.DynamoDbClickStore;
import io.goalpost.aws.attribution.DynamoDbConversionStore;
import io.goalpost.aws.attribution.DynamoDbLineageStore;
import io.goalpost.aws.attribution.DynamoDbUniqueClickers;
import io.goalpost.aws.config.AwsClients;
import io.goalpost.aws.config.WorkerConfig;
import io.goalpost.aws.link.DynamoDbLinkStore;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.counter.CounterStore;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The attribution worker's object graph: configuration, SDK clients, adapters, domain. */
public final class WorkerWiring {

  private WorkerWiring() {
  }

  public static WorkerDependencies worker(Map<String, String> env, Clock clock) {
    WorkerConfig config = WorkerConfig.from(env);
    DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
    CounterStore counters = counters(dynamoDb, config.tableName());
    return new WorkerDependencies(recorder(stores(dynamoDb, config.tableName(), counters), config.attributionModel()),
        outboxRedrive(env, config, clock));
  }

  /** Every store on one table through one client (a test passes a client that fails on cue). */
  public static WorkerStores stores(DynamoDbClient dynamoDb, String tableName, CounterStore counters) {
    return new WorkerStores(new DynamoDbLinkStore(dynamoDb, tableName), new DynamoDbClickStore(dynamoDb, tableName),
        new DynamoDbLineageStore(dynamoDb, tableName), new DynamoDbUniqueClickers(dynamoDb, tableName),
        new DynamoDbConversionStore(dynamoDb, tableName), counters);
  }

  public static EventRecorder recorder(WorkerStores stores, AttributionModel model) {
    return EventRecorder.over(stores, model);
  }

  private static CounterStore counters(DynamoDbClient dynamoDb, String tableName) {
    throw new IllegalStateException("DynamoDbCounterStore is not on this branch yet");
  }

  /**
   * The seam for the outbox re-drive ({@code OutboxRedrive.redrive()}), which lands with the
   * webhook's branch; until then the schedule finds nothing to re-drive.
   */
  private static IntSupplier outboxRedrive(Map<String, String> env, WorkerConfig config, Clock clock) {
    return () -> 0;
  }
}
