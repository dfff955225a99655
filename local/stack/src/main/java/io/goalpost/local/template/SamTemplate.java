package io.goalpost.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a SAM template that running it locally needs: parameters, functions (handler,
 * environment, HTTP routes, SQS sources, schedules, policies), HTTP APIs, queues and tables.
 * Values stay unresolved ({@link JsonNode}s with intrinsics) until an {@link Intrinsics} resolves
 * them against local values, so this model is the single source of truth for both the emulators
 * and the dev server.
 */
public final class SamTemplate {

  public record Parameter(String name, String type, String defaultValue, boolean noEcho,
      List<String> allowedValues, String description) {
    public boolean isList() {
      return type.startsWith("CommaDelimitedList") || type.startsWith("List<");
    }
  }

  public record HttpRoute(String eventName, String method, String path, String apiLogicalId) {
    /** API Gateway's route key, e.g. {@code GET /l/{slug}}. */
    public String routeKey() {
      return method + " " + path;
    }
  }

  public record SqsSource(String eventName, String queueLogicalId, int batchSize,
      boolean reportBatchItemFailures, Integer maximumConcurrency) {}

  public record ScheduleSource(String eventName, String expression, Duration period) {}

  public record PolicyDef(String template, JsonNode arguments) {}

  public record FunctionDef(String logicalId, String handler, String codeUri, int timeoutSeconds,
      int memorySize, Map<String, JsonNode> environment, List<HttpRoute> routes,
      List<SqsSource> sqsSources, List<ScheduleSource> schedules, List<PolicyDef> policies,
      Integer reservedConcurrency) {
    public String handlerClass() {
      int sep = handler.indexOf("::");
      return sep < 0 ? handler : handler.substring(0, sep);
    }
  }

  public record HttpApiDef(String logicalId, JsonNode corsConfiguration) {}

  public record QueueDef(String logicalId, String queueName, Integer visibilityTimeout,
      Integer messageRetentionPeriod, String deadLetterTargetLogicalId, Integer maxReceiveCount,
      boolean fifo) {}

  public record GsiDef(String indexName, String hashKey, String rangeKey, String projectionType) {}

  public record TableDef(String logicalId, String tableName, Map<String, String> attributeTypes,
      String hashKey, String rangeKey, List<GsiDef> gsis, String ttlAttribute) {}

  private static final Pattern RATE =
      Pattern.compile("rate\\((\\d+) (minute|hour|day)(s?)\\)");

  private final JsonNode root;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final List<FunctionDef> functions = new ArrayList<>();
  private final List<HttpApiDef> httpApis = new ArrayList<>();
  private final List<QueueDef> queues = new ArrayList<>();
  private final List<TableDef> tables = new ArrayList<>();

  private SamTemplate(JsonNode root) {
    this.root = root;
    root.path("Parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(),
        parameter(e.getKey(), e.getValue())));
    JsonNode globals = root.path("Globals").path("Function");
    root.path("Resources").fields().forEachRemaining(e -> {
      String id = e.getKey();
      JsonNode resource = e.getValue();
      JsonNode props = resource.path("Properties");
      switch (resource.path("Type").asText()) {
        case "AWS::Serverless::Function" -> functions.add(function(id, props, globals));
        case "AWS::Serverless::HttpApi" ->
            httpApis.add(new HttpApiDef(id, props.path("CorsConfiguration")));
        case "AWS::SQS::Queue" -> queues.add(queue(id, props));
        case "AWS::DynamoDB::Table" -> tables.add(table(id, props));
        default -> { }
      }
    });
  }

  public static SamTemplate load(Path file) {
    try {
      return new SamTemplate(CloudFormationYaml.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static SamTemplate parse(String yaml) {
    return new SamTemplate(CloudFormationYaml.read(yaml));
  }

  /** The whole template as a tree, intrinsics in their long form. */
  public JsonNode root() {
    return root;
  }

  public Map<String, Parameter> parameters() {
    return parameters;
  }

  public List<FunctionDef> functions() {
    return functions;
  }

  public Optional<FunctionDef> function(String logicalId) {
    return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  public List<HttpApiDef> httpApis() {
    return httpApis;
  }

  public List<QueueDef> queues() {
    return queues;
  }

  public List<TableDef> tables() {
    return tables;
  }

  /** A function's environment, Globals merged under its own, resolved to plain strings. */
  public Map<String, String> environmentFor(String functionLogicalId, Intrinsics intrinsics) {
    FunctionDef function = function(functionLogicalId).orElseThrow(
        () -> new IllegalArgumentException("no function " + functionLogicalId));
    Map<String, String> env = new LinkedHashMap<>();
    function.environment().forEach((name, value) -> intrinsics.resolveToString(value)
        .ifPresent(resolved -> env.put(name, resolved)));
    return env;
  }

  private static Parameter parameter(String name, JsonNode p) {
    List<String> allowed = new ArrayList<>();
    p.path("AllowedValues").forEach(v -> allowed.add(v.asText()));
    return new Parameter(name, p.path("Type").asText("String"),
        p.has("Default") ? p.get("Default").asText() : null,
        p.path("NoEcho").asBoolean(false), List.copyOf(allowed),
        p.path("Description").asText(""));
  }

  private static FunctionDef function(String id, JsonNode props, JsonNode globals) {
    Map<String, JsonNode> env = new LinkedHashMap<>();
    globals.path("Environment").path("Variables").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
    props.path("Environment").path("Variables").fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue()));

    List<HttpRoute> routes = new ArrayList<>();
    List<SqsSource> sqs = new ArrayList<>();
    List<ScheduleSource> schedules = new ArrayList<>();
    props.path("Events").fields().forEachRemaining(e -> {
      JsonNode ep = e.getValue().path("Properties");
      switch (e.getValue().path("Type").asText()) {
        case "HttpApi" -> routes.add(new HttpRoute(e.getKey(),
            ep.path("Method").asText("ANY").toUpperCase(Locale.ROOT),
            ep.path("Path").asText("$default"), logicalIdOf(ep.path("ApiId"))));
        case "SQS" -> sqs.add(new SqsSource(e.getKey(), logicalIdOf(ep.path("Queue")),
            ep.path("BatchSize").asInt(10),
            ep.path("FunctionResponseTypes").toString().contains("ReportBatchItemFailures"),
            ep.path("ScalingConfig").has("MaximumConcurrency")
                ? ep.path("ScalingConfig").path("MaximumConcurrency").asInt() : null));
        case "Schedule", "ScheduleV2" -> {
          String expression = ep.path("Schedule").asText(ep.path("ScheduleExpression").asText());
          schedules.add(new ScheduleSource(e.getKey(), expression, period(expression)));
        }
        default -> { }
      }
    });

    List<PolicyDef> policies = new ArrayList<>();
    JsonNode policyNode = props.path("Policies");
    if (policyNode.isTextual()) {
      policies.add(new PolicyDef(policyNode.asText(), null));
    }
    policyNode.forEach(p -> {
      if (p.isTextual()) {
        policies.add(new PolicyDef(p.asText(), null));
      } else {
        p.fields().forEachRemaining(e -> policies.add(new PolicyDef(e.getKey(), e.getValue())));
      }
    });

    return new FunctionDef(id,
        props.path("Handler").asText(globals.path("Handler").asText(null)),
        props.path("CodeUri").asText(globals.path("CodeUri").asText(null)),
        props.path("Timeout").asInt(globals.path("Timeout").asInt(3)),
        props.path("MemorySize").asInt(globals.path("MemorySize").asInt(128)),
        Map.copyOf(env), List.copyOf(routes), List.copyOf(sqs), List.copyOf(schedules),
        List.copyOf(policies),
        props.has("ReservedConcurrentExecutions")
            ? props.get("ReservedConcurrentExecutions").asInt() : null);
  }

  private static QueueDef queue(String id, JsonNode props) {
    JsonNode redrive = props.path("RedrivePolicy");
    return new QueueDef(id, textOrNull(props.path("QueueName")),
        intOrNull(props.path("VisibilityTimeout")), intOrNull(props.path("MessageRetentionPeriod")),
        redrive.has("deadLetterTargetArn") ? logicalIdOf(redrive.get("deadLetterTargetArn")) : null,
        intOrNull(redrive.path("maxReceiveCount")), props.path("FifoQueue").asBoolean(false));
  }

  private static TableDef table(String id, JsonNode props) {
    Map<String, String> types = new LinkedHashMap<>();
    props.path("AttributeDefinitions").forEach(a ->
        types.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
    String[] keys = keys(props.path("KeySchema"));
    List<GsiDef> gsis = new ArrayList<>();
    props.path("GlobalSecondaryIndexes").forEach(g -> {
      String[] k = keys(g.path("KeySchema"));
      gsis.add(new GsiDef(g.path("IndexName").asText(), k[0], k[1],
          g.path("Projection").path("ProjectionType").asText("ALL")));
    });
    JsonNode ttl = props.path("TimeToLiveSpecification");
    return new TableDef(id, textOrNull(props.path("TableName")), Map.copyOf(types), keys[0],
        keys[1], List.copyOf(gsis),
        ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText() : null);
  }

  private static String[] keys(JsonNode keySchema) {
    String[] keys = new String[2];
    keySchema.forEach(k -> keys[k.path("KeyType").asText().equals("HASH") ? 0 : 1] =
        k.path("AttributeName").asText());
    return keys;
  }

  /** The logical id a {@code !Ref X} or {@code !GetAtt X.Attr} points at. */
  static String logicalIdOf(JsonNode node) {
    if (node.has("Ref")) {
      return node.get("Ref").asText();
    }
    if (node.has("Fn::GetAtt")) {
      return node.get("Fn::GetAtt").get(0).asText();
    }
    return node.isTextual() ? node.asText() : null;
  }

  static Duration period(String expression) {
    Matcher m = RATE.matcher(expression.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("only rate(N minutes|hours|days) schedules run locally: "
          + expression);
    }
    long n = Long.parseLong(m.group(1));
    // AWS takes "rate(1 minute)" and "rate(5 minutes)" but refuses "rate(1 minutes)" and "rate(5 minute)".
    if (n < 1 || (n == 1) == m.group(3).equals("s")) {
      throw new IllegalArgumentException("AWS refuses this rate expression: " + expression);
    }
    return switch (m.group(2).charAt(0)) {
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static Integer intOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asInt();
  }
}
