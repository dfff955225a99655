package io.goalpost.local.stack;

import io.goalpost.local.template.SamTemplate;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The template's queues and tables on real wire-protocol emulators: ElasticMQ in this JVM and
 * dynalite in a child node process, both on free loopback ports. What gets created is read from
 * the template, so the stack cannot drift from what is deployed.
 */
public final class LocalStack implements AutoCloseable {

  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  /** Emulators accept any credentials; the SDK still insists on having some. */
  public static final String ACCESS_KEY_ID = "local";
  public static final String SECRET_ACCESS_KEY = "local";

  private final LocalDynamoDb dynamo;
  private final LocalSqs sqs;

  private LocalStack(LocalDynamoDb dynamo, LocalSqs sqs) {
    this.dynamo = dynamo;
    this.sqs = sqs;
  }

  /** Starts both emulators side by side and creates the template's queues and tables in them. */
  public static LocalStack start(SamTemplate template, LocalStackOptions options) {
    // ElasticMQ takes seconds to start; dynalite, the SDK's class loading and the tables fill them.
    CompletableFuture<LocalSqs> sqs =
        inBackground("local-sqs-start", () -> LocalSqs.start(template.queues(), options));
    LocalDynamoDb dynamo;
    try {
      dynamo = LocalDynamoDb.start(template.tables());
    } catch (RuntimeException e) {
      sqs.thenAccept(LocalSqs::close);
      throw e;
    }
    try {
      return new LocalStack(dynamo, sqs.join());
    } catch (CompletionException e) {
      dynamo.close();
      throw unwrap(e);
    }
  }

  public URI dynamoDbEndpoint() {
    return dynamo.endpoint();
  }

  public URI sqsEndpoint() {
    return sqs.endpoint();
  }

  /** Built once; talks to dynalite. */
  public DynamoDbClient dynamoDbClient() {
    return dynamo.client();
  }

  /** Built once; talks to ElasticMQ. */
  public SqsClient sqsClient() {
    return sqs.client();
  }

  public String tableName(String logicalId) {
    return dynamo.table(logicalId).name();
  }

  public String queueUrl(String logicalId) {
    return sqs.queue(logicalId).url();
  }

  public String queueArn(String logicalId) {
    return sqs.queue(logicalId).arn();
  }

  /** What {@code !Ref LogicalId} means locally: a table's name, a queue's URL. */
  public Map<String, String> refs() {
    Map<String, String> refs = new LinkedHashMap<>();
    dynamo.tables().values().forEach(t -> refs.put(t.logicalId(), t.name()));
    sqs.queues().values().forEach(q -> refs.put(q.logicalId(), q.url()));
    return Collections.unmodifiableMap(refs);
  }

  /**
   * What {@code !GetAtt LogicalId.Attribute} means locally: a queue's Arn, QueueName and
   * QueueUrl; a table's Arn (no StreamArn: dynalite has no streams).
   */
  public Map<String, Map<String, String>> attributes() {
    Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    dynamo.tables().values().forEach(t -> attributes.put(t.logicalId(), Map.of("Arn", t.arn())));
    sqs.queues().values().forEach(q -> attributes.put(q.logicalId(),
        Map.of("Arn", q.arn(), "QueueName", q.name(), "QueueUrl", q.url())));
    return Collections.unmodifiableMap(attributes);
  }

  /** The environment a function needs for its SDK clients to reach the emulators. */
  public Map<String, String> awsEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
    env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString());
    return Collections.unmodifiableMap(env);
  }

  /**
   * Whether the emulator took the table's {@code TimeToLiveSpecification}. dynalite does not
   * (UpdateTimeToLive is unknown to it), so locally items never expire.
   */
  public boolean timeToLiveApplied(String logicalId) {
    return dynamo.table(logicalId).ttlApplied();
  }

  /**
   * Takes SQS away, as an outage would: every call to it fails until {@link #startSqs()}. For
   * fail-open tests; always pair it with {@code startSqs()} in a {@code finally}, since the stack
   * is shared by every test in the JVM.
   */
  public void stopSqs() {
    sqs.stop();
  }

  /**
   * Brings SQS back on the same endpoint with the template's queues, so queue URLs held by
   * clients and functions stay valid. Messages that were on the queues are gone. Does nothing
   * when SQS is running.
   */
  public void startSqs() {
    sqs.start();
  }

  /** Empties every table and purges every queue, so each test starts from nothing. */
  public void reset() {
    CompletableFuture<Void> purged = inBackground("local-sqs-reset", () -> {
      sqs.reset();
      return null;
    });
    dynamo.reset();
    try {
      purged.join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  @Override
  public void close() {
    try {
      dynamo.close();
    } finally {
      sqs.close();
    }
  }

  static Region region() {
    return Region.of(REGION);
  }

  static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }

  static SdkHttpClient.Builder<?> httpClient() {
    return UrlConnectionHttpClient.builder();
  }

  /** On a thread of its own: the common pool has a single thread on a two-core machine. */
  private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    });
  }

  private static RuntimeException unwrap(CompletionException e) {
    return e.getCause() instanceof RuntimeException cause ? cause : e;
  }
}
