package io.goalpost.local.devserver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.devserver.DevServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Listing, changing and archiving links (SPEC §4) over real HTTP against the dev server, on dynalite. */
@ExtendWith(DevServerExtension.class)
class LinkManagementOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevServer server;
  private final Http http;

  LinkManagementOverHttpTest(DevServer server) {
    this.server = server;
    this.http = new Http(server.baseUri());
  }

  @BeforeEach
  void emptyTheStack() {
    server.stack().reset();
    server.forgetDeliveries();
  }

  private void create(String slug) {
    assertThat(http.apiPost("/api/links", """
        {"name": "Link %s", "destination": "https://shop.example/%s", "channel": "newsletter", "campaign": "spring",
         "slug": "%s", "goal": {"type": "purchase"}}""".formatted(slug, slug, slug)).statusCode()).isEqualTo(201);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void listsEveryLinkNewestFirstPageByPageWithTheCursor() throws Exception {
    for (String slug : List.of("first", "second", "third", "fourth", "fifth")) {
      create(slug);
    }
    List<String> slugs = new ArrayList<>();
    String path = "/api/links?limit=2";
    int pages = 0;
    while (path != null) {
      JsonNode page = json(http.apiGet(path));
      page.path("items").forEach(link -> slugs.add(link.path("slug").asText()));
      pages++;
      path = page.path("nextCursor").isNull() ? null
          : "/api/links?limit=2&cursor=" + URLEncoder.encode(page.path("nextCursor").asText(), StandardCharsets.UTF_8);
    }

    assertThat(slugs).containsExactly("fifth", "fourth", "third", "second", "first");
    assertThat(pages).isEqualTo(3);
    assertThat(json(http.apiGet("/api/links")).path("items").path(0).path("url").asText())
        .isEqualTo(server.baseUri() + "/l/fifth");
  }

  @Test
  void refusesABadLimitOrCursorWith400() throws Exception {
    assertThat(http.apiGet("/api/links?limit=0").statusCode()).isEqualTo(400);
    assertThat(http.apiGet("/api/links?limit=101").statusCode()).isEqualTo(400);
    HttpResponse<String> forged = http.apiGet("/api/links?cursor=forged");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(json(forged).path("error").asText()).isEqualTo("bad_request");
  }

  @Test
  void changesWhatMayChangeAndRefusesTheRestWith400() throws Exception {
    create("spring");

    HttpResponse<String> changed = http.apiPatch("/api/links/spring",
        "{\"name\": \"Spring (video)\", \"destination\": \"https://shop.example/video\", \"channel\": \"youtube\","
            + " \"campaign\": null}");
    HttpResponse<String> goal = http.apiPatch("/api/links/spring", "{\"goal\": {\"type\": \"opt_in\"}}");
    HttpResponse<String> window = http.apiPatch("/api/links/spring", "{\"attributionWindowDays\": 7}");
    HttpResponse<String> unknown = http.apiPatch("/api/links/nope", "{\"name\": \"x\"}");

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(goal.statusCode()).isEqualTo(400);
    assertThat(json(goal).path("message").asText()).contains("create a new link");
    assertThat(window.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
    JsonNode link = json(http.apiGet("/api/links/spring"));
    assertThat(link.path("name").asText()).isEqualTo("Spring (video)");
    assertThat(link.path("channel").asText()).isEqualTo("youtube");
    assertThat(link.path("campaign").isNull()).isTrue();
    assertThat(link.path("goal").path("type").asText()).isEqualTo("purchase");
    HttpResponse<String> click = http.get("/l/spring");
    assertThat(click.headers().firstValue("location").orElseThrow()).startsWith("https://shop.example/video?gp_cid=");
  }

  @Test
  void archivesWith204TwiceThenTheLinkIs404AtTheRedirectKeepsItsStatsAndItsSlug() throws Exception {
    create("old");

    assertThat(http.apiDelete("/api/links/old").statusCode()).isEqualTo(204);
    assertThat(http.apiDelete("/api/links/old").statusCode()).isEqualTo(204);
    assertThat(http.apiDelete("/api/links/nope").statusCode()).isEqualTo(404);

    assertThat(http.get("/l/old").statusCode()).isEqualTo(404);
    assertThat(json(http.apiGet("/api/links/old")).path("archived").asBoolean()).isTrue();
    assertThat(http.apiGet("/api/links/old/stats").statusCode()).isEqualTo(200);
    assertThat(json(http.apiGet("/api/links")).path("items").path(0).path("archived").asBoolean()).isTrue();
    assertThat(http.apiPost("/api/links", """
        {"name": "Again", "destination": "https://shop.example/", "channel": "ads", "slug": "old"}""").statusCode())
        .isEqualTo(409);
  }
}
