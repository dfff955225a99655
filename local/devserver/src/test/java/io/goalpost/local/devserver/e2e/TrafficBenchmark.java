package io.goalpost.local.devserver.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.stack.RepositoryPaths;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Not a test: a benchmark of the whole product on the dev server (README, "Benchmarks"). It sends
 * clicks, page events and signed sales through the real routes, one at a time, and measures each
 * route's answer time and how long the attribution worker takes to settle them all. Timing never
 * decides a test here; the only check is that the numbers the product shows afterwards are the
 * traffic sent (a fast wrong answer is no result), and a mismatch exits non-zero.
 *
 * <p>Numbers from the dev server are the emulators' and this machine's, not Lambda's: use them
 * to compare commits on one machine, not as production latencies.
 *
 * <p>Run with {@code ./bench [--from-jars] [--clicks N] [--sales N]}; results go to
 * {@code local/devserver/target/bench/traffic.json}.
 */
public final class TrafficBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
  private static final int WARM_UP = 20;
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(10);

  private final DevServer server;
  private final Http http;
  private final Map<String, Object> results = new LinkedHashMap<>();

  private TrafficBenchmark(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  public static void main(String[] args) throws IOException {
    boolean fromJars = Arrays.asList(args).contains("--from-jars");
    int clicks = intOption(args, "--clicks", 1000);
    int sales = intOption(args, "--sales", 200);
    DevServer.Options options = DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0);
    if (!Arrays.asList(args).contains("--verbose")) {
      options = options.withLog(line -> { }).withFunctionLog(new PrintStream(PrintStream.nullOutputStream()));
    }
    if (fromJars) {
      options = options.fromDeployableJars();
    }
    long started = System.nanoTime();
    try (DevServer server = DevServer.start(options)) {
      TrafficBenchmark bench = new TrafficBenchmark(server);
      bench.results.put("hostedFrom", fromJars ? "deployable jars" : "class path");
      bench.results.put("devServerStartMs", millisSince(started));
      bench.run(clicks, sales);
    }
  }

  private void run(int clicks, int sales) throws IOException {
    created("/api/links", """
        {"name": "Bench", "destination": "https://shop.example/course", "channel": "newsletter",
         "slug": "bench", "goal": {"type": "purchase", "productId": "bench-course"}}""");

    Timings first = new Timings("first call of each route (class loading, JIT, connections)");
    first.time(() -> click(0));
    first.time(() -> pageView(0, clickOf(0)));
    first.time(() -> sale(0, null));
    first.time(() -> http.apiGet("/api/links/bench/stats"));
    for (int i = 1; i < WARM_UP; i++) {
      String clickId = click(i);
      pageView(i, clickId);
      sale(i, clickId);
    }
    Settled.within(server, SETTLE_LIMIT);

    long loadStarted = System.nanoTime();
    Timings redirects = new Timings("GET /l/{slug} (302)");
    Timings beacons = new Timings("POST /e (202)");
    Timings webhooks = new Timings("POST /webhooks/orders (200)");
    List<String> clickIds = new ArrayList<>();
    for (int i = WARM_UP; i < WARM_UP + clicks; i++) {
      int visitor = i;
      String clickId = redirects.time(() -> click(visitor));
      clickIds.add(clickId);
      beacons.time(() -> pageView(visitor, clickId));
    }
    for (int i = 0; i < sales; i++) {
      int order = WARM_UP + i;
      String clickId = clickIds.get(i % clickIds.size());
      webhooks.time(() -> sale(order, clickId));
    }
    long sent = System.nanoTime();
    Settled.within(server, SETTLE_LIMIT);
    long settled = System.nanoTime();

    Timings stats = new Timings("GET /api/links/{slug}/stats (200)");
    for (int i = 0; i < 100; i++) {
      stats.time(() -> http.apiGet("/api/links/bench/stats"));
    }
    JsonNode shown = JSON.readTree(http.apiGet("/api/links/bench/stats").body());
    int expectedClicks = WARM_UP + clicks;
    int expectedGoals = (WARM_UP - 1) + sales; // the first warm-up sale carries no click id
    int events = 2 * clicks + sales;

    results.put("clicks", clicks);
    results.put("pageEvents", clicks);
    results.put("sales", sales);
    results.put("routes", List.of(first.summary(), redirects.summary(), beacons.summary(), webhooks.summary(),
        stats.summary()));
    results.put("workerSettledAfterLastRequestMs", (settled - sent) / 1_000_000);
    results.put("eventsPerSecondEndToEnd", Math.round(events / ((settled - loadStarted) / 1e9)));
    results.put("linkShows", Map.of("clicks", shown.path("clicks").asInt(), "goals", shown.path("goals").asInt()));
    Path out = RepositoryPaths.repositoryRoot().resolve("local/devserver/target/bench/traffic.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println("written to " + out);

    if (shown.path("clicks").asInt() != expectedClicks || shown.path("goals").asInt() != expectedGoals) {
      System.err.println("the link shows " + shown + ", expected clicks " + expectedClicks + " and goals "
          + expectedGoals + ": these timings measured a wrong answer");
      System.exit(1);
    }
  }

  private final Map<Integer, String> clicksOfWarmUp = new LinkedHashMap<>();

  private String clickOf(int visitor) {
    return clicksOfWarmUp.get(visitor);
  }

  private String click(int visitor) {
    HttpResponse<String> response = http.get("/l/bench", "user-agent", BROWSER + " v" + visitor);
    expect(response, 302);
    String query = URI.create(response.headers().firstValue("location").orElseThrow()).getRawQuery();
    String clickId = QueryStrings.parse(query).get("gp_cid").get(0);
    clicksOfWarmUp.putIfAbsent(visitor, clickId);
    return clickId;
  }

  private void pageView(int visitor, String clickId) {
    String event = """
        {"type": "page_view", "url": "https://shop.example/course", "consent": "all",
         "visitorId": "benchvisitor%08d", "clickId": "%s", "eventId": "bench-view-%08d"}"""
        .formatted(visitor, clickId, visitor);
    expect(http.postJson("/e", event, "user-agent", BROWSER), 202);
  }

  private void sale(int order, String clickId) {
    String body = """
        {"type": "sale", "orderId": "bench-%d", "productId": "bench-course", "amount": 4900, "currency": "USD",%s
         "occurredAt": "%s"}""".formatted(order, clickId == null ? "" : " \"clickId\": \"" + clickId + "\",",
        Instant.now());
    expect(http.postJson("/webhooks/orders", body,
        SignedOrders.headers("bench-msg-" + order, Instant.now().getEpochSecond(), body)), 200);
  }

  private void created(String path, String body) {
    expect(http.apiPost(path, body), 201);
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode()
          + " (expected " + status + "): " + response.body());
    }
  }

  private static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Answer times of one route, in milliseconds. */
  private static final class Timings {

    private final String route;
    private final List<Double> millis = new ArrayList<>();

    Timings(String route) {
      this.route = route;
    }

    void time(Runnable call) {
      time(() -> {
        call.run();
        return null;
      });
    }

    <T> T time(Supplier<T> call) {
      long started = System.nanoTime();
      T result = call.get();
      millis.add((System.nanoTime() - started) / 1e6);
      return result;
    }

    Map<String, Object> summary() {
      List<Double> sorted = millis.stream().sorted().toList();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("route", route);
      summary.put("calls", sorted.size());
      summary.put("p50Ms", percentile(sorted, 0.50));
      summary.put("p95Ms", percentile(sorted, 0.95));
      summary.put("p99Ms", percentile(sorted, 0.99));
      summary.put("maxMs", percentile(sorted, 1.0));
      return summary;
    }

    /** Nearest rank, to a tenth of a millisecond. */
    private static double percentile(List<Double> sorted, double p) {
      int rank = (int) Math.ceil(p * sorted.size());
      return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }
  }
}
