package io.goalpost.local.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.goalpost.local.devserver.eventsource.ScheduleRunner;
import io.goalpost.local.devserver.eventsource.SqsEventSource;
import io.goalpost.local.devserver.http.CorsSettings;
import io.goalpost.local.devserver.http.DevHttpServer;
import io.goalpost.local.devserver.http.RouteBinding;
import io.goalpost.local.devserver.invoke.LambdaFunction;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackOptions;
import io.goalpost.local.template.Intrinsics;
import io.goalpost.local.template.LocalParameters;
import io.goalpost.local.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a SAM template locally: starts the emulators with exactly the template's tables and
 * queues, loads every function with the environment the template gives it, serves the template's
 * routes as API Gateway HTTP API (payload 2.0) events, feeds SQS-triggered functions as Lambda's
 * event source mapping does, and fires their schedules.
 */
public final class DevServer implements AutoCloseable {

  /**
   * Shorter than the template's 60 s so a failed message comes back quickly, but like AWS never
   * shorter than the worker's 10 s timeout: a message must not reappear while it is being handled.
   */
  static final Duration LOCAL_VISIBILITY_TIMEOUT = Duration.ofSeconds(12);

  /** Lambda's event source mapping runs at least this many concurrent pollers. */
  static final int MIN_POLLERS = 2;

  /**
   * @param template       the SAM template to run
   * @param port           where to listen; 0 picks a free port
   * @param clock          the clock handed to every function
   * @param stackOptions   emulator options (local visibility timeout)
   * @param schedules      whether to run the template's schedules (tests fire them by hand)
   * @param log            where the banner and the request log go
   * @param fromJars       host each function from its deployable jar (the template's {@code CodeUri}, built by
   *                       {@code mvn package}) in a class loader of its own, as Lambda does, rather than from
   *                       this JVM's class path
   * @param functionLog    where the functions' Lambda loggers write (Lambda's CloudWatch log); a test
   *                       gives its own stream to read every line a function logs
   */
  public record Options(Path template, int port, Clock clock, LocalStackOptions stackOptions,
      boolean schedules, Consumer<String> log, boolean fromJars, PrintStream functionLog) {
    public static Options defaults(Path template, int port) {
      return new Options(template, port, Clock.systemUTC(),
          LocalStackOptions.defaults().withVisibilityTimeout(LOCAL_VISIBILITY_TIMEOUT), true,
          System.out::println, false, System.out);
    }

    public Options withClock(Clock clock) {
      return new Options(template, port, clock, stackOptions, schedules, log, fromJars, functionLog);
    }

    public Options withoutSchedules() {
      return new Options(template, port, clock, stackOptions, false, log, fromJars, functionLog);
    }

    public Options fromDeployableJars() {
      return new Options(template, port, clock, stackOptions, schedules, log, true, functionLog);
    }

    /** The server's own log (banner, one line per request) goes here instead of standard out. */
    public Options withLog(Consumer<String> log) {
      return new Options(template, port, clock, stackOptions, schedules, log, fromJars, functionLog);
    }

    /** The functions' Lambda loggers write here instead of standard out. */
    public Options withFunctionLog(PrintStream functionLog) {
      return new Options(template, port, clock, stackOptions, schedules, log, fromJars, functionLog);
    }
  }

  private final SamTemplate template;
  private final LocalStack stack;
  private final Map<String, String> parameters;
  private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
  private final Map<String, List<ScheduleRunner>> schedules = new LinkedHashMap<>();
  private final Map<String, List<String>> delivered = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<AutoCloseable> running = new ArrayList<>();
  private final DevHttpServer http;
  private final URI baseUri;

  private DevServer(Options options) {
    this.template = SamTemplate.load(options.template());
    int port = options.port() == 0 ? freePort() : options.port();
    this.baseUri = URI.create("http://localhost:" + port);
    this.stack = LocalStack.start(template, options.stackOptions());
    running.add(stack);
    try {
      this.parameters = LocalParameters.forTemplate(template,
          Map.of("PublicBaseUrl", baseUri.toString()));
      Intrinsics intrinsics = new Intrinsics(template, parameters, refs(), stack.attributes(),
          LocalStack.REGION);

      List<RouteBinding> routes = new ArrayList<>();
      for (SamTemplate.FunctionDef def : template.functions()) {
        Map<String, String> env = new LinkedHashMap<>(template.environmentFor(def.logicalId(), intrinsics));
        env.putAll(stack.awsEnvironment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", def.logicalId());
        Duration timeout = Duration.ofSeconds(def.timeoutSeconds());
        LambdaFunction function = options.fromJars()
            ? LambdaFunction.loadFromJar(def.logicalId(), codeUri(options.template(), def), def.handler(), env,
                options.clock(), timeout, options.functionLog())
            : LambdaFunction.load(def.logicalId(), def.handler(), env, options.clock(), timeout,
                options.functionLog());
        running.add(function);
        functions.put(def.logicalId(), function);
        environments.put(def.logicalId(), Collections.unmodifiableMap(env));

        for (SamTemplate.HttpRoute route : def.routes()) {
          routes.add(new RouteBinding(route.method(), route.path(), def.logicalId(), function::invokeHttp));
        }
        for (SamTemplate.SqsSource source : def.sqsSources()) {
          int pollers = Math.max(MIN_POLLERS,
              source.maximumConcurrency() == null ? MIN_POLLERS : Math.min(source.maximumConcurrency(), 4));
          List<String> tap = delivered.computeIfAbsent(source.queueLogicalId(),
              id -> new java.util.concurrent.CopyOnWriteArrayList<>());
          running.add(new SqsEventSource(stack.sqsClient(), stack.queueUrl(source.queueLogicalId()),
              stack.queueArn(source.queueLogicalId()), Math.min(source.batchSize(), 10), pollers,
              source.reportBatchItemFailures(), event -> {
                event.getRecords().forEach(record -> tap.add(record.getBody()));
                return function.invokeSqs(event);
              }).start());
        }
        for (SamTemplate.ScheduleSource source : def.schedules()) {
          String ruleArn = "arn:aws:events:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT_ID
              + ":rule/" + def.logicalId() + "-" + source.eventName();
          ScheduleRunner runner = ScheduleRunner.forExpression(source.expression(),
              () -> function.invokeScheduled(ScheduleRunner.scheduledEvent(ruleArn, options.clock().instant())));
          if (options.schedules()) {
            runner.start();
          }
          running.add(runner);
          schedules.computeIfAbsent(def.logicalId(), id -> new ArrayList<>()).add(runner);
        }
      }
      this.http = DevHttpServer.start(new InetSocketAddress("127.0.0.1", port), routes,
          cors(intrinsics), options.clock(), options.log());
      running.add(http);
      banner(options.log(), routes);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The function's deployable jar: its {@code CodeUri}, relative to the template, as {@code sam build} reads it. */
  private static Path codeUri(Path template, SamTemplate.FunctionDef def) {
    if (def.codeUri() == null || def.codeUri().isBlank()) {
      throw new IllegalArgumentException(def.logicalId() + " has no CodeUri to load its jar from");
    }
    Path base = template.toAbsolutePath().getParent();
    return base.resolve(def.codeUri()).normalize();
  }

  public static DevServer start(Options options) {
    return new DevServer(options);
  }

  public URI baseUri() {
    return baseUri;
  }

  public LocalStack stack() {
    return stack;
  }

  public SamTemplate template() {
    return template;
  }

  /** The environment a function was given: its template environment plus the emulator endpoints. */
  public Map<String, String> environmentOf(String functionLogicalId) {
    return environments.get(functionLogicalId);
  }

  public LambdaFunction function(String logicalId) {
    return functions.get(logicalId);
  }

  /**
   * Every message body the event sources have handed to a function from this queue, in delivery
   * order, redeliveries included: what went over the queue, for tests (never logged).
   */
  public List<String> deliveredFrom(String queueLogicalId) {
    return List.copyOf(delivered.getOrDefault(queueLogicalId, List.of()));
  }

  /** Forgets what {@link #deliveredFrom} has seen (tests, with {@code stack().reset()}). */
  public void forgetDeliveries() {
    delivered.values().forEach(List::clear);
  }

  /**
   * Whether every queue that feeds a function is empty with nothing in flight, i.e. the worker is
   * not still writing what an earlier request caused. One look; tests wait on it with Awaitility.
   */
  public boolean idle() {
    return template.functions().stream()
        .flatMap(f -> f.sqsSources().stream()).map(SamTemplate.SqsSource::queueLogicalId).distinct()
        .allMatch(queue -> stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queue)).attributeNames(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes().values().stream().allMatch("0"::equals));
  }

  /** Empties the tables and queues and forgets the deliveries seen (tests: wait for {@link #idle()} first). */
  public void reset() {
    stack.reset();
    forgetDeliveries();
  }

  /** Fires every schedule of a function once, now, and waits for it (tests; `schedules` off). */
  public void fireSchedules(String functionLogicalId) {
    schedules.getOrDefault(functionLogicalId, List.of()).forEach(ScheduleRunner::fireNow);
  }

  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(running);
    Collections.reverse(reversed);
    running.clear();
    for (AutoCloseable closeable : reversed) {
      try {
        closeable.close();
      } catch (Exception e) {
        System.err.println("dev server: closing " + closeable + " failed: " + e);
      }
    }
  }

  private Map<String, String> refs() {
    Map<String, String> refs = new HashMap<>(stack.refs());
    // Functions and APIs have no emulator; their Ref is only ever used in outputs.
    template.functions().forEach(f -> refs.putIfAbsent(f.logicalId(), f.logicalId()));
    template.httpApis().forEach(a -> refs.putIfAbsent(a.logicalId(), "local"));
    return refs;
  }

  private CorsSettings cors(Intrinsics intrinsics) {
    for (SamTemplate.HttpApiDef api : template.httpApis()) {
      if (api.corsConfiguration().isMissingNode() || api.corsConfiguration().isNull()) {
        continue;
      }
      JsonNode cors = intrinsics.resolve(api.corsConfiguration());
      return new CorsSettings(strings(cors.path("AllowOrigins")), strings(cors.path("AllowMethods")),
          strings(cors.path("AllowHeaders")), strings(cors.path("ExposeHeaders")),
          cors.path("AllowCredentials").asBoolean(false),
          cors.has("MaxAge") ? cors.get("MaxAge").asInt() : null);
    }
    return null;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  private void banner(Consumer<String> log, List<RouteBinding> routes) {
    log.accept("Goalpost dev server on " + baseUri);
    log.accept("  DynamoDB (dynalite) " + stack.dynamoDbEndpoint() + ", SQS (ElasticMQ) " + stack.sqsEndpoint());
    routes.forEach(r -> log.accept("  " + r.routeKey() + " -> " + r.functionLogicalId()));
    log.accept("Local parameter values (never use them anywhere else):");
    template.parameters().forEach((name, p) -> {
      if (p.noEcho()) {
        log.accept("  " + name + " = " + parameters.get(name));
      }
    });
    log.accept("  API key for /api: " + LocalParameters.LOCAL_API_KEY);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
