package io.goalpost.local.devserver.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS call made on a thread that is inside {@link #recordingAs}. Registered as an
 * SDK global interceptor through the test classpath
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors}), so the production code
 * needs no hook.
 */
public final class RecordedAwsCalls implements ExecutionInterceptor {

  /** One call: service ("DynamoDb", "Sqs"), operation ("PutItem"), and the table or queue it hit. */
  public record Call(String function, String service, String operation, String resource) {}

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
  private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

  public static void recordingAs(String function, Runnable body) {
    CURRENT.set(function);
    try {
      body.run();
    } finally {
      CURRENT.remove();
    }
  }

  public static List<Call> calls() {
    return List.copyOf(CALLS);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String function = CURRENT.get();
    if (function == null) {
      return;
    }
    SdkRequest request = context.request();
    String resource = request.getValueForField("TableName", String.class)
        .or(() -> request.getValueForField("QueueUrl", String.class)).orElse("*");
    CALLS.add(new Call(function, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), resource));
  }
}
