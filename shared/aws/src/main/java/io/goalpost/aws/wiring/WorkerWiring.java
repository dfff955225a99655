package io.goalpost.aws.wiring;

import io.goalpost.aws.attribution.DynamoDbCheckoutVisitors;
import io.goalpost.aws.attribution.DynamoDbClaimStore;
import io.goalpost.aws.attribution.DynamoDbClickStore;
import io.goalpost.aws.attribution.DynamoDbConversionStore;
import io.goalpost.aws.attribution.DynamoDbLineageStore;
import io.goalpost.aws.attribution.DynamoDbOrderStore;
import io.goalpost.aws.attribution.DynamoDbProductSales;
import io.goalpost.aws.attribution.DynamoDbUniqueClickers;
import io.goalpost.aws.attribution.DynamoDbVisitorTouches;
import io.goalpost.aws.config.AwsClients;
import io.goalpost.aws.config.WorkerConfig;
import io.goalpost.aws.counter.DynamoDbCounterStore;
import io.goalpost.aws.lead.DynamoDbLeadLineages;
import io.goalpost.aws.lead.DynamoDbLeadStore;
import io.goalpost.aws.lead.DynamoDbLineageErasure;
import io.goalpost.aws.lead.DynamoDbPendingLeadTouches;
import io.goalpost.aws.link.DynamoDbLinkStore;
import io.goalpost.aws.product.DynamoDbProductCatalog;
import io.goalpost.core.lead.EmailHashes;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.event.OutboxRedrive;
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
    WorkerStores stores = stores(dynamoDb, config.tableName(), clock, new EmailHashes(config.emailHashKey()));
    return new WorkerDependencies(recorder(stores, config.attributionModel()),
        outboxRedrive(env, dynamoDb, config, clock));
  }

  /**
   * Every store, the counters' included, on one table through one client: a test passes a client
   * that fails on cue, and every write of the worker goes through it. The clock times the counter
   * store's leases: a test moves it on, as SQS's visibility timeout would, before a redelivery.
   */
  public static WorkerStores stores(DynamoDbClient dynamoDb, String tableName, Clock clock) {
    return stores(dynamoDb, tableName, clock, new EmailHashes(LOCAL_TEST_EMAIL_HASH_KEY));
  }

  /** The EmailHashKey of workers built for tests without a configuration. */
  public static final String LOCAL_TEST_EMAIL_HASH_KEY = "local-EmailHashKey-not-secret-0123456789abcdef";

  public static WorkerStores stores(DynamoDbClient dynamoDb, String tableName, Clock clock, EmailHashes emailHashes) {
    return new WorkerStores(new DynamoDbLinkStore(dynamoDb, tableName), new DynamoDbClickStore(dynamoDb, tableName),
        new DynamoDbLineageStore(dynamoDb, tableName), new DynamoDbUniqueClickers(dynamoDb, tableName),
        new DynamoDbConversionStore(dynamoDb, tableName), new DynamoDbCounterStore(dynamoDb, tableName, clock),
        new DynamoDbClaimStore(dynamoDb, tableName), new DynamoDbVisitorTouches(dynamoDb, tableName),
        new DynamoDbCheckoutVisitors(dynamoDb, tableName), new DynamoDbOrderStore(dynamoDb, tableName),
        new DynamoDbProductCatalog(dynamoDb, tableName), new DynamoDbLeadStore(dynamoDb, tableName),
        new DynamoDbLeadLineages(dynamoDb, tableName), new DynamoDbLineageErasure(dynamoDb, tableName), emailHashes,
        new DynamoDbProductSales(dynamoDb, tableName), new DynamoDbPendingLeadTouches(dynamoDb, tableName));
  }

  public static EventRecorder recorder(WorkerStores stores, AttributionModel model) {
    return EventRecorder.over(stores, model);
  }

  /** Shares the worker's DynamoDB client; the queue gets a client of its own with a send budget. */
  private static IntSupplier outboxRedrive(Map<String, String> env, DynamoDbClient dynamoDb, WorkerConfig config,
      Clock clock) {
    OutboxRedrive redrive = OutboxWiring.redrive(dynamoDb, AwsClients.sqs(env, OutboxWiring.REDRIVE_QUEUE_BUDGET),
        config.tableName(), config.eventsQueueUrl(), clock);
    return redrive::redrive;
  }
}
