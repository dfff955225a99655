package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Leads, consent and personalised links over real HTTP against the dev server (SPEC §3 Consent
 * and identity, Leads; §4; docs/decisions/007): one scenario per bullet of issue 6 that is ours,
 * the abuse cases, and a scan of every stored item for emails and IPs.
 */
@ExtendWith(DevServerExtension.class)
class LeadsOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PHONE = "PhoneVisitor00000000001";
  private static final String LAPTOP = "LaptopVisitor0000000001";

  private final DevServer server;
  private final Http http;

  LeadsOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    Settled.reset(server);
  }

  @Test
  void aServerSideOptInCreatesThenFindsTheLeadAndShowsItsConsentAndVerifiedVisitor() {
    HttpResponse<String> created = optIn("{\"email\": \" Ada@Example.com \", \"gdprConsent\": true, \"visitorId\": \""
        + PHONE + "\", \"formId\": \"newsletter\"}");
    HttpResponse<String> again = optIn("{\"email\": \"ada@example.com\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    String leadId = json(created).path("leadId").asText();
    assertThat(json(again).path("leadId").asText()).isEqualTo(leadId);
    Settled.within(server, Duration.ofSeconds(20));

    JsonNode lead = json(http.apiGet("/api/leads/" + leadId));
    assertThat(lead.path("email").asText()).isEqualTo("ada@example.com");
    assertThat(lead.path("gdprConsent").asBoolean()).isTrue();
    assertThat(lead.path("visitorIds")).extracting(JsonNode::asText).containsExactly(PHONE);
    assertThat(lead.path("consent").get(0).path("source").asText()).isEqualTo("opt_in");
    assertThat(lead.path("log")).extracting(entry -> entry.path("type").asText()).contains("opt_in");

    HttpResponse<String> found = http.apiPost("/api/leads/search", "{\"email\": \"ADA@example.com\"}");
    assertThat(json(found).path("leadId").asText()).isEqualTo(leadId);
    assertThat(http.apiPost("/api/leads/search", "{\"email\": \"nobody@example.com\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void badInputGetsA400WithItsReasonAndAnUnknownLeadA404() {
    assertBadRequest(optIn("{\"email\": \"not-an-email\"}"), "email");
    assertBadRequest(optIn("{\"email\": 42}"), "email must be a string");
    assertBadRequest(optIn("{\"email\": \"a@example.com\", \"gdprConsent\": \"yes\"}"), "gdprConsent must be true or false");
    assertBadRequest(optIn("{\"email\": \"a@example.com\", \"visitorId\": \"short\"}"), "visitorId");
    assertBadRequest(optIn("{\"email\": \"a@example.com\", \"clickId\": \"../etc\"}"), "clickId");
    assertBadRequest(optIn("{\"email\": \"a@example.com\", \"occurredAt\": \"soon\"}"), "occurredAt");
    assertBadRequest(optIn("{\"email\": \"a@example.com\", \"password\": \"x\"}"), "unknown field");
    assertBadRequest(http.apiPatch("/api/leads/Unknown1234567890", "{\"gdprConsent\": null}"), "gdprConsent");
    assertThat(http.apiGet("/api/leads/Unknown1234567890").statusCode()).isEqualTo(404);
    assertThat(http.apiGet("/api/leads/%3Cscript%3E").statusCode()).isEqualTo(404);
    assertThat(http.apiDelete("/api/leads/Unknown1234567890").statusCode()).isEqualTo(404);
    assertThat(http.apiPatch("/api/leads/Unknown1234567890", "{\"gdprConsent\": true}").statusCode()).isEqualTo(404);
    assertThat(http.postJson("/api/leads", "{\"email\": \"a@example.com\"}").statusCode()).isEqualTo(401);
    assertThat(scanTable()).isEmpty();
  }

  @Test
  void aConsentingLeadWhoClickedOnThePhoneAndBoughtOnTheLaptopIsCreditedWithPathLead() {
    createPurchaseLink("phone-ad", "course-101");
    optIn("{\"email\": \"ada@example.com\", \"gdprConsent\": true, \"visitorId\": \"" + PHONE + "\"}");
    clickWithCookie("phone-ad", PHONE);

    postSale("msg_cross_1", "ord_cross_1", "ada@example.com", LAPTOP, null);

    Settled.within(server, Duration.ofSeconds(30));
    assertThat(stats("phone-ad").path("goals").asInt()).isEqualTo(1);
    assertThat(creditPath("ord_cross_1")).isEqualTo("lead");
  }

  @Test
  void withoutConsentTheOtherDeviceSaleIsNotCreditedAndItsJoinIsOnlyDiagnostic() {
    createPurchaseLink("phone-ad", "course-101");
    String leadId = json(optIn("{\"email\": \"bob@example.com\", \"gdprConsent\": false, \"visitorId\": \"" + PHONE + "\"}"))
        .path("leadId").asText();
    clickWithCookie("phone-ad", PHONE);

    postSale("msg_cross_2", "ord_cross_2", "bob@example.com", LAPTOP, null);

    Settled.within(server, Duration.ofSeconds(30));
    assertThat(stats("phone-ad").path("goals").asInt()).isZero();
    assertThat(creditPath("ord_cross_2")).isNull();
    assertThat(json(http.apiGet("/api/leads/" + leadId)).path("visitorIds")).isEmpty();
    assertThat(scanTable()).filteredOn(item -> item.get("pk").s().startsWith("DIAG#"))
        .extracting(item -> item.get("visitorId").s()).containsExactlyInAnyOrder(PHONE, LAPTOP);
  }

  @Test
  void consentWithdrawnByPatchStopsTheLeadPathForLaterSales() {
    createPurchaseLink("phone-ad", "course-101");
    String leadId = json(optIn("{\"email\": \"cy@example.com\", \"gdprConsent\": true, \"visitorId\": \"" + PHONE + "\"}"))
        .path("leadId").asText();
    clickWithCookie("phone-ad", PHONE);

    HttpResponse<String> withdrawn = http.apiPatch("/api/leads/" + leadId, "{\"gdprConsent\": false}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(json(withdrawn).path("gdprConsent").asBoolean()).isFalse();
    postSale("msg_cross_3", "ord_cross_3", "cy@example.com", LAPTOP, null);

    Settled.within(server, Duration.ofSeconds(30));
    assertThat(creditPath("ord_cross_3")).isNull();
    assertThat(json(http.apiGet("/api/leads/" + leadId)).path("consent")).hasSize(2);
  }

  @Test
  void aConsentingLeadWhoOptsInOnThePhoneAndAgainOnTheLaptopCompletesTheLinksOptInGoalOnce() {
    createOptInLink("webinar-ads");
    String leadId = json(optIn("{\"email\": \"max@example.com\", \"gdprConsent\": true, \"visitorId\": \""
        + PHONE + "\"}")).path("leadId").asText();
    optIn("{\"email\": \"max@example.com\", \"gdprConsent\": true, \"visitorId\": \"" + LAPTOP + "\"}");
    clickWithCookie("webinar-ads", PHONE);
    clickWithCookie("webinar-ads", LAPTOP);
    Settled.within(server, Duration.ofSeconds(20));

    pageOptIn(PHONE, "ev_optin_phone");
    pageOptIn(LAPTOP, "ev_optin_laptop");

    Settled.within(server, Duration.ofSeconds(30));
    assertThat(json(http.apiGet("/api/leads/" + leadId)).path("visitorIds")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(PHONE, LAPTOP);
    // Two browsers, one person: without the lead's consent these would be two identities and two goals.
    assertThat(stats("webinar-ads").path("goals").asInt()).isEqualTo(1);
  }

  @Test
  void aPersonalisedLinkPutsTheClickInTheLeadsLineageWithoutCookiesAndCreditsItsEmailOnlyPurchase() {
    createPurchaseLink("mail-ad", "course-101");
    String leadId = json(optIn("{\"email\": \"dee@example.com\", \"gdprConsent\": true}")).path("leadId").asText();

    String url = personalisedUrl(leadId, "mail-ad");
    HttpResponse<String> click = http.get(URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery());
    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().firstValue("location").orElseThrow()).doesNotContain("gp_lt").contains("gp_cid=");
    assertThat(click.headers().firstValue("set-cookie")).isEmpty();
    postSale("msg_pl_1", "ord_pl_1", "dee@example.com", null, null);

    Settled.within(server, Duration.ofSeconds(30));
    assertThat(creditPath("ord_pl_1")).isEqualTo("lead");
    JsonNode log = json(http.apiGet("/api/leads/" + leadId)).path("log");
    assertThat(log).extracting(entry -> entry.path("type").asText()).containsExactly("opt_in", "click", "payment");
  }

  @Test
  void aConsentingLeadsPersonalisedClickStillCountsUnderEssentialOnlyConsent() {
    createOptInLink("webinar-mail");
    String leadId = json(optIn("{\"email\": \"eve@example.com\", \"gdprConsent\": true}")).path("leadId").asText();
    URI url = URI.create(personalisedUrl(leadId, "webinar-mail"));
    String clickId = clickIdOf(http.get(url.getRawPath() + "?" + url.getRawQuery()));
    Settled.within(server, Duration.ofSeconds(20));

    HttpResponse<String> event = http.postJson("/e", "{\"type\": \"opt_in\", \"url\": \"https://shop.example/webinar\","
        + " \"consent\": \"essential\", \"clickId\": \"" + clickId + "\", \"eventId\": \"ev_essential_1\"}");
    assertThat(event.statusCode()).isEqualTo(202);

    Settled.within(server, Duration.ofSeconds(30));
    assertThat(stats("webinar-mail").path("goals").asInt()).isEqualTo(1);
  }

  @Test
  void aForgedOrTamperedLeadTokenIsIgnoredAndTheClickIsAnOrdinaryOne() {
    createPurchaseLink("mail-ad", "course-101");
    String leadId = json(optIn("{\"email\": \"fay@example.com\", \"gdprConsent\": true}")).path("leadId").asText();
    String token = QueryStrings.parse(URI.create(personalisedUrl(leadId, "mail-ad")).getRawQuery()).get("gp_lt").get(0);
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    String forged = "v1." + leadId + ".9999999999.c2lnbmVkLWJ5LW5vYm9keQ";

    assertThat(http.get("/l/mail-ad?gp_lt=" + tampered).statusCode()).isEqualTo(302);
    assertThat(http.get("/l/mail-ad?gp_lt=" + forged).statusCode()).isEqualTo(302);
    postSale("msg_forged", "ord_forged", "fay@example.com", null, null);

    Settled.within(server, Duration.ofSeconds(30));
    assertThat(stats("mail-ad").path("clicks").asInt()).isEqualTo(2);
    assertThat(creditPath("ord_forged")).isNull();
    assertThat(json(http.apiGet("/api/leads/" + leadId)).path("log")).extracting(e -> e.path("type").asText())
        .doesNotContain("click");
  }

  @Test
  void aBeaconCannotCreateJoinOrConsentALead() {
    HttpResponse<String> beacon = http.postJson("/e", "{\"type\": \"opt_in\", \"url\": \"https://shop.example/join\","
        + " \"consent\": \"all\", \"visitorId\": \"" + PHONE + "\", \"email\": \"mallory@example.com\","
        + " \"gdprConsent\": true, \"eventId\": \"ev_mallory\"}");

    assertThat(beacon.statusCode()).isIn(202, 400);
    Settled.within(server, Duration.ofSeconds(20));
    assertThat(http.apiPost("/api/leads/search", "{\"email\": \"mallory@example.com\"}").statusCode()).isEqualTo(404);
    assertThat(scanTable()).noneMatch(item -> item.get("pk").s().startsWith("LEAD#")
        || item.get("pk").s().startsWith("EMAIL#") || item.get("pk").s().startsWith("DIAG#"));
    assertThat(scanTable().toString()).doesNotContain("mallory");
  }

  @Test
  void erasureAnswers202TombstonesAtOnceErasesTheTracesDropsLaterPageEventsAndKeepsTotalsAndPayments() {
    createPurchaseLink("phone-ad", "course-101");
    String leadId = json(optIn("{\"email\": \"jo@example.com\", \"gdprConsent\": true, \"visitorId\": \"" + PHONE + "\"}"))
        .path("leadId").asText();
    clickWithCookie("phone-ad", PHONE);
    postSale("msg_erase_1", "ord_erase_1", "jo@example.com", LAPTOP, null);
    Settled.within(server, Duration.ofSeconds(30));

    HttpResponse<String> erased = http.apiDelete("/api/leads/" + leadId);
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
    HttpResponse<String> gone = http.apiGet("/api/leads/" + leadId);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(json(gone).path("message").asText()).contains("erased");
    assertThat(http.apiDelete("/api/leads/" + leadId).statusCode()).isEqualTo(202);
    Settled.within(server, Duration.ofSeconds(30));

    http.postJson("/e", "{\"type\": \"page_view\", \"url\": \"https://shop.example/after\", \"consent\": \"all\","
        + " \"visitorId\": \"" + PHONE + "\", \"eventId\": \"ev_after_erasure\"}");
    postSale("msg_erase_2", "ord_erase_2", "jo@example.com", null, null);
    Settled.within(server, Duration.ofSeconds(30));

    List<Map<String, AttributeValue>> items = scanTable();
    assertThat(items).noneMatch(item -> item.get("pk").s().equals("VID#" + PHONE) || item.get("pk").s().equals("VID#" + LAPTOP));
    assertThat(items).filteredOn(item -> item.get("pk").s().equals("LEAD#" + leadId))
        .singleElement().satisfies(tombstone -> assertThat(tombstone).doesNotContainKeys("email", "emailHash"));
    assertThat(stats("phone-ad").path("goals").asInt()).isEqualTo(1);
    assertThat(creditPath("ord_erase_1")).isEqualTo("lead");
    assertThat(json(http.apiGet("/api/products/course-101/stats")).path("sales").asInt()).isEqualTo(2);
    String fresh = json(http.apiPost("/api/leads/search", "{\"email\": \"jo@example.com\"}")).path("leadId").asText();
    assertThat(fresh).isNotEmpty().isNotEqualTo(leadId);
    assertThat(json(http.apiGet("/api/leads/" + fresh)).path("visitorIds")).isEmpty();
  }

  @Test
  void afterAScenarioNoItemHoldsAnEmailOutsideLeadItemsOrAnyRawIp() {
    createPurchaseLink("phone-ad", "course-101");
    optIn("{\"email\": \"kim@example.com\", \"gdprConsent\": true, \"visitorId\": \"" + PHONE + "\"}");
    optIn("{\"email\": \"lou@example.com\", \"gdprConsent\": false, \"visitorId\": \"" + LAPTOP + "\"}");
    clickWithCookie("phone-ad", PHONE);
    http.get("/l/phone-ad");
    postSale("msg_scan_1", "ord_scan_1", "kim@example.com", LAPTOP, null);
    postSale("msg_scan_2", "ord_scan_2", "zed@example.com", null, null);
    Settled.within(server, Duration.ofSeconds(30));

    for (Map<String, AttributeValue> item : scanTable()) {
      String text = item.toString();
      boolean leadItem = item.get("pk").s().startsWith("LEAD#") && item.get("sk").s().equals("LEAD");
      if (!leadItem) {
        assertThat(text).as(item.get("pk").s()).doesNotContain("@example.com");
      }
      assertThat(text).as(item.get("pk").s()).doesNotContain("127.0.0.1");
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private HttpResponse<String> optIn(String body) {
    return http.apiPost("/api/leads", body);
  }

  private void pageOptIn(String visitorId, String eventId) {
    HttpResponse<String> event = http.postJson("/e", "{\"type\": \"opt_in\", \"url\": \"https://shop.example/webinar\","
        + " \"consent\": \"all\", \"visitorId\": \"" + visitorId + "\", \"eventId\": \"" + eventId + "\"}");
    assertThat(event.statusCode()).as(event.body()).isEqualTo(202);
  }

  private static void assertBadRequest(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).path("error").asText()).isEqualTo("bad_request");
    assertThat(json(response).path("message").asText()).contains(reason);
  }

  private void createPurchaseLink(String slug, String productId) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/checkout", "channel": "email",
         "slug": "%s", "goal": {"type": "purchase", "productId": "%s"}}""".formatted(slug, slug, productId));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private void createOptInLink(String slug) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/webinar", "channel": "email",
         "slug": "%s", "goal": {"type": "opt_in"}}""".formatted(slug, slug));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private String personalisedUrl(String leadId, String slug) {
    HttpResponse<String> response = http.apiPost("/api/leads/" + leadId + "/links/" + slug, "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).path("url").asText();
  }

  private String clickWithCookie(String slug, String visitorId) {
    return clickIdOf(http.get("/l/" + slug, "cookie", "gp_vid=" + visitorId));
  }

  private static String clickIdOf(HttpResponse<String> click) {
    assertThat(click.statusCode()).isEqualTo(302);
    return QueryStrings.parse(URI.create(click.headers().firstValue("location").orElseThrow()).getRawQuery())
        .get("gp_cid").get(0);
  }

  private void postSale(String webhookId, String orderId, String email, String visitorId, String clickId) {
    String body = """
        {"type": "sale", "orderId": "%s", "productId": "course-101", "amount": 4900, "currency": "USD",
         %s%s%s"occurredAt": "%s"}""".formatted(orderId,
        email == null ? "" : "\"email\": \"" + email + "\", ",
        visitorId == null ? "" : "\"visitorId\": \"" + visitorId + "\", ",
        clickId == null ? "" : "\"clickId\": \"" + clickId + "\", ",
        Instant.now().plusSeconds(1));
    HttpResponse<String> response = http.postJson("/webhooks/orders", body,
        SignedOrders.headers(webhookId, Instant.now().getEpochSecond(), body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private JsonNode stats(String slug) {
    HttpResponse<String> response = http.apiGet("/api/links/" + slug + "/stats");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  /** The credit's path on the stored conversion (the reconciliation route is another issue's). */
  private String creditPath(String orderId) {
    Map<String, AttributeValue> item = server.stack().dynamoDbClient().getItem(get -> get
        .tableName(server.stack().tableName("GoalpostTable"))
        .key(Map.of("pk", AttributeValue.fromS("CONV#sale#" + orderId), "sk", AttributeValue.fromS("CONV")))
        .consistentRead(true)).item();
    assertThat(item).as("conversion of " + orderId).isNotEmpty();
    AttributeValue credit = item.get("credit");
    return credit == null || credit.nul() != null && credit.nul() ? null : credit.m().get("path").s();
  }

  private List<Map<String, AttributeValue>> scanTable() {
    return server.stack().dynamoDbClient().scanPaginator(ScanRequest.builder()
        .tableName(server.stack().tableName("GoalpostTable")).build()).items().stream().toList();
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
