package io.goalpost.local.devserver.invoke;

import java.time.Duration;

/**
 * An invocation that Lambda would report as a function error: the handler threw, or it ran past
 * the function's timeout. The error is already in the function's log when this is thrown, so
 * callers decide only what the caller of the function sees (API Gateway answers 500, an event
 * source mapping retries the batch).
 */
public final class FunctionInvocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final String requestId;
    private final boolean timedOut;

    private FunctionInvocationException(String functionName, String requestId, boolean timedOut,
                                        String message, Throwable cause) {
        super(message, cause);
        this.functionName = functionName;
        this.requestId = requestId;
        this.timedOut = timedOut;
    }

    static FunctionInvocationException failed(String functionName, String requestId, Throwable cause) {
        return new FunctionInvocationException(functionName, requestId, false,
                functionName + " request " + requestId + " failed: " + cause.getClass().getName(), cause);
    }

    static FunctionInvocationException timedOut(String functionName, String requestId, Duration timeout) {
        return new FunctionInvocationException(functionName, requestId, true,
                functionName + " request " + requestId + " " + timeoutMessage(timeout), null);
    }

    /** Lambda's own wording, so the local log reads like CloudWatch. */
    static String timeoutMessage(Duration timeout) {
        return String.format(java.util.Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
    }

    public String functionName() {
        return functionName;
    }

    public String requestId() {
        return requestId;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
