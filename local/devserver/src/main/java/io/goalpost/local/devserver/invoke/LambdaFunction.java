package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function of the template, hosted in this JVM as the Lambda Java runtime would host it: the
 * handler class built once, each invocation given a {@code Context} and cut off at the function's
 * timeout. Unlike Lambda, concurrent invocations share the one handler object, so handlers must
 * be thread-safe (ours are: state lives in the stores).
 */
public final class LambdaFunction implements AutoCloseable {
    /** The account the dev server pretends to be: the one AWS uses in its own examples. */
    static final String ACCOUNT_ID = "123456789012";
    /** Lambda's default; the template's MemorySize only matters to handlers that read it. */
    static final int MEMORY_MB = 512;

    private final String logicalId;
    private final Duration timeout;
    private final HandlerInstance handler;
    private final String functionArn;
    private final LambdaLogger logger;
    private final ExecutorService invocations;
    /** The deployable jar's loader, closed with the function; null when hosted from the class path. */
    private final FunctionJarClassLoader jarLoader;
    private final Duration initDuration;

    private LambdaFunction(String logicalId, Duration timeout, HandlerInstance handler, String region,
                           LambdaLogger logger, FunctionJarClassLoader jarLoader, Duration initDuration) {
        this.jarLoader = jarLoader;
        this.initDuration = initDuration;
        this.logicalId = logicalId;
        this.timeout = timeout;
        this.handler = handler;
        this.functionArn = "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + logicalId;
        this.logger = logger;
        this.invocations = Executors.newCachedThreadPool(daemonThreads(logicalId));
    }

    /**
     * Loads and instantiates the handler once.
     *
     * @param logicalId the template's logical id, used as the function name
     * @param handler   the SAM {@code Handler}: {@code com.example.Foo} or {@code com.example.Foo::handleRequest}
     * @param env       the function's environment; passed to a {@code (Map<String,String>, Clock)} constructor
     * @param clock     the time the handler sees
     * @param timeout   the function's {@code Timeout}
     * @throws IllegalArgumentException when the class is missing or is not a Lambda handler
     * @throws IllegalStateException    when its constructor throws (Lambda's init error)
     */
    public static LambdaFunction load(String logicalId, String handler, Map<String, String> env, Clock clock,
                                      Duration timeout) {
        return load(logicalId, handler, env, clock, timeout, System.out);
    }

    /** As {@link #load(String, String, Map, Clock, Duration)}, the function's log going to {@code log}. */
    public static LambdaFunction load(String logicalId, String handler, Map<String, String> env, Clock clock,
                                      Duration timeout, PrintStream log) {
        Objects.requireNonNull(logicalId, "logicalId");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("Timeout must be positive: " + timeout);
        }
        LambdaLogger logger = new PrefixedLogger(logicalId, log);
        Map<String, String> environment = Map.copyOf(env);
        long started = System.nanoTime();
        HandlerInstance instance = HandlerInstance.load(handler, environment, clock, logger::log);
        String region = environment.getOrDefault("AWS_REGION", "us-east-1");
        return new LambdaFunction(logicalId, timeout, instance, region, logger, null,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Loads the handler from the function's deployable jar (the template's {@code CodeUri}) in a
     * class loader of its own, as Lambda does: what the shade plugin left out fails here too.
     *
     * @throws IllegalArgumentException when the jar is missing, or the class is missing or is not a handler
     * @throws IllegalStateException    when its constructor throws (Lambda's init error)
     */
    public static LambdaFunction loadFromJar(String logicalId, Path jar, String handler, Map<String, String> env,
                                             Clock clock, Duration timeout, PrintStream log) {
        Objects.requireNonNull(logicalId, "logicalId");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("Timeout must be positive: " + timeout);
        }
        LambdaLogger logger = new PrefixedLogger(logicalId, log);
        Map<String, String> environment = Map.copyOf(env);
        long started = System.nanoTime();
        FunctionJarClassLoader loader = FunctionJarClassLoader.of(logicalId, jar);
        try {
            HandlerInstance instance = HandlerInstance.load(handler, environment, clock, logger::log, loader);
            Duration init = Duration.ofNanos(System.nanoTime() - started);
            logger.log("INIT from " + jar.getFileName() + ": " + init.toMillis() + " ms");
            String region = environment.getOrDefault("AWS_REGION", "us-east-1");
            return new LambdaFunction(logicalId, timeout, instance, region, logger, loader, init);
        } catch (RuntimeException | Error e) {
            loader.close();
            throw e;
        }
    }

    /** How long loading and constructing the handler took (Lambda's "Init Duration", without the JVM's start). */
    public Duration initDuration() {
        return initDuration;
    }

    public String logicalId() {
        return logicalId;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Invokes the handler with any event object.
     *
     * @return the handler's return value; for a {@code RequestStreamHandler}, the text it wrote
     * @throws FunctionInvocationException when the handler throws or runs past the timeout
     */
    public Object invoke(Object event) {
        Object output = invokeHandler(event);
        return output instanceof HandlerInstance.StreamOutput stream ? stream.text() : output;
    }

    /** The response API Gateway would build from the function's result (HTTP API, payload 2.0). */
    public APIGatewayV2HTTPResponse invokeHttp(APIGatewayV2HTTPEvent event) {
        return FunctionOutput.asHttpResponse(invokeHandler(event));
    }

    /** The batch item failures; empty when the handler returned nothing, i.e. all succeeded. */
    public SQSBatchResponse invokeSqs(SQSEvent event) {
        return FunctionOutput.asSqsBatchResponse(invokeHandler(event));
    }

    public void invokeScheduled(ScheduledEvent event) {
        invokeHandler(event);
    }

    private Object invokeHandler(Object event) {
        Objects.requireNonNull(event, "event");
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        LambdaContext context = new LambdaContext(logicalId, requestId, functionArn,
                started + timeout.toNanos(), MEMORY_MB, logger);
        Future<Object> call = invocations.submit(() -> handler.handle(event, context));
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            logger.log(requestId + " " + FunctionInvocationException.timeoutMessage(timeout));
            throw FunctionInvocationException.timedOut(logicalId, requestId, timeout);
        } catch (ExecutionException e) {
            Throwable error = e.getCause();
            logger.log(requestId + " invocation failed after " + millisSince(started) + " ms\n" + stackTrace(error));
            throw FunctionInvocationException.failed(logicalId, requestId, error);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw FunctionInvocationException.failed(logicalId, requestId, e);
        }
    }

    /** Stops running invocations; the function cannot be invoked after this. */
    @Override
    public void close() {
        invocations.shutdownNow();
        if (jarLoader != null) {
            jarLoader.close();
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static ThreadFactory daemonThreads(String logicalId) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "lambda-" + logicalId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
