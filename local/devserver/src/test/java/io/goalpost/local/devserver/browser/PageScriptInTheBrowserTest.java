package io.goalpost.local.devserver.browser;

import io.goalpost.local.devserver.e2e.Settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.core.event.ClickEvent;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.event.PageEvent.Consent;
import io.goalpost.core.event.PageEvent.Kind;
import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.devserver.e2e.DevServerExtension;
import io.goalpost.local.template.LocalParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * t.js in a real browser (headless Chromium) on a site of its own origin, against the dev server:
 * a visitor arrives through a tracking link, the page reports consent, the script sends what
 * consent allows, the beacon puts it on the events queue, and the worker stores what it means —
 * checked where a user sees it, in the link's stats ({@code GET /api/links/{slug}/stats}), and in
 * the table for what must not be kept.
 */
@ExtendWith({DevServerExtension.class, BrowserExtension.class})
class PageScriptInTheBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MINTED_ID = "[A-Za-z0-9]{16,32}";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static LandingPages pages;

    private final DevServer server;
    private final WebDriver browser;
    private final QueuedEvents events;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PageScriptInTheBrowserTest(DevServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.events = new QueuedEvents(server);
    }

    @BeforeAll
    static void serveTheSite(DevServer server) {
        pages = LandingPages.start(server.baseUri());
    }

    @AfterAll
    static void stopTheSite() {
        pages.close();
    }

    /** A fresh visitor each time: no cookie or storage left by the last test, nothing on the queue. */
    @BeforeEach
    void forgetTheLastVisitor() {
        browser.get(pages.url("blank.html"));
        browser.manage().deleteAllCookies();
        script("localStorage.clear(); sessionStorage.clear();");
        Settled.reset(server);
    }

    @Test
    void aVisitorLandingThroughATrackingLinkLosesGpCidFromTheAddressBarAndItsPageViewClaimsTheClickAndCompletesAPageVisitGoal() {
        Instant before = Instant.now();
        String clickId = clickThrough("spring-landing", "landing.html?utm_source=newsletter&ref=home",
                pageVisitGoal("landing.html"));

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).hasSize(1));
        assertThat(browser.getCurrentUrl()).isEqualTo(pages.url("landing.html?utm_source=newsletter&ref=home"));
        PageEvent view = events.pageEvents().get(0);
        assertThat(view.kind()).isEqualTo(Kind.PAGE_VIEW);
        assertThat(view.consent()).isEqualTo(Consent.ALL);
        assertThat(view.clickId()).isEqualTo(clickId);
        assertThat(view.visitorId()).matches(MINTED_ID);
        assertThat(view.url()).as("no query but utm_*").isEqualTo(pages.url("landing.html?utm_source=newsletter"));
        assertThat(view.occurredAt()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(view.eventId()).startsWith("p:");

        Cookie visitor = browser.manage().getCookieNamed("gp_vid");
        assertThat(visitor).isNotNull();
        assertThat(visitor.getValue()).isEqualTo(view.visitorId()).hasSize(22);
        assertThat(visitor.getSameSite()).isEqualTo("Lax");
        assertThat(visitor.getDomain()).as("host-only: CookieDomain is empty locally").isEqualTo("localhost");
        assertThat(visitor.getExpiry()).isAfter(java.util.Date.from(Instant.now().plus(Duration.ofDays(364))));
        assertThat(script("return sessionStorage.getItem('gp_cid')")).isEqualTo(clickId);
        // The goal is the landing page itself: it counts only if the page view claimed the click.
        assertThat(awaitStats("spring-landing", 1)).isEqualTo(List.of(1L, 0L, 1L));
    }

    @Test
    void underTheBannersEssentialChoiceNoCookieIsSetNoVisitorIdIsSentOrKeptAndNoGoalIsCounted() {
        String clickId = clickThrough("spring-essential", "banner.html", pageVisitGoal("banner.html"));
        assertThat(browser.getCurrentUrl()).isEqualTo(pages.url("banner.html"));

        browser.findElement(By.id("essential-only")).click();

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).hasSize(1));
        PageEvent view = events.pageEvents().get(0);
        assertThat(view.consent()).isEqualTo(Consent.ESSENTIAL);
        assertThat(view.visitorId()).isNull();
        assertThat(view.clickId()).isEqualTo(clickId);
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.findElement(By.id("buy")).getAttribute("href"))
                .isEqualTo(pages.url("shop.html?product=course-101"));
        // Counted as a person's click, but the view names no one: no lineage, no claim, no goal.
        assertThat(settledStats("spring-essential")).isEqualTo(List.of(1L, 0L, 0L));
        assertThat(storedKeys()).noneMatch(key -> key.startsWith("VID#") || key.contains("CLAIM#"));
    }

    @Test
    void theHeldPageViewIsSentOnceWithBothIdsWhenTheBannerAcceptsAllLaterAndCompletesThePageVisitGoalOnce() {
        String clickId = clickThrough("spring-banner", "banner.html", pageVisitGoal("banner.html"));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> events.pageEvents().isEmpty());
        assertThat(browser.manage().getCookieNamed("gp_vid")).as("no cookie before consent").isNull();
        assertThat(script("return sessionStorage.length")).isEqualTo(0L);

        browser.findElement(By.id("accept-all")).click();
        browser.findElement(By.id("accept-all")).click();

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).isNotEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> events.pageEvents().size() == 1);
        PageEvent view = events.pageEvents().get(0);
        assertThat(view.kind()).isEqualTo(Kind.PAGE_VIEW);
        assertThat(view.consent()).isEqualTo(Consent.ALL);
        assertThat(view.clickId()).isEqualTo(clickId);
        assertThat(view.visitorId()).isEqualTo(browser.manage().getCookieNamed("gp_vid").getValue());
        assertThat(awaitStats("spring-banner", 1)).isEqualTo(List.of(1L, 0L, 1L));
    }

    @Test
    void choosingEssentialAfterAllTakesBackTheCookieAndTheStoredClickId() {
        String clickId = clickThrough("spring-withdraw", "banner.html", null);
        browser.findElement(By.id("accept-all")).click();
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).hasSize(1));
        assertThat(browser.manage().getCookieNamed("gp_vid")).isNotNull();
        assertThat(script("return sessionStorage.getItem('gp_cid')")).isEqualTo(clickId);

        browser.findElement(By.id("essential-only")).click();

        await().atMost(ARRIVAL).until(() -> browser.manage().getCookieNamed("gp_vid") == null);
        assertThat(script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void anOptInThroughGoalpostOptInIsCountedAsTheLinksOptInGoalAndNeverCarriesTheEmail() {
        String clickId = clickThrough("spring-optin", "optin.html", "{\"type\": \"opt_in\", \"formId\": \"newsletter\"}");
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).hasSize(1));
        // The page view alone completes nothing: the goal is the opt-in.
        assertThat(settledStats("spring-optin")).isEqualTo(List.of(1L, 0L, 0L));

        browser.findElement(By.id("email")).sendKeys("ann@example.com");
        browser.findElement(By.id("subscribe")).click();

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).hasSize(2));
        PageEvent view = events.pageEvents().get(0);
        PageEvent optIn = events.pageEvents().get(1);
        assertThat(optIn.kind()).isEqualTo(Kind.OPT_IN);
        assertThat(optIn.formId()).isEqualTo("newsletter");
        assertThat(optIn.visitorId()).isEqualTo(view.visitorId()).isNotNull();
        assertThat(optIn.clickId()).isEqualTo(clickId);
        assertThat(optIn.eventId()).isNotEqualTo(view.eventId());
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("Thanks for subscribing!");
        assertThat(events.rawMessages()).noneMatch(message -> message.contains("example.com"));
        assertThat(awaitStats("spring-optin", 1)).isEqualTo(List.of(1L, 0L, 1L));
        assertThat(storedItems()).isNotEmpty().noneMatch(item -> item.contains("ann@example.com"));
    }

    @Test
    void checkoutLinksAndFormsCarryBothIdsAndACheckoutInCodeGetsThem() {
        String clickId = clickThrough("spring-checkout", "checkout.html", null);
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).hasSize(1));
        String visitorId = events.pageEvents().get(0).visitorId();

        Map<String, String> link = query(browser.findElement(By.id("buy")).getAttribute("href"));
        assertThat(link).containsEntry("product", "course-101").containsEntry("gp_vid", visitorId)
                .containsEntry("gp_cid", clickId);

        browser.findElement(By.id("checkout")).click();
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.pageEvents()).hasSize(2));
        PageEvent checkoutView = events.pageEvents().get(1);
        assertThat(checkoutView.kind()).isEqualTo(Kind.CHECKOUT_VIEW);
        assertThat(checkoutView.productId()).isEqualTo("course-101");
        assertThat(checkoutView.visitorId()).isEqualTo(visitorId);
        assertThat(browser.findElement(By.id("ids")).getText())
                .isEqualTo("{\"visitorId\":\"" + visitorId + "\",\"clickId\":\"" + clickId + "\"}");

        browser.findElement(By.id("buy-button")).click();
        await().atMost(ARRIVAL).until(() -> browser.getCurrentUrl().contains("/shop.html"));
        assertThat(query(browser.getCurrentUrl())).containsEntry("product", "course-101")
                .containsEntry("gp_vid", visitorId).containsEntry("gp_cid", clickId);
    }

    @Test
    void theScriptTheDevServerServesIsAtMostOneAndAHalfKilobytesGzipped() throws Exception {
        HttpResponse<byte[]> script = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/t.js")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("content-type")).contains("application/javascript; charset=utf-8");
        assertThat(script.headers().firstValue("cache-control")).contains("public, max-age=300");
        assertThat(gzipped(script.body())).isLessThanOrEqualTo(1536);
    }

    /**
     * Creates a link to a page of the site, with this goal (JSON, or null for none), and follows it
     * in the browser, as a visitor from an email would; returns the click id the redirect minted.
     */
    private String clickThrough(String slug, String page, String goal) {
        HttpResponse<String> created = send(api("/api/links")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "%s", "destination": "%s", "channel": "newsletter", "slug": "%s"%s}"""
                        .formatted(slug, pages.url(page), slug, goal == null ? "" : ", \"goal\": " + goal))).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        browser.get(server.baseUri().resolve("/l/" + slug).toString());

        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(events.clicks()).hasSize(1));
        ClickEvent click = events.clicks().get(0);
        assertThat(click.slug()).isEqualTo(slug);
        assertThat(click.bot()).as("the browser's user agent is a person's (BrowserExtension)").isFalse();
        assertThat(browser.getCurrentUrl()).startsWith(pages.origin()).doesNotContain("gp_cid");
        return click.clickId();
    }

    /** A page-visit goal on a page of the site (matched without its query). */
    private String pageVisitGoal(String page) {
        return "{\"type\": \"page_visit\", \"pageUrl\": \"" + pages.url(page) + "\"}";
    }

    /** The link's clicks, bot clicks and goals today, once the worker has counted {@code goals} goals. */
    private List<Long> awaitStats(String slug, long goals) {
        await().atMost(ARRIVAL).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            server.fireSchedules("AttributionFunction");
            assertThat(stats(slug).get(2)).isEqualTo(goals);
        });
        return settledStats(slug);
    }

    /** The link's clicks, bot clicks and goals today, once the worker has handled all it was sent. */
    private List<Long> settledStats(String slug) {
        server.fireSchedules("AttributionFunction");
        Settled.within(server, ARRIVAL);
        return stats(slug);
    }

    private List<Long> stats(String slug) {
        HttpResponse<String> response = send(api("/api/links/" + slug + "/stats").GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            JsonNode stats = JSON.readTree(response.body());
            return List.of(stats.path("clicks").asLong(), stats.path("botClicks").asLong(), stats.path("goals").asLong());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every item in the table, as text. */
    private List<String> storedItems() {
        return server.stack().dynamoDbClient().scan(scan -> scan.tableName(server.stack().tableName("GoalpostTable")))
                .items().stream().map(Object::toString).toList();
    }

    /** Every item's key, as {@code pk/sk}. */
    private List<String> storedKeys() {
        return server.stack().dynamoDbClient().scan(scan -> scan.tableName(server.stack().tableName("GoalpostTable")))
                .items().stream().map(item -> item.get("pk").s() + "/" + item.get("sk").s()).toList();
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("authorization", "Bearer " + LocalParameters.LOCAL_API_KEY);
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw == null ? List.<String>of() : List.of(raw.split("&"))) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
