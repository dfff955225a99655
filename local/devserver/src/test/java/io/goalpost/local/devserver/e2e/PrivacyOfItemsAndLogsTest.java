package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.stack.RepositoryPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Issue 6's privacy proof (SPEC §5, docs/decisions/007): after a mixed scenario over HTTP, no log
 * line — the server's, the functions' loggers, anything printed to standard out or error — holds
 * an email, the raw IP or the user agent; no stored item outside lead items holds an email or the
 * IP; and after an erasure nothing of that lead is left but its tombstone. Its own dev server, so
 * the log is captured from the first line.
 */
class PrivacyOfItemsAndLogsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");
  /** The address the dev server's socket sees, which API Gateway's mapper hands on as sourceIp. */
  private static final String SOCKET_IP = "127.0.0.1";
  /** What the client claims in X-Forwarded-For (a documentation address, RFC 5737). */
  private static final String FORWARDED_IP = "203.0.113.77";
  private static final String DESKTOP_AGENT =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.127 Safari/537.36";
  private static final String ADA_PHONE = "AdaPhoneVisitor00000001";
  private static final String ADA_LAPTOP = "AdaLaptopVisitor0000001";
  private static final String ERIN_PHONE = "ErinPhoneVisitor0000001";
  private static final String ERIN_LAPTOP = "ErinLaptopVisitor000001";
  private static final String ERIN = "Erin.Erased@Example.org";
  private static final String BOB_LAPTOP = "BobLaptopVisitor0000001";
  private static final String BOB = "bob.noconsent@example.com";
  /** Emails only ever sent in requests that are refused: they must be stored nowhere. */
  private static final List<String> REFUSED = List.of("refused.optin@example.net", "refused.beacon@example.net",
      "refused.webhook@example.net", "refused.signature@example.net", "refused.json@example.net",
      "refused.key@example.net", "refused.stripe@example.net");
  private static final String OUTAGE_LAPTOP = "OutageLaptopVisitor0001";
  private static final String OUTAGE_BUYER = "outage.buyer@example.com";
  private static final List<String> ACCEPTED = List.of("ada.lovelace@example.com", "bob.noconsent@example.com",
      "carol.buyer@example.com", "buyer@example.com", ERIN, "dana.query@example.com", OUTAGE_BUYER);

  private static CapturedLog log;
  private static DevServer server;
  private static Http http;

  @BeforeAll
  static void startAServerWhoseEveryLogLineIsCaptured() {
    log = CapturedLog.install();
    server = DevServer.start(DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0).withoutSchedules()
        .withLog(log::serverLine).withFunctionLog(log.functionLog()));
    http = new Http(server.baseUri());
  }

  @AfterAll
  static void stopTheServer() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      log.close();
    }
  }

  @Test
  void afterAMixedScenarioAndAnErasureNoLogLineOrNonLeadItemHoldsAnEmailOrIpAndOnlyTheTombstoneRemains() {
    createPurchaseLink("privacy-ad", "course-101");
    createOptInLink("privacy-webinar");

    String ada = leadIdOf(optIn("{\"email\": \"Ada.Lovelace@Example.com\", \"gdprConsent\": true, \"visitorId\": \""
        + ADA_PHONE + "\", \"formId\": \"newsletter\"}"));
    String bob = leadIdOf(optIn("{\"email\": \"" + BOB + "\", \"gdprConsent\": false, \"visitorId\": \""
        + BOB_LAPTOP + "\"}"));
    String erin = leadIdOf(optIn("{\"email\": \"" + ERIN + "\", \"gdprConsent\": true, \"visitorId\": \""
        + ERIN_PHONE + "\"}"));

    String adaClick = click("/l/privacy-ad", ADA_PHONE);
    click("/l/privacy-ad", ERIN_PHONE);
    click("/l/privacy-webinar", null);
    // Mailing tools append the subscriber's email to links: it must pass through, never be kept.
    click("/l/privacy-ad?utm_source=newsletter&subscriber=dana.query%40example.com", null);
    pageEvent("{\"type\": \"page_view\", \"url\": \"https://shop.example/course\", \"consent\": \"all\","
        + " \"visitorId\": \"" + ADA_PHONE + "\", \"eventId\": \"ev_privacy_all\"}");
    pageEvent("{\"type\": \"opt_in\", \"url\": \"https://shop.example/webinar\", \"consent\": \"essential\","
        + " \"clickId\": \"" + adaClick + "\", \"eventId\": \"ev_privacy_essential\"}");
    pageEvent("{\"type\": \"page_view\", \"url\": \"https://shop.example/course\", \"consent\": \"all\","
        + " \"visitorId\": \"" + ERIN_PHONE + "\", \"eventId\": \"ev_privacy_erin\"}");

    URI personalised = URI.create(personalisedUrl(ada, "privacy-ad"));
    assertThat(http.get(personalised.getRawPath() + "?" + personalised.getRawQuery(),
        "user-agent", DESKTOP_AGENT, "x-forwarded-for", FORWARDED_IP).statusCode()).isEqualTo(302);

    postSale("msg_privacy_1", "ord_privacy_1", "ADA.LOVELACE@example.com", ADA_LAPTOP, null);
    postSale("msg_privacy_2", "ord_privacy_2", "carol.buyer@example.com", null, adaClick);
    postSale("msg_privacy_3", "ord_privacy_3", ERIN, ERIN_LAPTOP, null);
    postSale("msg_privacy_4", "ord_privacy_4", BOB, BOB_LAPTOP, null);
    long t = Instant.now().getEpochSecond();
    String stripe = SignedStripe.checkoutCompleted("evt_privacy", t, "paid", 4900, "usd", null, "pi_privacy",
        "course-101", adaClick);
    assertThat(http.postJson("/webhooks/stripe", stripe, SignedStripe.headers(t, stripe)).statusCode()).isEqualTo(200);

    HttpResponse<String> found = http.apiPost("/api/leads/search", "{\"email\": \"ada.lovelace@EXAMPLE.com\"}");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(http.apiGet("/api/leads/" + ada).statusCode()).isEqualTo(200);

    refuseRequestsCarryingEmails(t);
    Settled.within(server, Duration.ofSeconds(30));

    ErasedLead erased = new ErasedLead(erin, ERIN, item("LEAD#" + erin, "LEAD").get("emailHash").s(),
        verifiedVisitors(erin));
    ErasedLead erasedWithoutConsent = new ErasedLead(bob, BOB, item("LEAD#" + bob, "LEAD").get("emailHash").s(),
        verifiedVisitors(bob));
    assertThat(erased.visitors()).as("Erin's verified visitors").contains(ERIN_PHONE);
    assertThat(everyItemOfEveryTable()).as("Bob's diagnostic join")
        .anyMatch(item -> item.get("pk").s().equals("DIAG#" + erasedWithoutConsent.emailHash()));
    assertThat(http.apiDelete("/api/leads/" + erin).statusCode()).isEqualTo(202);
    assertThat(http.apiDelete("/api/leads/" + bob).statusCode()).isEqualTo(202);
    Settled.within(server, Duration.ofSeconds(30));

    assertNoLogLineHoldsAnEmailTheIpOrTheUserAgent();
    assertNoItemOutsideLeadItemsHoldsAnEmailOrTheIp();
    assertOnlyTheTombstoneOfTheErasedLeadRemains(erased);
    assertOnlyTheTombstoneOfTheErasedLeadRemains(erasedWithoutConsent);
  }

  /**
   * Issue 6, docs/decisions/011: while SQS is down the webhook keeps the sale in the outbox, and the
   * buyer's email travels sealed — in the item, in the message the re-drive sends, in the
   * dead-letter queue — until the worker opens it to make the lead.
   */
  @Test
  void aSaleKeptWhileTheQueueIsDownHoldsItsEmailOnlySealedUntilTheWorkerMakesItsLead() {
    createPurchaseLink("privacy-outage", "course-101");
    click("/l/privacy-outage", OUTAGE_LAPTOP);
    Settled.within(server, Duration.ofSeconds(30));
    int deliveredBefore = server.deliveredFrom("EventsQueue").size();

    server.stack().stopSqs();
    try {
      postSale("msg_privacy_outage", "ord_privacy_outage", "Outage.Buyer@Example.com", OUTAGE_LAPTOP, null);
    } finally {
      server.stack().startSqs();
    }

    List<String> kept = everyItemOfEveryTable().stream().filter(item -> item.get("pk").s().startsWith("OUTBOX#"))
        .map(item -> item.get("event").s()).filter(event -> event.contains("msg_privacy_outage")).toList();
    assertThat(kept).as("the sale waits in the outbox").hasSize(1);
    // Not a lone '@': random ciphertext holds the byte 0x40 about one time in seven.
    assertThat(sealedBytes(kept.get(0))).as("the seal is not merely an encoding")
        .doesNotContainIgnoringCase("outage.buyer").doesNotContainIgnoringCase("@example.com");
    assertNoItemOutsideLeadItemsHoldsAnEmailOrTheIp();
    assertThat(http.apiPost("/api/leads/search", "{\"email\": \"" + OUTAGE_BUYER + "\"}").statusCode())
        .as("no lead before the worker has the sale").isEqualTo(404);

    server.fireSchedules("AttributionFunction");
    Settled.within(server, Duration.ofSeconds(30));

    List<String> delivered = server.deliveredFrom("EventsQueue");
    assertThat(delivered.subList(deliveredBefore, delivered.size())).as("what the queue carried")
        .anyMatch(body -> body.contains("msg_privacy_outage"))
        .allSatisfy(body -> assertThat(body).doesNotContain("@").doesNotContainIgnoringCase("outage.buyer"))
        .filteredOn(body -> body.contains("msg_privacy_outage"))
        .allSatisfy(body -> assertThat(sealedBytes(body)).doesNotContainIgnoringCase("outage.buyer"));
    assertThat(deadLetters()).as("the dead-letter queue").allSatisfy(body -> assertThat(body).doesNotContain("@"));
    assertThat(everyItemOfEveryTable()).as("re-driven, then forgotten")
        .noneMatch(item -> item.get("pk").s().startsWith("OUTBOX#"));
    HttpResponse<String> lead = http.apiPost("/api/leads/search", "{\"email\": \"" + OUTAGE_BUYER + "\"}");
    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(200);
    assertThat(json(lead).path("email").asText()).isEqualTo(OUTAGE_BUYER);
    JsonNode stats = json(http.apiGet("/api/links/privacy-outage/stats"));
    assertThat(stats.path("goals").asInt()).as(stats.toString()).isEqualTo(1);
    assertThat(stats.path("revenue").path("USD").asLong()).as(stats.toString()).isEqualTo(4900);
    assertNoItemOutsideLeadItemsHoldsAnEmailOrTheIp();
    assertNoLogLineHoldsAnEmailTheIpOrTheUserAgent();
  }

  /** The sealed email's bytes as they are, should the seal be a mere encoding of the address. */
  private static String sealedBytes(String event) {
    String sealed = json(event).path("sealedEmail").asText();
    assertThat(sealed).startsWith("v1.");
    return new String(Base64.getUrlDecoder().decode(sealed.substring(3)), StandardCharsets.ISO_8859_1);
  }

  private static List<String> deadLetters() {
    return server.stack().sqsClient().receiveMessage(r -> r.queueUrl(server.stack().queueUrl("EventsDeadLetterQueue"))
        .maxNumberOfMessages(10).waitTimeSeconds(0)).messages().stream().map(m -> m.body()).toList();
  }

  private void assertNoLogLineHoldsAnEmailTheIpOrTheUserAgent() {
    List<String> lines = log.lines();
    assertThat(lines).as("the capture sees the request log").anyMatch(line -> line.contains("/api/leads"));
    List<String> secrets = new ArrayList<>(ACCEPTED);
    secrets.addAll(REFUSED);
    secrets.addAll(List.of(SOCKET_IP, FORWARDED_IP, DESKTOP_AGENT, "Chrome/126.0.6478.127", "%40example", "dana.query"));
    List<String> leaks = new ArrayList<>();
    for (String line : lines) {
      // The banner names the emulators' endpoints on this host: an address, but no one's.
      String lower = line.toLowerCase(Locale.ROOT).replace("://" + SOCKET_IP + ":", "://emulator:");
      boolean leaking = secrets.stream().anyMatch(secret -> lower.contains(secret.toLowerCase(Locale.ROOT)))
          || EMAIL.matcher(lower).find();
      if (leaking) {
        leaks.add(line);
      }
    }
    assertThat(leaks).as("log lines holding an email, the IP or the user agent").isEmpty();
  }

  private void assertNoItemOutsideLeadItemsHoldsAnEmailOrTheIp() {
    for (Map<String, AttributeValue> item : everyItemOfEveryTable()) {
      String text = item.toString().toLowerCase(Locale.ROOT);
      boolean leadItem = item.get("pk").s().startsWith("LEAD#") && item.get("sk").s().equals("LEAD");
      if (!leadItem) {
        assertThat(text).as(key(item)).doesNotContain("@").doesNotContain("%40").doesNotContain("dana.query");
      }
      for (String refused : REFUSED) {
        assertThat(text).as(key(item)).doesNotContain(refused);
      }
      assertThat(text).as(key(item)).doesNotContain(SOCKET_IP).doesNotContain(FORWARDED_IP);
    }
  }

  private record ErasedLead(String leadId, String email, String emailHash, List<String> visitors) {}

  private List<String> verifiedVisitors(String leadId) {
    List<String> visitors = new ArrayList<>();
    json(http.apiGet("/api/leads/" + leadId)).path("visitorIds").forEach(v -> visitors.add(v.asText()));
    return visitors;
  }

  private void assertOnlyTheTombstoneOfTheErasedLeadRemains(ErasedLead lead) {
    List<Map<String, AttributeValue>> items = everyItemOfEveryTable();
    assertThat(items).filteredOn(item -> item.get("pk").s().equals("LEAD#" + lead.leadId()))
        .singleElement().satisfies(tombstone -> {
          assertThat(tombstone.get("sk").s()).isEqualTo("LEAD");
          assertThat(tombstone).doesNotContainKeys("email", "emailHash");
        });
    assertThat(items).noneMatch(item -> item.get("pk").s().equals("EMAIL#" + lead.emailHash()));
    assertThat(items).noneMatch(item -> item.get("pk").s().equals("DIAG#" + lead.emailHash()));
    assertThat(items).noneMatch(item -> item.get("pk").s().equals("VID#lead#" + lead.leadId()));
    for (String visitor : lead.visitors()) {
      assertThat(items).as(visitor).noneMatch(item -> item.get("pk").s().equals("VID#" + visitor));
    }
    for (Map<String, AttributeValue> item : items) {
      String text = item.toString().toLowerCase(Locale.ROOT);
      assertThat(text).as(key(item)).doesNotContain(lead.email().toLowerCase(Locale.ROOT))
          .doesNotContain(lead.emailHash());
    }
  }

  /** Bad input carrying emails: each refused with a 4xx, none of the emails kept or logged. */
  private void refuseRequestsCarryingEmails(long t) {
    assertThat(optIn("{\"email\": \"refused.optin@example.net\", \"password\": \"hunter2\"}").statusCode()).isEqualTo(400);
    HttpResponse<String> beacon = http.postJson("/e", "{\"type\": \"opt_in\", \"url\": \"https://shop.example/join\","
        + " \"consent\": \"all\", \"visitorId\": \"" + ADA_PHONE + "\", \"email\": \"refused.beacon@example.net\","
        + " \"eventId\": \"ev_privacy_refused\"}", "user-agent", DESKTOP_AGENT, "x-forwarded-for", FORWARDED_IP);
    assertThat(beacon.statusCode()).isIn(202, 400);
    String badSale = """
        {"type": "sale", "orderId": "ord_refused", "productId": "course-101", "amount": "lots", "currency": "USD",
         "email": "refused.webhook@example.net", "occurredAt": "%s"}""".formatted(Instant.now());
    HttpResponse<String> invalid = http.postJson("/webhooks/orders", badSale, SignedOrders.headers("msg_refused", t, badSale));
    assertThat(invalid.statusCode()).as(invalid.body()).isBetween(400, 499);
    String unsigned = badSale.replace("refused.webhook", "refused.signature").replace("\"lots\"", "4900");
    HttpResponse<String> forged = http.postJson("/webhooks/orders", unsigned, SignedOrders.headers("msg_forged", t, badSale));
    assertThat(forged.statusCode()).as(forged.body()).isBetween(400, 499);
    String malformed = "{\"type\": \"sale\", \"email\": refused.json@example.net}";
    assertThat(http.postJson("/webhooks/orders", malformed, SignedOrders.headers("msg_malformed", t, malformed))
        .statusCode()).isBetween(400, 499);
    assertThat(optIn(malformed.replace("sale", "x")).statusCode()).isEqualTo(400);
    String oddKey = """
        {"type": "sale", "orderId": "ord_odd", "productId": "course-101", "amount": 4900, "currency": "USD",
         "refused.key@example.net": true, "occurredAt": "%s"}""".formatted(Instant.now());
    assertThat(http.postJson("/webhooks/orders", oddKey, SignedOrders.headers("msg_odd", t, oddKey)).statusCode())
        .isBetween(200, 499);
    assertThat(optIn("{\"email\": \"a@example.com\", \"refused.key@example.net\": 1}").statusCode()).isEqualTo(400);
    String badStripe = SignedStripe.checkoutCompleted("evt_refused", t, "paid", -1, "usd", null, "pi_refused",
        "course-101", "x").replace("buyer@example.com", "refused.stripe@example.net");
    assertThat(http.postJson("/webhooks/stripe", badStripe, SignedStripe.headers(t, badStripe)).statusCode())
        .isBetween(200, 499);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static HttpResponse<String> optIn(String body) {
    return http.apiPost("/api/leads", body);
  }

  private static String leadIdOf(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    return json(created).path("leadId").asText();
  }

  private static String click(String path, String visitorId) {
    HttpResponse<String> response = visitorId == null
        ? http.get(path, "user-agent", DESKTOP_AGENT, "x-forwarded-for", FORWARDED_IP)
        : http.get(path, "user-agent", DESKTOP_AGENT, "x-forwarded-for", FORWARDED_IP, "cookie", "gp_vid=" + visitorId);
    assertThat(response.statusCode()).isEqualTo(302);
    return QueryStrings.parse(URI.create(response.headers().firstValue("location").orElseThrow()).getRawQuery())
        .get("gp_cid").get(0);
  }

  private static void pageEvent(String body) {
    HttpResponse<String> response = http.postJson("/e", body, "user-agent", DESKTOP_AGENT,
        "x-forwarded-for", FORWARDED_IP);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private static void createPurchaseLink(String slug, String productId) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/checkout", "channel": "email",
         "slug": "%s", "goal": {"type": "purchase", "productId": "%s"}}""".formatted(slug, slug, productId));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static void createOptInLink(String slug) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/webinar", "channel": "email",
         "slug": "%s", "goal": {"type": "opt_in"}}""".formatted(slug, slug));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static String personalisedUrl(String leadId, String slug) {
    HttpResponse<String> response = http.apiPost("/api/leads/" + leadId + "/links/" + slug, "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).path("url").asText();
  }

  private static void postSale(String webhookId, String orderId, String email, String visitorId, String clickId) {
    String body = """
        {"type": "sale", "orderId": "%s", "productId": "course-101", "amount": 4900, "currency": "USD",
         "email": "%s", %s%s"occurredAt": "%s"}""".formatted(orderId, email,
        visitorId == null ? "" : "\"visitorId\": \"" + visitorId + "\", ",
        clickId == null ? "" : "\"clickId\": \"" + clickId + "\", ",
        Instant.now().plusSeconds(1));
    HttpResponse<String> response = http.postJson("/webhooks/orders", body,
        SignedOrders.headers(webhookId, Instant.now().getEpochSecond(), body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    Map<String, AttributeValue> item = server.stack().dynamoDbClient().getItem(get -> get
        .tableName(server.stack().tableName("GoalpostTable"))
        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))).consistentRead(true)).item();
    assertThat(item).as(pk + "/" + sk).isNotEmpty();
    return item;
  }

  /** Every item of every table the template declares. */
  private static List<Map<String, AttributeValue>> everyItemOfEveryTable() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (String table : server.stack().dynamoDbClient().listTables().tableNames()) {
      server.stack().dynamoDbClient().scanPaginator(ScanRequest.builder().tableName(table).build())
          .items().forEach(items::add);
    }
    return items;
  }

  private static String key(Map<String, AttributeValue> item) {
    return item.get("pk").s() + "/" + item.get("sk").s();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
