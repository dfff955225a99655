package io.goalpost.local.devserver.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionStore;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.click.Click;
import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.LeadJoins;
import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.core.reconciliation.Reconciliation;
import io.goalpost.core.reconciliation.ReconciliationReport;
import io.goalpost.core.reconciliation.ReconciliationResult;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.RepositoryPaths;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Not a test: the reconciliation report at a real product's size (docs/decisions/012). It seeds a
 * product's sales straight into the stores the worker writes (half credited, the other half split
 * evenly over the five reasons, each with the facts that make it that reason), then times
 * {@code GET /api/products/{productId}/reconciliation} on the dev server, where the api function
 * runs with template.yaml's timeout, and counts the DynamoDB requests one report makes by running
 * the same {@link Reconciliation} in this JVM, without its bound, over a client that counts them.
 * Over HTTP a size past the bound must get the 400 that asks for a shorter range. The report must
 * show exactly the seeded answer (a fast wrong answer is no result); a mismatch exits non-zero.
 *
 * <p>Numbers are dynalite's and this machine's, not DynamoDB's: compare commits on one machine.
 *
 * <p>Run with {@code ./bench --which reconciliation [--sizes 200,1000,5000]}; results go to
 * {@code local/devserver/target/bench/reconciliation.json}.
 */
public final class ReconciliationBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCT = "bench-course";
  private static final Instant FIRST_SALE = Instant.parse("2026-10-01T00:00:00Z");
  private static final String FROM = "2026-10-01";
  private static final String TO = "2026-12-31";
  private static final int TIMED_CALLS = 3;
  private static final List<String> REASONS = List.of("no_identity", "outside_window", "other_device_or_cookie",
      "link_without_goal", "no_tracked_click");

  private final DevServer server;
  private final Http http;
  private final WorkerStores stores;
  private final WorkerStores countedStores;
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  private ReconciliationBenchmark(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
    LocalStack stack = server.stack();
    String table = stack.tableName("GoalpostTable");
    this.stores = WorkerWiring.stores(stack.dynamoDbClient(), table, Clock.systemUTC());
    this.countedStores = WorkerWiring.stores(countingClient(stack), table, Clock.systemUTC());
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : option(args, "--sizes", "200,1000,5000").split(",")) {
      sizes.add(Integer.parseInt(size.trim()));
    }
    DevServer.Options options = DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0)
        .withLog(line -> { })
        .withFunctionLog(new PrintStream(PrintStream.nullOutputStream()));
    try (DevServer server = DevServer.start(options)) {
      new ReconciliationBenchmark(server).run(sizes);
    }
  }

  private void run(List<Integer> sizes) throws Exception {
    stores.links().create(link("bench", Goal.purchase(PRODUCT)));
    stores.links().create(link("bench-other", Goal.purchase("another-product")));
    // The api's first call loads its classes and connections: not part of any size's numbers.
    long firstCall = System.nanoTime();
    http.apiGet("/api/products/bench-empty/reconciliation?from=" + FROM + "&to=" + TO);
    long firstCallMs = (System.nanoTime() - firstCall) / 1_000_000;
    List<Map<String, Object>> rows = new ArrayList<>();
    int seeded = 0;
    for (int size : sizes) {
      long seedStarted = System.nanoTime();
      seed(seeded, size);
      long seedMs = (System.nanoTime() - seedStarted) / 1_000_000;
      seeded = size;
      rows.add(measure(size, seedMs));
      System.out.println(JSON.writeValueAsString(rows.get(rows.size() - 1)));
    }
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("product", PRODUCT);
    results.put("range", FROM + " … " + TO);
    results.put("firstCallOfTheRouteMs", firstCallMs);
    results.put("sizes", rows);
    Path out = RepositoryPaths.repositoryRoot().resolve("local/devserver/target/bench/reconciliation.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println("written to " + out);
    if (rows.stream().anyMatch(row -> !Boolean.TRUE.equals(row.get("answerAsSeeded")))) {
      System.err.println("a report did not show the seeded sales: these timings measured a wrong answer");
      System.exit(1);
    }
  }

  private Map<String, Object> measure(int size, long seedMs) throws IOException {
    requests.clear();
    long started = System.nanoTime();
    ReconciliationResult inProcess = Reconciliation.over(countedStores, Clock.systemUTC())
        .explainingAtMost(Integer.MAX_VALUE).of(PRODUCT, FROM, TO);
    double inProcessMs = Math.round((System.nanoTime() - started) / 1e5) / 10.0;
    ReconciliationReport report = ((ReconciliationResult.Found) inProcess).report();

    String path = "/api/products/" + PRODUCT + "/reconciliation?from=" + FROM + "&to=" + TO;
    List<Double> millis = new ArrayList<>();
    int status = 0;
    JsonNode body = null;
    String refusal = null;
    for (int i = 0; i < TIMED_CALLS; i++) {
      long called = System.nanoTime();
      HttpResponse<String> response = http.apiGet(path);
      millis.add(Math.round((System.nanoTime() - called) / 1e5) / 10.0);
      status = response.statusCode();
      body = status == 200 ? JSON.readTree(response.body()) : null;
      refusal = status == 200 ? null : response.body();
    }

    Map<String, Object> row = new LinkedHashMap<>();
    row.put("sales", size);
    row.put("seedMs", seedMs);
    row.put("inProcessMs", inProcessMs);
    row.put("dynamoDbRequests", new TreeMap<>(Map.copyOf(requests)));
    row.put("dynamoDbRequestsTotal", requests.values().stream().mapToLong(AtomicLong::get).sum());
    row.put("httpStatus", status);
    row.put("overHttpMs", millis);
    if (refusal != null) {
      row.put("httpAnswer", refusal);
    }
    // Over HTTP the api's bound holds (a 400 past it); in this JVM the report is unbounded.
    boolean bounded = size - size / 2 > Reconciliation.MAX_UNCREDITED_SALES;
    row.put("answerAsSeeded", (bounded ? status == 400 : status == 200 && asSeeded(body, size))
        && report.sales() == size && report.attributedSales() == size / 2);
    return row;
  }

  private static boolean asSeeded(JsonNode body, int size) {
    boolean ok = body.path("sales").asInt() == size && body.path("attributedSales").asInt() == size / 2
        && body.path("conversions").size() == size;
    for (String reason : REASONS) {
      ok &= body.path("unattributed").path(reason).asInt() == size / 10;
    }
    return ok;
  }

  /**
   * Sales {@code from} … {@code to - 1}, a minute apart: even ones credited, odd ones cycling over
   * the five reasons, so every size that is a multiple of 10 has half credited and a tenth each.
   */
  private void seed(int from, int to) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int n = i;
        done.add(pool.submit(() -> seedSale(n)));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private void seedSale(int n) {
    Instant at = FIRST_SALE.plus(Duration.ofMinutes(n));
    String visitor = "benchv%06d".formatted(n);
    Conversion sale;
    ConversionStore conversions = stores.conversions();
    if (n % 2 == 0) {
      sale = sale(n, at, visitor, "clk-b%06d".formatted(n), null);
      conversions.putIfAbsent(sale);
      conversions.changeCredit(sale.id(), 0, new Credit("bench", sale.clickId(), CreditPath.CLICK_ID), null);
    } else {
      sale = switch (REASONS.get((n / 2) % REASONS.size())) {
        case "no_identity" -> sale(n, at, null, null, null);
        case "outside_window" -> {
          click(visitor, "bench", at.minus(Duration.ofDays(60)), n);
          yield sale(n, at, visitor, null, null);
        }
        case "other_device_or_cookie" -> {
          String lead = "BenchLead%06d".formatted(n);
          stores.leads().createOrFind("bench%06d@example.com".formatted(n), "hash%06d".formatted(n), lead, at);
          stores.leads().addConsent(lead, new ConsentChange(false, at.minusSeconds(3600), "bench:c" + n, "opt_in"));
          String laptop = "benchlaptop%06d".formatted(n);
          new LeadJoins(stores.leads()).join(lead, laptop, at.minusSeconds(3600), "opt_in");
          click(laptop, "bench", at.minusSeconds(7200), n);
          yield sale(n, at, visitor, null, lead);
        }
        case "link_without_goal" -> {
          click(visitor, "bench-other", at.minusSeconds(600), n);
          yield sale(n, at, visitor, null, null);
        }
        default -> sale(n, at, visitor, null, null);
      };
      conversions.putIfAbsent(sale);
    }
    if (sale.visitorId() != null) {
      conversions.referFromVisitor(sale);
    }
    stores.productSales().note(sale);
  }

  private void click(String visitor, String slug, Instant at, int n) {
    Click click = new Click("clk-%s-%06d".formatted(slug, n), slug, at, visitor, true);
    stores.clicks().putIfAbsent(click);
    stores.lineages().addClick(visitor, click);
  }

  private static Conversion sale(int n, Instant at, String visitor, String clickId, String lead) {
    String order = "bench-order-%06d".formatted(n);
    return new Conversion(Conversion.saleId(order), Conversion.Kind.SALE, at, visitor, clickId, order, PRODUCT,
        4900, "USD", null, null, lead);
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static Link link(String slug, Goal goal) {
    return new Link(slug, slug, "https://shop.example/course", "newsletter", null, goal,
        Link.DEFAULT_ATTRIBUTION_WINDOW_DAYS, false, Instant.parse("2026-01-01T00:00:00Z"), false);
  }

  /** A client to the same dynalite that counts each request by operation (retries are the SDK's). */
  private DynamoDbClient countingClient(LocalStack stack) {
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        requests.computeIfAbsent(operation, name -> new AtomicLong()).incrementAndGet();
      }
    };
    return DynamoDbClient.builder()
        .endpointOverride(stack.dynamoDbEndpoint())
        .region(Region.of(LocalStack.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(config -> config.addExecutionInterceptor(counter))
        .build();
  }
}
