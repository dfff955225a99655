package io.goalpost.local.devserver.contract;

import io.goalpost.local.devserver.e2e.Settled;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.devserver.e2e.DevServerExtension;
import io.goalpost.local.template.Intrinsics;
import io.goalpost.local.template.LocalParameters;
import io.goalpost.local.template.SamTemplate;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What template.yaml promises the code, checked against the code: handlers exist with the right
 * types, every variable the code reads is set for it, every AWS call it makes is allowed by its
 * policies on the resource it hits.
 */
@ExtendWith(DevServerExtension.class)
class TemplateContractTest {

  /** Set by the Lambda runtime itself, or only locally (emulator endpoints). */
  private static final Set<String> RUNTIME_VARIABLES = Set.of("AWS_REGION", "AWS_DEFAULT_REGION",
      "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_FUNCTION_NAME",
      "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_SQS");

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

  private final DevServer server;

  TemplateContractTest(DevServer server) {
    this.server = server;
  }

  @TestFactory
  Stream<DynamicTest> everyFunctionsHandlerExistsWithTheTypeItsEventsNeedAndBothConstructors() {
    return server.template().functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> {
      Class<?> handler = Class.forName(f.handlerClass());
      assertThat(f.handler()).endsWith("::handleRequest");
      assertThat(handler.getConstructor()).isNotNull();
      assertThat(handler.getConstructor(Map.class, Clock.class)).isNotNull();
      if (!f.routes().isEmpty()) {
        assertThat(requestHandlerTypes(handler)).containsExactly(APIGatewayV2HTTPEvent.class,
            APIGatewayV2HTTPResponse.class);
      }
      if (!f.sqsSources().isEmpty() || !f.schedules().isEmpty()) {
        assertThat(RequestStreamHandler.class.isAssignableFrom(handler)
            || RequestHandler.class.isAssignableFrom(handler)).isTrue();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyEnvironmentVariableAFunctionReadsIsSetForItByTheTemplate() {
    return server.template().functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> {
      Map<String, String> templateEnvironment = templateEnvironment(f.logicalId());
      RecordingMap env = new RecordingMap(server.environmentOf(f.logicalId()));

      Object handler = construct(f, env);
      invokeWithSamples(f, handler);

      Set<String> unset = new TreeSet<>(env.read);
      unset.removeAll(templateEnvironment.keySet());
      unset.removeAll(RUNTIME_VARIABLES);
      assertThat(unset).as("variables %s reads that template.yaml does not set for it", f.logicalId())
          .isEmpty();
      assertThat(env.read).as("the contract test must see the reads").isNotEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyAwsCallAFunctionMakesIsAllowedByItsPoliciesOnTheResourceItHits() {
    return server.template().functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> {
      Settled.reset(server);
      seedALink();
      Object handler = construct(f, server.environmentOf(f.logicalId()));
      RecordedAwsCalls.recordingAs(f.logicalId(), () -> invokeWithSamples(f, handler));

      List<RecordedAwsCalls.Call> calls = RecordedAwsCalls.calls().stream()
          .filter(c -> c.function().equals(f.logicalId())).toList();
      assertThat(calls).as("%s made no AWS call: the samples do not exercise it", f.logicalId())
          .isNotEmpty();
      Intrinsics intrinsics = intrinsics();
      for (RecordedAwsCalls.Call call : calls) {
        assertThat(f.policies()).as("%s calls %s %s on %s", f.logicalId(), call.service(),
            call.operation(), call.resource()).anySatisfy(policy -> {
          SamPolicyTemplates.Grant grant = SamPolicyTemplates.GRANTS.get(policy.template());
          assertThat(grant).isNotNull();
          assertThat(grant.service()).isEqualTo(call.service());
          assertThat(grant.operations()).contains(call.operation());
          String granted = intrinsics.resolveToString(policy.arguments().path(grant.resourceArgument()))
              .orElseThrow();
          assertThat(call.resource()).endsWith(granted);
        });
      }
    }));
  }

  private void seedALink() {
    Object api = construct(server.template().function("ApiFunction").orElseThrow(),
        server.environmentOf("ApiFunction"));
    APIGatewayV2HTTPEvent create = EventLoader.loadApiGatewayHttpEvent(sample("api-create-link.json").toString());
    @SuppressWarnings("unchecked")
    var http = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) api;
    http.handleRequest(create, null);
  }

  /**
   * Every sample in events/ that this function's triggers would send goes through it: HTTP
   * samples by route key, SQS samples (records from aws:sqs) when it has an SQS source, scheduled
   * events when it has a schedule. Stream handlers get the sample's raw JSON, as Lambda sends it.
   */
  @SuppressWarnings("unchecked")
  private void invokeWithSamples(SamTemplate.FunctionDef f, Object handler) {
    List<String> routeKeys = f.routes().stream().map(SamTemplate.HttpRoute::routeKey).toList();
    for (Path sample : samples()) {
      JsonNode json = readTree(sample);
      if (routeKeys.contains(json.path("routeKey").asText())) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sample.toString());
        ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(event, null);
      }
      boolean sqs = json.path("Records").path(0).path("eventSource").asText().equals("aws:sqs");
      boolean scheduled = json.path("source").asText().equals("aws.events");
      if ((sqs && !f.sqsSources().isEmpty()) || (scheduled && !f.schedules().isEmpty())) {
        try (var in = Files.newInputStream(sample); var out = new java.io.ByteArrayOutputStream()) {
          ((RequestStreamHandler) handler).handleRequest(in, out, null);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  private Map<String, String> templateEnvironment(String function) {
    return server.template().environmentFor(function, intrinsics());
  }

  private Intrinsics intrinsics() {
    Map<String, String> refs = new HashMap<>(server.stack().refs());
    server.template().httpApis().forEach(a -> refs.put(a.logicalId(), "local"));
    return new Intrinsics(server.template(),
        LocalParameters.forTemplate(server.template(), Map.of("PublicBaseUrl", server.baseUri().toString())),
        refs, server.stack().attributes(), "us-east-1");
  }

  private static Object construct(SamTemplate.FunctionDef f, Map<String, String> env) {
    try {
      Constructor<?> constructor = Class.forName(f.handlerClass()).getConstructor(Map.class, Clock.class);
      return constructor.newInstance(env, CLOCK);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(f.logicalId() + ": cannot construct " + f.handlerClass(), e);
    }
  }

  private static List<Type> requestHandlerTypes(Class<?> handler) {
    for (Type type : handler.getGenericInterfaces()) {
      if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
        return List.of(p.getActualTypeArguments());
      }
    }
    return List.of();
  }

  private static List<Path> samples() {
    try (Stream<Path> files = Files.list(io.goalpost.local.stack.RepositoryPaths.repositoryRoot().resolve("events"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path sample(String name) {
    return io.goalpost.local.stack.RepositoryPaths.repositoryRoot().resolve("events").resolve(name);
  }

  private static JsonNode readTree(Path file) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An environment map that remembers which names the code asked for. */
  private static final class RecordingMap extends AbstractMap<String, String> {
    private final Map<String, String> values;
    final Set<String> read = new TreeSet<>();

    RecordingMap(Map<String, String> values) {
      this.values = values;
    }

    @Override
    public String get(Object key) {
      read.add((String) key);
      return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      read.add((String) key);
      return values.containsKey(key);
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
      read.add((String) key);
      return values.getOrDefault(key, defaultValue);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      throw new AssertionError("code must read named variables, not walk the environment");
    }
  }
}
