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
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two weeks of purchases through both webhooks, on a dev server of its own whose clock the test
 * moves: one-off sales, subscriptions with renewals, a trial, partial and full refunds, an
 * over-refund, two currencies, repeated deliveries. Every number in the link and product stats is
 * checked against values worked out by hand (docs/decisions/005: a refund is taken from the
 * order's latest payment first and capped at what the order counted).
 *
 * <pre>
 * link       goal            countRebills  Mon 7 (clicks, sales)                         Tue 8              Mon 14             Tue 15
 * course-fb  course          no            alice: ord-A 4900 USD (orders)                re-A1 1500 (orders) -                 re-A2 4000 (orders): 3400 left
 *                                          erin:  ord-E 3900 EUR (orders)                -                  -                  re-E1 1000 EUR (orders)
 *                                          frank: pi_F 5000 USD (Stripe, one-off)        Stripe refund 2000 -                  -
 * club-yt    club            yes           bob:   sub_B 2900 USD (Stripe)                -                  renewal 2900 (Stripe) -
 * club-news  club            no            carol: sub-C 2900 USD (orders)                -                  rebill 2900 (orders)  re-C1 2900 (orders): the rebill
 * any-ig     any product     no            dave:  sub_D trial, 0 USD (Stripe)            -                  renewal 2900 (Stripe) -
 * </pre>
 * Each person is one browser (one user agent). Repeated deliveries (the same Stripe event, the same
 * rebill under another webhook id) change nothing.
 */
class PurchasesAndRefundsOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate MONDAY = LocalDate.parse("2025-04-07");
  private static final String RANGE = "from=2025-04-07&to=2025-04-20";

  private static MutableClock clock;
  private static DevServer server;
  private static Http http;
  private static int deliveries;

  @BeforeAll
  static void liveThroughTwoWeeks() throws Exception {
    clock = new MutableClock(MONDAY.atTime(8, 0).toInstant(ZoneOffset.UTC));
    server = DevServer.start(DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0)
        .withoutSchedules().withClock(clock));
    http = new Http(server.baseUri());
    link("course-fb", "facebook-ads", "\"productId\": \"course\"", false);
    link("club-yt", "youtube", "\"productId\": \"club\"", true);
    link("club-news", "newsletter", "\"productId\": \"club\"", false);
    link("any-ig", "instagram", "\"productId\": null", false);

    day(0);
    order("sale", "ord-A", null, "course", 4900, "USD", click("course-fb", "alice"));
    order("sale", "ord-E", null, "course", 3900, "eur", click("course-fb", "erin"));
    String franksClick = click("course-fb", "frank");
    stripe(SignedStripe.checkoutCompleted("evt_F", now(), "paid", 5000, "usd", null, "pi_F", "course", franksClick));
    String bobsClick = click("club-yt", "bob");
    stripe(SignedStripe.checkoutCompleted("evt_B", now(), "paid", 2900, "usd", "sub_B", "pi_B", "club", bobsClick));
    order("sale", "sub-C", null, "club", 2900, "USD", click("club-news", "carol"));
    String davesClick = click("any-ig", "dave");
    stripe(SignedStripe.checkoutCompleted("evt_D", now(), "no_payment_required", 0, "usd", "sub_D", null, "club",
        davesClick));

    day(1);
    order("refund", "ord-A", "re-A1", "course", 1500, "USD", null);
    stripe(SignedStripe.chargeRefunded("evt_F_re1", now(), "ch_F", "pi_F", 0, 2000, "usd", "course"));

    day(7);
    String renewal = SignedStripe.renewalPaid("evt_B2", now(), "in_B2", "sub_B", 2900, "usd", "club");
    stripe(renewal);
    order("rebill", "sub-C", "in-C2", "club", 2900, "USD", null);
    stripe(SignedStripe.renewalPaid("evt_D2", now(), "in_D2", "sub_D", 2900, "usd", "club"));
    stripe(renewal);
    order("rebill", "sub-C", "in-C2", "club", 2900, "USD", null);

    day(8);
    order("refund", "sub-C", "re-C1", "club", 2900, "USD", null);
    order("refund", "ord-E", "re-E1", "course", 1000, "EUR", null);
    order("refund", "ord-A", "re-A2", "course", 4000, "USD", null);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void countsEachLinksSalesRebillsAndRefundsAsWorkedOutByHand() {
    // course-fb: 3 clicks, 3 sales (goals). USD 4900 + 5000 = 9900 on Mon; refunds 1500 + 2000 = 3500
    // on Tue; on Tue 15 ord-A's 4000 is capped at the 4900 − 1500 = 3400 left, and ord-E returns
    // 1000 EUR. USD 9900 − 3500 − 3400 = 3000, refunded 6900; EUR 3900 − 1000 = 2900, refunded 1000.
    awaitLink("course-fb", "3/3/0 goals=3 revenue={\"EUR\":2900,\"USD\":3000} refunded={\"EUR\":1000,\"USD\":6900}",
        Map.of("2025-04-07", "3/3/3 {\"EUR\":3900,\"USD\":9900}", "2025-04-08", "0/0/0 {\"USD\":-3500}",
            "2025-04-15", "0/0/0 {\"EUR\":-1000,\"USD\":-3400}"));
    // club-yt counts rebills: the sale's 2900 on Mon 7 and the renewal's 2900 on Mon 14 (delivered twice, once).
    awaitLink("club-yt", "1/1/0 goals=1 revenue={\"USD\":5800} refunded={}",
        Map.of("2025-04-07", "1/1/1 {\"USD\":2900}", "2025-04-14", "0/0/0 {\"USD\":2900}"));
    // club-news does not: the rebill is the product's only, and so is its refund (the latest payment).
    awaitLink("club-news", "1/1/0 goals=1 revenue={\"USD\":2900} refunded={}",
        Map.of("2025-04-07", "1/1/1 {\"USD\":2900}"));
    // any-ig: the trial is a sale of 0, a goal with no revenue; its renewal is not counted here.
    awaitLink("any-ig", "1/1/0 goals=1 revenue={} refunded={}", Map.of("2025-04-07", "1/1/1 {}"));
  }

  @Test
  void countsEachProductsSalesRebillsAndRefundsOnTheirOwnDaysAsWorkedOutByHand() {
    // course: 3 sales; 4 refunds (re-A1, the Stripe refund, re-E1, re-A2) returning USD 1500 + 2000
    // + 3400 = 6900 and EUR 1000. Revenue USD 9900 − 6900 = 3000, EUR 3900 − 1000 = 2900.
    awaitProduct("course", "sales=3 rebills=0 refunds=4 revenue={\"EUR\":2900,\"USD\":3000} "
        + "refunded={\"EUR\":1000,\"USD\":6900}", Map.of(
            "2025-04-07", "3/0/0 {\"EUR\":3900,\"USD\":9900} {}",
            "2025-04-08", "0/0/2 {\"USD\":-3500} {\"USD\":3500}",
            "2025-04-15", "0/0/2 {\"EUR\":-1000,\"USD\":-3400} {\"EUR\":1000,\"USD\":3400}"));
    // club: 3 sales (2900 + 2900 + the trial's 0) on Mon 7; 3 renewals of 2900 on Mon 14, each once;
    // re-C1 returns 2900 on Tue 15. Revenue 5800 + 8700 − 2900 = 11600.
    awaitProduct("club", "sales=3 rebills=3 refunds=1 revenue={\"USD\":11600} refunded={\"USD\":2900}", Map.of(
        "2025-04-07", "3/0/0 {\"USD\":5800} {}",
        "2025-04-14", "0/3/0 {\"USD\":8700} {}",
        "2025-04-15", "0/0/1 {\"USD\":-2900} {\"USD\":2900}"));
  }

  @Test
  void listsTheProductsOfTheGoalsAndThePaymentsWithTheirTotals() throws Exception {
    countsEachProductsSalesRebillsAndRefundsOnTheirOwnDaysAsWorkedOutByHand();

    JsonNode list = JSON.readTree(http.apiGet("/api/products").body());

    // Today is Tue 15: the default range (the 30 days to today) holds the whole two weeks.
    assertThat(list.path("items")).extracting(item -> item.path("productId").asText()).containsExactly("club", "course");
    assertThat(list.path("items").get(0).path("revenue").toString()).isEqualTo("{\"USD\":11600}");
    assertThat(list.path("items").get(1).path("refunds").asInt()).isEqualTo(4);
    assertThat(list.path("items").get(1).path("refunded").toString()).isEqualTo("{\"EUR\":1000,\"USD\":6900}");
    assertThat(list.path("nextCursor").isNull()).isTrue();
  }

  // ---- the two weeks ----------------------------------------------------------------------

  private static void day(int sinceMonday) {
    clock.setTo(MONDAY.plusDays(sinceMonday).atTime(10, 0).toInstant(ZoneOffset.UTC));
  }

  /** A minute later than the last thing that happened, in Stripe's seconds. */
  private static long now() {
    clock.advance(Duration.ofMinutes(1));
    return clock.instant().getEpochSecond();
  }

  private static void link(String slug, String channel, String goal, boolean countRebills) {
    HttpResponse<String> created = http.apiPost("/api/links", """
        {"name": "%s", "destination": "https://shop.example/%s", "channel": "%s", "slug": "%s",
         "goal": {"type": "purchase", %s}, "countRebills": %s}"""
        .formatted(slug, slug, channel, slug, goal, countRebills));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  /** One person's browser clicks the link a minute later; answers the click id. */
  private static String click(String slug, String person) {
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> response = http.get("/l/" + slug, "user-agent",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0 " + person);
    assertThat(response.statusCode()).isEqualTo(302);
    String query = URI.create(response.headers().firstValue("location").orElseThrow()).getRawQuery();
    return QueryStrings.parse(query).get("gp_cid").get(0);
  }

  /** A sale, rebill or refund through the signed orders webhook, a minute later. */
  private static void order(String type, String orderId, String paymentId, String productId, long amount,
      String currency, String clickId) {
    clock.advance(Duration.ofMinutes(1));
    Instant at = clock.instant();
    String body = """
        {"type": "%s", "orderId": "%s",%s "productId": "%s", "amount": %d, "currency": "%s",%s "occurredAt": "%s"}"""
        .formatted(type, orderId, paymentId == null ? "" : " \"paymentId\": \"" + paymentId + "\",", productId, amount,
            currency, clickId == null ? "" : " \"clickId\": \"" + clickId + "\",", at);
    HttpResponse<String> response = http.postJson("/webhooks/orders", body,
        SignedOrders.headers("msg_" + ++deliveries, at.getEpochSecond(), body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static void stripe(String body) {
    HttpResponse<String> response = http.postJson("/webhooks/stripe", body,
        SignedStripe.headers(clock.instant().getEpochSecond(), body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("ignored");
  }

  // ---- reading the stats ------------------------------------------------------------------

  /** Waits for the worker, then compares the totals and every day of the range (zeros elsewhere). */
  private static void awaitLink(String slug, String totals, Map<String, String> days) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      JsonNode stats = JSON.readTree(http.apiGet("/api/links/" + slug + "/stats?" + RANGE).body());
      assertThat(stats.path("clicks") + "/" + stats.path("uniqueClicks") + "/" + stats.path("botClicks")
          + " goals=" + stats.path("goals") + " revenue=" + stats.path("revenue")
          + " refunded=" + stats.path("refunded")).as(slug).isEqualTo(totals);
      assertThat(stats.path("conversionRate").asDouble()).as(slug).isEqualTo(1.0);
      List<String> daily = new ArrayList<>();
      stats.path("daily").forEach(day -> daily.add(day.path("date").asText() + " " + day.path("clicks") + "/"
          + day.path("uniqueClicks") + "/" + day.path("goals") + " " + day.path("revenue")));
      assertThat(daily).as(slug).containsExactlyElementsOf(everyDay(days, "0/0/0 {}"));
    });
  }

  private static void awaitProduct(String productId, String totals, Map<String, String> days) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      JsonNode stats = JSON.readTree(http.apiGet("/api/products/" + productId + "/stats?" + RANGE).body());
      assertThat("sales=" + stats.path("sales") + " rebills=" + stats.path("rebills") + " refunds="
          + stats.path("refunds") + " revenue=" + stats.path("revenue") + " refunded=" + stats.path("refunded"))
          .as(productId).isEqualTo(totals);
      List<String> daily = new ArrayList<>();
      stats.path("daily").forEach(day -> daily.add(day.path("date").asText() + " " + day.path("sales") + "/"
          + day.path("rebills") + "/" + day.path("refunds") + " " + day.path("revenue") + " " + day.path("refunded")));
      assertThat(daily).as(productId).containsExactlyElementsOf(everyDay(days, "0/0/0 {} {}"));
    });
  }

  /** The 14 days of the range, each as given or else {@code zeros}. */
  private static List<String> everyDay(Map<String, String> given, String zeros) {
    Map<String, String> days = new TreeMap<>();
    for (LocalDate day = MONDAY; !day.isAfter(MONDAY.plusDays(13)); day = day.plusDays(1)) {
      days.put(day.toString(), day + " " + given.getOrDefault(day.toString(), zeros));
    }
    return List.copyOf(days.values());
  }
}
