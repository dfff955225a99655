package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.template.SamTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/openapi.json} says what the API does: real responses of the dev server, the
 * successes and the errors, each validated against the schema the document gives for its path,
 * method and status.
 */
@ExtendWith(DevServerExtension.class)
class ApiMatchesItsOpenApiDocumentTest {

  private final DevServer server;
  private final Http http;
  private OpenApiDocument document;

  ApiMatchesItsOpenApiDocumentTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void loadTheDocumentOnAnEmptyStack() {
    Settled.reset(server);
    HttpResponse<String> served = http.get("/api/openapi.json");
    assertThat(served.statusCode()).as("served without an API key").isEqualTo(200);
    assertThat(served.headers().firstValue("content-type")).hasValue("application/json");
    document = new OpenApiDocument(served.body());
  }

  @Test
  void theDocumentIsOpenApi31AndDescribesEveryApiRouteTheTemplateDeclares() {
    assertThat(document.json().path("openapi").asText()).isEqualTo("3.1.0");
    SamTemplate.FunctionDef api = server.template().function("ApiFunction").orElseThrow();
    List<SamTemplate.HttpRoute> apiRoutes = api.routes().stream()
        .filter(route -> route.path().startsWith("/api/")).toList();

    assertThat(apiRoutes).hasSizeGreaterThanOrEqualTo(10);
    assertThat(apiRoutes).allSatisfy(route ->
        assertThat(document.documents(route.method(), route.path())).as(route.routeKey()).isTrue());
  }

  @Test
  void linkRoutesAnswerAsDocumentedWhetherTheyAcceptOrRefuse() {
    String link = """
        {"name": "Spring", "destination": "https://shop.example/spring", "channel": "newsletter",
         "campaign": "spring", "slug": "spring-doc", "goal": {"type": "opt_in"}}""";
    check("POST", "/api/links", http.apiPost("/api/links", link), 201);
    check("POST", "/api/links", http.apiPost("/api/links", link), 409);
    check("POST", "/api/links", http.apiPost("/api/links", "{\"name\": \"x\"}"), 400);
    check("POST", "/api/links", http.apiPost("/api/links", "{\"nmae\": \"x\"}"), 400);
    check("POST", "/api/links", http.postJson("/api/links", link), 401);
    check("POST", "/api/links", http.apiPost("/api/links", "{\"name\": \"" + "x".repeat(17_000) + "\"}"), 413);
    check("POST", "/api/links", postText("/api/links", link), 415);
    check("POST", "/api/links", http.apiPost("/api/links", """
        {"name": "No goal", "destination": "https://shop.example/", "channel": "ads"}"""), 201);

    check("GET", "/api/links", http.apiGet("/api/links?limit=1"), 200);
    check("GET", "/api/links", http.apiGet("/api/links"), 200);
    check("GET", "/api/links", http.apiGet("/api/links?limit=0"), 400);
    check("GET", "/api/links/{slug}", http.apiGet("/api/links/spring-doc"), 200);
    check("GET", "/api/links/{slug}", http.apiGet("/api/links/nope"), 404);
    check("PATCH", "/api/links/{slug}", http.apiPatch("/api/links/spring-doc", "{\"campaign\": null}"), 200);
    check("PATCH", "/api/links/{slug}", http.apiPatch("/api/links/spring-doc", "{\"countRebills\": true}"), 400);
    check("PATCH", "/api/links/{slug}", http.apiPatch("/api/links/nope", "{\"name\": \"n\"}"), 404);
    check("DELETE", "/api/links/{slug}", http.apiDelete("/api/links/spring-doc"), 204);
    check("DELETE", "/api/links/{slug}", http.apiDelete("/api/links/nope"), 404);
  }

  @Test
  void statsChannelsAndProductsWithASaleInThemAnswerAsDocumented() {
    check("POST", "/api/links", http.apiPost("/api/links", """
        {"name": "Course", "destination": "https://shop.example/course", "channel": "facebook-ads",
         "slug": "course-doc", "goal": {"type": "purchase", "productId": "course-101"}, "countRebills": true}"""), 201);
    String clickId = click("course-doc");
    String sale = """
        {"type": "sale", "orderId": "ord_doc", "productId": "course-101", "amount": 4900, "currency": "USD",
         "clickId": "%s", "occurredAt": "%s"}""".formatted(clickId, Instant.now());
    assertThat(http.postJson("/webhooks/orders", sale,
        SignedOrders.headers("msg_doc", Instant.now().getEpochSecond(), sale)).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
        http.apiGet("/api/links/course-doc/stats").body().contains("\"USD\":4900"));

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    check("GET", "/api/links/{slug}/stats", http.apiGet("/api/links/course-doc/stats"), 200);
    check("GET", "/api/links/{slug}/stats", http.apiGet("/api/links/course-doc/stats?from=" + today + "&to=" + today), 200);
    check("GET", "/api/links/{slug}/stats", http.apiGet("/api/links/course-doc/stats?from=2025-02-01&to=2025-01-01"), 400);
    check("GET", "/api/links/{slug}/stats", http.apiGet("/api/links/nope/stats"), 404);
    check("GET", "/api/channels", http.apiGet("/api/channels"), 200);
    check("GET", "/api/channels", http.apiGet("/api/channels?from=yesterday"), 400);
    check("GET", "/api/products", http.apiGet("/api/products"), 200);
    check("GET", "/api/products", http.apiGet("/api/products?limit=101"), 400);
    check("GET", "/api/products/{productId}/stats", http.apiGet("/api/products/course-101/stats"), 200);
    check("GET", "/api/products/{productId}/stats", http.apiGet("/api/products/never-sold/stats"), 200);
    check("GET", "/api/products/{productId}/stats", http.apiGet("/api/products/course-101/stats?from=2025-02-01&to=2025-01-01"), 400);
  }

  @Test
  void leadRoutesAnswerAsDocumented() {
    check("POST", "/api/links", http.apiPost("/api/links", """
        {"name": "Spring", "destination": "https://shop.example/", "channel": "newsletter", "slug": "lead-doc"}"""), 201);
    HttpResponse<String> created = http.apiPost("/api/leads",
        "{\"email\": \"Ann@Example.com\", \"gdprConsent\": true, \"formId\": \"newsletter\"}");
    check("POST", "/api/leads", created, 201);
    String leadId = created.body().replaceAll(".*\"leadId\":\"([^\"]+)\".*", "$1");
    check("POST", "/api/leads", http.apiPost("/api/leads", "{\"email\": \"ann@example.com\"}"), 200);
    check("POST", "/api/leads", http.apiPost("/api/leads", "{\"gdprConsent\": true}"), 400);
    check("POST", "/api/leads", http.postJson("/api/leads", "{\"email\": \"ann@example.com\"}"), 401);
    check("POST", "/api/leads/search", http.apiPost("/api/leads/search", "{\"email\": \"ann@example.com\"}"), 200);
    check("POST", "/api/leads/search", http.apiPost("/api/leads/search", "{\"email\": \"bob@example.com\"}"), 404);
    check("GET", "/api/leads/{leadId}", http.apiGet("/api/leads/" + leadId), 200);
    check("GET", "/api/leads/{leadId}", http.apiGet("/api/leads/nobody"), 404);
    check("PATCH", "/api/leads/{leadId}", http.apiPatch("/api/leads/" + leadId, "{\"gdprConsent\": false}"), 200);
    check("PATCH", "/api/leads/{leadId}", http.apiPatch("/api/leads/" + leadId, "{\"gdprConsent\": \"no\"}"), 400);
    check("POST", "/api/leads/{leadId}/links/{slug}", http.apiPost("/api/leads/" + leadId + "/links/lead-doc", ""), 201);
    check("POST", "/api/leads/{leadId}/links/{slug}", http.apiPost("/api/leads/" + leadId + "/links/nope", ""), 404);
    check("DELETE", "/api/leads/{leadId}", http.apiDelete("/api/leads/" + leadId), 202);
    check("DELETE", "/api/leads/{leadId}", http.apiDelete("/api/leads/nobody"), 404);
  }

  @Test
  void aResponseThatDisagreesWithTheDocumentIsCaught() {
    HttpResponse<String> link = http.apiPost("/api/links", """
        {"name": "Spring", "destination": "https://shop.example/", "channel": "newsletter", "slug": "caught"}""");
    assertThat(document.problems("#/components/schemas/Link", link.body())).isEmpty();

    assertThat(document.problems("#/components/schemas/Link", link.body().replace("\"channel\"", "\"chanel\"")))
        .isNotEmpty();
    assertThat(document.problems("#/components/schemas/Link", link.body().replace("\"archived\":false", "\"archived\":\"no\"")))
        .isNotEmpty();
    assertThat(document.problems("#/components/schemas/Money", "{\"usd\": 4900}")).isNotEmpty();
    assertThat(document.problems("GET", "/api/links/{slug}", http.apiGet("/api/links/caught?limit=1")))
        .as("a 200 the document lists").isEmpty();
    assertThat(document.problems("DELETE", "/api/channels", link)).as("an operation the document lacks").isNotEmpty();
  }

  private void check(String method, String path, HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    assertThat(document.problems(method, path, response)).as(method + " " + path + " " + status).isEmpty();
  }

  private HttpResponse<String> postText(String path, String body) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri().resolve(path))
          .header("authorization", "Bearer " + Http.API_KEY).header("content-type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String click(String slug) {
    HttpResponse<String> click = http.get("/l/" + slug, "user-agent",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36");
    String query = URI.create(click.headers().firstValue("location").orElseThrow()).getRawQuery();
    return QueryStrings.parse(query).get("gp_cid").get(0);
  }
}
