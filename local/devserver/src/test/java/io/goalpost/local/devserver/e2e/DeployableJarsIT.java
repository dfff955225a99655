package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.stack.RepositoryPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jars we deploy, not the classes we compiled: the dev server hosts each function from its
 * shaded jar (the template's {@code CodeUri}) in a class loader of its own, and one purchase goes
 * through all five — link, click, landing page, sale, worker, stats. A class or resource the shade
 * plugin left out, or a service file it mangled, fails here as it would on Lambda. Runs after
 * {@code package} (failsafe), when the jars exist.
 */
class DeployableJarsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static DevServer server;
  private static Http http;

  @BeforeAll
  static void startFromTheJars() {
    server = DevServer.start(DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0)
        .withoutSchedules().fromDeployableJars());
    http = new Http(server.baseUri());
    for (String function : server.template().functions().stream().map(f -> f.logicalId()).toList()) {
      // A benchmark line, not an assertion: what each jar costs to load and initialise in a warm JVM.
      System.out.printf("init %-20s %5d ms%n", function, server.function(function).initDuration().toMillis());
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPurchaseGoesThroughAllFiveDeployableJarsToTheLinksStats() {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "Jar check", "destination": "https://shop.example/course", "channel": "newsletter",
         "slug": "jar-check", "goal": {"type": "purchase", "productId": "course-jar"}}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<String> click = http.get("/l/jar-check",
        "user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
    assertThat(click.statusCode()).isEqualTo(302);
    List<String> clickIds = QueryStrings.parse(
        URI.create(click.headers().firstValue("location").orElseThrow()).getRawQuery()).get("gp_cid");
    assertThat(clickIds).hasSize(1);
    String clickId = clickIds.get(0);

    HttpResponse<String> script = http.get("/t.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("gp_cid");
    HttpResponse<String> view = http.postJson("/e", """
        {"type": "checkout_view", "url": "https://shop.example/course", "productId": "course-jar",
         "consent": "essential"}""");
    assertThat(view.statusCode()).as(view.body()).isEqualTo(202);

    String sale = """
        {"type": "sale", "orderId": "ord_jar_1", "productId": "course-jar", "amount": 12900, "currency": "EUR",
         "clickId": "%s", "occurredAt": "%s"}""".formatted(clickId, Instant.now());
    HttpResponse<String> paid = http.postJson("/webhooks/orders", sale,
        SignedOrders.headers("msg_jar_1", Instant.now().getEpochSecond(), sale));
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> stats("/api/links/jar-check/stats").path("goals").asInt() == 1);
    JsonNode link = stats("/api/links/jar-check/stats");
    assertThat(link.path("clicks").asInt()).isEqualTo(1);
    assertThat(link.path("revenue").path("EUR").asLong()).isEqualTo(12900);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> stats("/api/products/course-jar/stats").path("checkoutViews").asInt() == 1);

    // The schedule's event reaches the worker's stream handler through the jar's own JSON reading.
    server.fireSchedules("AttributionFunction");
  }

  private static JsonNode stats(String path) {
    HttpResponse<String> response = http.apiGet(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
