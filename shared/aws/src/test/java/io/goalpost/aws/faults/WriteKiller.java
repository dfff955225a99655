package io.goalpost.aws.faults;

import io.goalpost.local.stack.LocalStack;
import java.util.Set;
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

/**
 * Fault injection for exactly-once tests: counts DynamoDB writes and "kills the worker" right
 * after the Nth one has been applied by the server — the caller sees {@link Killed} instead of
 * the answer, exactly as if the process died between that write and the next. Then the test
 * redelivers the message and checks the counters equal those of one clean delivery.
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
  private volatile int killAfter;

  /** Kill right after the {@code n}th write from now (1-based); 0 disarms. Resets the count. */
  public void killAfter(int n) {
    writes.set(0);
    killAfter = n;
  }

  public void disarm() {
    killAfter(0);
  }

  /** Writes seen since the last {@link #killAfter}/{@link #disarm}. */
  public int writes() {
    return writes.get();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (!WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      return;
    }
    int n = writes.incrementAndGet();
    if (killAfter > 0 && n == killAfter) {
      throw new Killed("killed after write " + n + " ("
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + ")");
    }
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
