package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} of one invocation, with the values Lambda would give a function of this name. */
final class LambdaContext implements Context {
    private final String functionName;
    private final String requestId;
    private final String functionArn;
    private final long deadlineNanos;
    private final int memoryLimitMb;
    private final LambdaLogger logger;

    LambdaContext(String functionName, String requestId, String functionArn, long deadlineNanos,
                  int memoryLimitMb, LambdaLogger logger) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.functionArn = functionArn;
        this.deadlineNanos = deadlineNanos;
        this.memoryLimitMb = memoryLimitMb;
        this.logger = logger;
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
    @Override public String getLogStreamName() { return "local"; }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return functionArn; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return memoryLimitMb; }
    @Override public LambdaLogger getLogger() { return logger; }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, remaining);
    }
}
