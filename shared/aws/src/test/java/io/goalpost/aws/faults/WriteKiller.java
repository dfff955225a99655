package io.goalpost.aws.faults;

import io.goalpost.local.stack.LocalStack;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Fault injection for exactly-once tests: counts DynamoDB writes and "kills the worker" right
 * after the Nth one has been applied by the server — the caller sees {@link Killed} instead of
 * the answer, exactly as if the process died between that write and the next. Then the test
 * redelivers the message and checks the counters equal those of one clean delivery.
 *
 * <p>It also notes, from the requests themselves, after which writes a counter operation was
 * started and not yet done (its apply record {@code OP#…} put, its {@code done} not yet set):
 * a kill there leaves the operation's lease live, so an at-once redelivery must be refused.
 * Read from the wire rather than kept as numbers in each test, so a feature that adds a write
 * moves them without anyone counting again.
 */
public final class WriteKiller implements ExecutionInterceptor {

  /** Thrown in place of the answer to the write the worker was "killed" after. */
  public static final class Killed extends RuntimeException {
    Killed(String message) {
      super(message);
    }
  }

  private static final Set<String> WRITES =
      Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");

  private final AtomicInteger writes = new AtomicInteger();
  private final Set<String> openOperations = new HashSet<>();
  private final Set<Integer> insideAnOperation = new TreeSet<>();
  private volatile int killAfter;

  /** Kill right after the {@code n}th write from now (1-based); 0 disarms. Resets the count. */
  public synchronized void killAfter(int n) {
    writes.set(0);
    openOperations.clear();
    insideAnOperation.clear();
    killAfter = n;
  }

  public void disarm() {
    killAfter(0);
  }

  /** Writes seen since the last {@link #killAfter}/{@link #disarm}. */
  public int writes() {
    return writes.get();
  }

  /** Of {@link #writes()}, those after which some counter operation was started and not done. */
  public synchronized Set<Integer> writesInsideACounterOperation() {
    return Set.copyOf(insideAnOperation);
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (!WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      return;
    }
    int n = writes.incrementAndGet();
    note(n, context.request());
    if (killAfter > 0 && n == killAfter) {
      throw new Killed("killed after write " + n + " ("
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + ")");
    }
  }

  /** The counter store's steps 1 and 3 (DynamoDbCounterStore): the apply record's put, and its {@code done}. */
  private synchronized void note(int write, Object request) {
    if (request instanceof PutItemRequest put && isApplyRecord(put.item())) {
      openOperations.add(put.item().get("pk").s());
    } else if (request instanceof UpdateItemRequest update && isApplyRecord(update.key())
        && update.updateExpression().contains("done")) {
      openOperations.remove(update.key().get("pk").s());
    }
    if (!openOperations.isEmpty()) {
      insideAnOperation.add(write);
    }
  }

  private static boolean isApplyRecord(Map<String, AttributeValue> key) {
    AttributeValue pk = key.get("pk");
    AttributeValue sk = key.get("sk");
    return pk != null && sk != null && "OP".equals(sk.s()) && pk.s() != null && pk.s().startsWith("OP#");
  }

  /** A client for the local stack's DynamoDB that this killer watches; no retries, so a kill is final. */
  public DynamoDbClient client(LocalStack stack) {
    return DynamoDbClient.builder()
        .endpointOverride(stack.dynamoDbEndpoint())
        .region(Region.of(LocalStack.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(this).retryPolicy(RetryPolicy.none()))
        .build();
  }
}
