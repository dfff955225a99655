package io.goalpost.aws.counter;

import io.goalpost.local.stack.LocalStack;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Holds a caller right after its Nth successful DynamoDB request has been applied by the server,
 * until the test lets it go on: two callers' requests interleave exactly as the test says, with
 * no timing luck. Failed requests (a condition that did not hold) are not counted.
 */
final class RequestHold implements ExecutionInterceptor {

  private final int holdAfter;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /** @param holdAfter the 1-based number of the successful request to hold the caller after */
  RequestHold(int holdAfter) {
    this.holdAfter = holdAfter;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (requests.incrementAndGet() == holdAfter) {
      held.countDown();
      await(released);
    }
  }

  /** Waits until the caller is held. */
  void awaitHeld() {
    await(held);
  }

  void release() {
    released.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the held caller never got there, or was never let go");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A client for the local stack's DynamoDB with this hold on it; no retries, so requests are counted once. */
  DynamoDbClient client(LocalStack stack) {
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
