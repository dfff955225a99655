package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.stack.RepositoryPaths;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A week of mixed traffic on three channels, bots included, through a dev server of its own whose
 * clock the test moves day by day: clicks over HTTP (each day's first one rotates the salt), sales
 * through the signed orders webhook naming click ids. Every number in the link stats and the
 * channel comparison is checked against values worked out by hand (in the comments).
 *
 * <pre>
 * link         channel       Mon 7       Tue 8          Wed 9                Thu 10  Fri 11       Sun 13
 * fb-video     facebook-ads  alice×2 bob  alice          -                    -       kim          -
 *                            +fb preview  +Slackbot×2    (sale: bob's click, Tue, 4900 USD; sale naming a Slackbot click: none)
 * fb-carousel  facebook-ads  -            dave×3         (sale: dave, 9900 USD) harry  -            mo
 * news         newsletter    carol        -              carol×2 frank        -       jack         -
 *                                                        +Googlebot                   (sale: frank, 4900 USD)
 * yt           youtube       -            erin           erin gina            HEAD    (sale: erin, 2500 EUR)
 *                                                                                                  lena×2 +TelegramBot
 *                                                                                                  (sale: lena, 2500 EUR)
 * Saturday 12: nothing at all. Each name is one browser (one user agent) on 127.0.0.1.
 * </pre>
 */
class AWeekOfTrafficOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate MONDAY = LocalDate.parse("2025-04-07");
  private static final String RANGE = "from=2025-04-07&to=2025-04-13";
  private static final String FACEBOOK = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";
  private static final String SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
  private static final String GOOGLE = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
  private static final String TELEGRAM = "TelegramBot (like TwitterBot)";
  private static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina",
      "harry", "jack", "kim", "lena", "mo");

  private static MutableClock clock;
  private static DevServer server;
  private static Http http;
  private static int sales;

  @BeforeAll
  static void liveThroughTheWeek() throws Exception {
    clock = new MutableClock(MONDAY.atTime(8, 0).toInstant(ZoneOffset.UTC));
    server = DevServer.start(DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0)
        .withoutSchedules().withClock(clock));
    http = new Http(server.baseUri());
    for (String[] link : new String[][] {{"fb-video", "facebook-ads"}, {"fb-carousel", "facebook-ads"},
        {"news", "newsletter"}, {"yt", "youtube"}}) {
      assertThat(http.apiPost("/api/links", """
          {"name": "%s", "destination": "https://shop.example/course", "channel": "%s", "slug": "%s",
           "goal": {"type": "purchase", "productId": "course"}}""".formatted(link[0], link[1], link[0]))
          .statusCode()).isEqualTo(201);
    }

    day(0);
    click("fb-video", person("alice"));
    click("fb-video", person("alice"));
    String bobsClick = click("fb-video", person("bob"));
    click("fb-video", FACEBOOK);
    click("news", person("carol"));

    day(1);
    click("fb-video", person("alice"));
    String slackClick = click("fb-video", SLACK);
    click("fb-video", SLACK);
    String davesClick = click("fb-carousel", person("dave"));
    click("fb-carousel", person("dave"));
    click("fb-carousel", person("dave"));
    click("yt", person("erin"));
    sale(bobsClick, 4900, "USD");
    sale(slackClick, 1000, "USD");

    day(2);
    click("news", person("carol"));
    click("news", person("carol"));
    String franksClick = click("news", person("frank"));
    click("news", GOOGLE);
    String erinsClick = click("yt", person("erin"));
    click("yt", person("gina"));
    sale(davesClick, 9900, "USD");

    day(3);
    click("fb-carousel", person("harry"));
    assertThat(http.head("/l/yt").statusCode()).isEqualTo(302);

    day(4);
    click("news", person("jack"));
    click("fb-video", person("kim"));
    sale(franksClick, 4900, "USD");
    sale(erinsClick, 2500, "EUR");

    day(6);
    String lenasClick = click("yt", person("lena"));
    click("yt", person("lena"));
    click("yt", TELEGRAM);
    click("fb-carousel", person("mo"));
    sale(lenasClick, 2500, "EUR");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void countsEachLinksWeekAsWorkedOutByHand() {
    // fb-video: clicks 3+1+1, unique 2+1+1, bots 1+2 (the Slackbot click's sale earns nothing), bob's sale on Tue.
    awaitLink("fb-video", "{clicks=5, uniqueClicks=4, botClicks=3, goals=1, revenue={\"USD\":4900}, conversionRate=0.2}",
        "2025-04-07 3/2/0 {}", "2025-04-08 1/1/1 {\"USD\":4900}", "2025-04-09 0/0/0 {}", "2025-04-10 0/0/0 {}",
        "2025-04-11 1/1/0 {}", "2025-04-12 0/0/0 {}", "2025-04-13 0/0/0 {}");
    // fb-carousel: dave×3 is one unique click on Tue; harry Thu, mo Sun; dave's sale on Wed.
    awaitLink("fb-carousel", "{clicks=5, uniqueClicks=3, botClicks=0, goals=1, revenue={\"USD\":9900}, conversionRate=0.2}",
        "2025-04-07 0/0/0 {}", "2025-04-08 3/1/0 {}", "2025-04-09 0/0/1 {\"USD\":9900}", "2025-04-10 1/1/0 {}",
        "2025-04-11 0/0/0 {}", "2025-04-12 0/0/0 {}", "2025-04-13 1/1/0 {}");
    // news: carol Mon, carol×2 + frank Wed (Googlebot apart), jack Fri; frank's sale Fri.
    awaitLink("news", "{clicks=5, uniqueClicks=4, botClicks=1, goals=1, revenue={\"USD\":4900}, conversionRate=0.2}",
        "2025-04-07 1/1/0 {}", "2025-04-08 0/0/0 {}", "2025-04-09 3/2/0 {}", "2025-04-10 0/0/0 {}",
        "2025-04-11 1/1/1 {\"USD\":4900}", "2025-04-12 0/0/0 {}", "2025-04-13 0/0/0 {}");
    // yt: erin Tue, erin + gina Wed (erin again: a new day), the HEAD Thu counts nothing, lena×2 Sun; two EUR sales.
    awaitLink("yt", "{clicks=5, uniqueClicks=4, botClicks=1, goals=2, revenue={\"EUR\":5000}, conversionRate=0.4}",
        "2025-04-07 0/0/0 {}", "2025-04-08 1/1/0 {}", "2025-04-09 2/2/0 {}", "2025-04-10 0/0/0 {}",
        "2025-04-11 0/0/1 {\"EUR\":2500}", "2025-04-12 0/0/0 {}", "2025-04-13 2/1/1 {\"EUR\":2500}");
  }

  @Test
  void comparesTheChannelsBestFirstAsWorkedOutByHand() throws Exception {
    countsEachLinksWeekAsWorkedOutByHand();

    JsonNode channels = JSON.readTree(http.apiGet("/api/channels?" + RANGE).body());

    // facebook-ads and youtube both have 2 goals: facebook-ads has more clicks (10 against 5).
    assertThat(channels.path("from").asText()).isEqualTo("2025-04-07");
    assertThat(channels.path("to").asText()).isEqualTo("2025-04-13");
    assertThat(channels.path("channels").toString()).isEqualTo("["
        + "{\"channel\":\"facebook-ads\",\"clicks\":10,\"uniqueClicks\":7,\"goals\":2,\"revenue\":{\"USD\":14800},"
        + "\"conversionRate\":0.2},"
        + "{\"channel\":\"youtube\",\"clicks\":5,\"uniqueClicks\":4,\"goals\":2,\"revenue\":{\"EUR\":5000},"
        + "\"conversionRate\":0.4},"
        + "{\"channel\":\"newsletter\",\"clicks\":5,\"uniqueClicks\":4,\"goals\":1,\"revenue\":{\"USD\":4900},"
        + "\"conversionRate\":0.2}]");
  }

  @Test
  void keepsOnlyTheLastDaysSaltAndNoEarlierDaysSalt() {
    List<Map<String, AttributeValue>> salts = server.stack().dynamoDbClient()
        .scan(scan -> scan.tableName(server.stack().tableName("GoalpostTable"))).items().stream()
        .filter(item -> item.get("pk").s().startsWith("SALT")).toList();

    assertThat(salts).singleElement().satisfies(salt -> {
      assertThat(salt.get("day").s()).isEqualTo("2025-04-13");
      assertThat(salt.get("salt").b().asByteArray()).hasSize(32);
    });
  }

  // ---- the week -----------------------------------------------------------------------------

  private static void day(int sinceMonday) {
    clock.setTo(MONDAY.plusDays(sinceMonday).atTime(10, 0).toInstant(ZoneOffset.UTC));
  }

  /** One person's browser: its own user agent. */
  private static String person(String name) {
    return "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125." + PEOPLE.indexOf(name);
  }

  /** A GET of the tracking link a minute after the last thing that happened; answers the click id. */
  private static String click(String slug, String userAgent) {
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> response = http.get("/l/" + slug, "user-agent", userAgent);
    assertThat(response.statusCode()).isEqualTo(302);
    String query = URI.create(response.headers().firstValue("location").orElseThrow()).getRawQuery();
    return QueryStrings.parse(query).get("gp_cid").get(0);
  }

  /** A sale of the course through the signed orders webhook, naming the click the checkout carried. */
  private static void sale(String clickId, long amount, String currency) {
    clock.advance(Duration.ofMinutes(1));
    Instant now = clock.instant();
    String id = "msg_week" + ++sales;
    String body = """
        {"type":"sale","orderId":"week-%d","productId":"course","amount":%d,"currency":"%s",\
        "clickId":"%s","occurredAt":"%s"}""".formatted(sales, amount, currency, clickId, now);
    HttpResponse<String> response = http.postJson("/webhooks/orders", body,
        SignedOrders.headers(id, now.getEpochSecond(), body));
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }

  // ---- reading the stats --------------------------------------------------------------------

  /** Waits for the worker (re-driving the outbox as its schedule would), then compares totals and days. */
  private static void awaitLink(String slug, String totals, String... daily) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      server.fireSchedules("AttributionFunction");
      JsonNode stats = JSON.readTree(http.apiGet("/api/links/" + slug + "/stats?" + RANGE).body());
      assertThat(totalsOf(stats)).as(slug).isEqualTo(totals);
      assertThat(daysOf(stats)).as(slug).containsExactly(daily);
    });
  }

  private static String totalsOf(JsonNode stats) {
    return "{clicks=" + stats.path("clicks") + ", uniqueClicks=" + stats.path("uniqueClicks")
        + ", botClicks=" + stats.path("botClicks") + ", goals=" + stats.path("goals")
        + ", revenue=" + stats.path("revenue") + ", conversionRate=" + stats.path("conversionRate") + "}";
  }

  private static List<String> daysOf(JsonNode stats) {
    List<String> days = new ArrayList<>();
    stats.path("daily").forEach(day -> days.add(day.path("date").asText() + " " + day.path("clicks") + "/"
        + day.path("uniqueClicks") + "/" + day.path("goals") + " " + day.path("revenue")));
    return days;
  }
}
