package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Humans only and unique clicks (SPEC §3 Clicks) over real HTTP against the dev server: the
 * redirect tells bots by their user agent, the worker counts them apart, and the same browser on
 * the same address is one clicker a day. The dev server sees every request come from 127.0.0.1.
 */
@ExtendWith(DevServerExtension.class)
class ClicksOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
  private static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
  private static final String SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
  private static final String FACEBOOK = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";

  private final DevServer server;
  private final Http http;

  ClicksOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    server.stack().reset();
    server.forgetDeliveries();
  }

  private void link(String slug) {
    assertThat(http.apiPost("/api/links", """
        {"name": "Spring", "destination": "https://shop.example/spring", "channel": "facebook-ads", "slug": "%s"}"""
        .formatted(slug)).statusCode()).isEqualTo(201);
  }

  private void click(String slug, String userAgent) {
    assertThat(http.get("/l/" + slug, "user-agent", userAgent).statusCode()).isEqualTo(302);
  }

  private JsonNode stats(String slug) {
    try {
      return JSON.readTree(http.apiGet("/api/links/" + slug + "/stats").body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Waits until the link's totals are these; a click that missed the queue is re-driven from the outbox. */
  private void awaitTotals(String slug, long clicks, long uniqueClicks, long botClicks) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      server.fireSchedules("AttributionFunction");
      JsonNode stats = stats(slug);
      assertThat(List.of(stats.path("clicks").asLong(), stats.path("uniqueClicks").asLong(),
          stats.path("botClicks").asLong())).isEqualTo(List.of(clicks, uniqueClicks, botClicks));
    });
  }

  @Test
  void countsLinkPreviewFetchersAsBotClicksOnlyAndAHeadNotAtAll() {
    link("preview");

    click("preview", SLACK);
    click("preview", FACEBOOK);
    assertThat(http.head("/l/preview").statusCode()).isEqualTo(302);
    click("preview", FIREFOX);

    awaitTotals("preview", 1, 1, 2);
    // At least once: a click can arrive twice (queue and outbox), never as a fourth click.
    assertThat(server.deliveredFrom("EventsQueue").stream().distinct()).as("the HEAD put nothing on the queue")
        .hasSize(3);
  }

  @Test
  void countsThreeClicksFromOneBrowserAsOneUniqueClickAndAnotherBrowserAsASecond() {
    link("unique");

    click("unique", FIREFOX);
    click("unique", FIREFOX);
    click("unique", FIREFOX);
    awaitTotals("unique", 3, 1, 0);

    click("unique", SAFARI);
    awaitTotals("unique", 4, 2, 0);
  }

  @Test
  void storesNeitherTheIpNorTheUserAgentNorAnUnsaltedHashOfThemAnywhere() throws Exception {
    link("private");
    click("private", FIREFOX);
    click("private", FIREFOX);
    awaitTotals("private", 2, 1, 0);

    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(("127.0.0.1|" + FIREFOX).getBytes(StandardCharsets.UTF_8));
    List<String> forbidden = List.of("127.0.0.1", FIREFOX, "Firefox/125.0", HexFormat.of().formatHex(sha256),
        Base64.getEncoder().withoutPadding().encodeToString(sha256),
        Base64.getUrlEncoder().withoutPadding().encodeToString(sha256));
    List<Map<String, AttributeValue>> items = server.stack().dynamoDbClient()
        .scan(scan -> scan.tableName(server.stack().tableName("GoalpostTable"))).items();

    assertThat(items).isNotEmpty();
    assertThat(items).allSatisfy(item -> assertThat(item.toString()).doesNotContain(forbidden));
    assertThat(items).filteredOn(item -> item.get("pk").s().startsWith("UNIQ#"))
        .singleElement().satisfies(marker -> assertThat(marker.get("sk").s()).startsWith("h#"));
    assertThat(server.deliveredFrom("EventsQueue")).allSatisfy(message -> assertThat(message).doesNotContain(forbidden));
  }
}
