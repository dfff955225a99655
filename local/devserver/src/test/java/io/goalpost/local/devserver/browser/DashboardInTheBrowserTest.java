package io.goalpost.local.devserver.browser;

import io.goalpost.local.devserver.e2e.Settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.devserver.e2e.DevServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser (headless Chromium) against the dev server: a marketer signs
 * in, creates a link through the form, and watches clicks and a sale sent over HTTP arrive in the
 * page. Each page is also written to {@code target/screenshots/dashboard/<page>.png}.
 */
@ExtendWith({DevServerExtension.class, BrowserExtension.class})
class DashboardInTheBrowserTest {

    private static final Duration SHOWN = DashboardPage.SHOWN;
    private static final String IMG_NAME = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT_TEXT = "\"><script>alert(2)</script>";

    private final DevServer server;
    private final WebDriver browser;
    private final DashboardTraffic traffic;
    private final DashboardPage dashboard;

    DashboardInTheBrowserTest(DevServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.traffic = new DashboardTraffic(server.baseUri());
        this.dashboard = new DashboardPage(server, browser);
    }

    /** Nothing kept from the last test: no links, no sales, no key in the browser session. */
    @BeforeEach
    void startSignedOut() {
        Settled.reset(server);
        dashboard.openSignedOut();
    }

    @Test
    void aWrongApiKeyIsRefusedWithAPlainMessageAndNothingElseOpens() {
        dashboard.shown(By.id("api-key")).sendKeys("not-the-key");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        dashboard.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("sign-in-error"), "not accepted"));
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.id("links"))).isEmpty();
        assertThat(dashboard.script("return sessionStorage.length")).isEqualTo(0L);
        dashboard.save("sign-in-refused");
    }

    @Test
    void theKeyIsAskedOnceAndKeptOnlyForTheBrowserSession() {
        dashboard.signIn();
        browser.navigate().refresh();

        dashboard.shown(By.id("new-link"));
        assertThat(browser.findElements(By.id("api-key"))).isEmpty();
        assertThat(dashboard.script("return sessionStorage.getItem('goalpost.apiKey')")).isEqualTo(DashboardTraffic.API_KEY);
        assertThat(dashboard.script("return localStorage.length + document.cookie.length")).isEqualTo(0L);
    }

    @Test
    void aLinkCreatedThroughTheFormShowsTheGoalsAndRevenueOfClicksAndASaleSentOverHttp() {
        dashboard.signIn();
        dashboard.save("links-empty");
        dashboard.createThroughTheForm("Course on Facebook", "https://shop.example/course", "facebook-ads", "course-fb",
                "course-101");
        WebElement row = dashboard.rowOf("links", "Course on Facebook");
        assertThat(row.getText()).contains("facebook-ads", "Purchase of course-101");
        dashboard.save("links-created");

        String clickId = traffic.click("course-fb");
        traffic.click("course-fb");
        assertThat(traffic.sale("ord_9001", "course-101", 4900, "USD", clickId)).isEqualTo(200);

        browser.get(dashboard.page("/#/links/course-fb"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            server.fireSchedules("AttributionFunction");
            browser.navigate().refresh();
            assertThat(dashboard.metric("goals")).isEqualTo("1");
            assertThat(dashboard.metric("revenue")).isEqualTo("$49.00");
        });
        assertThat(dashboard.metric("clicks")).isEqualTo("2");
        assertThat(dashboard.metric("conversionRate")).isEqualTo("50%");
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        dashboard.save("link");

        browser.get(dashboard.page("/#/links"));
        assertThat(dashboard.rowOf("links", "Course on Facebook").getText()).contains("$49.00", "50%");
        browser.get(dashboard.page("/#/channels"));
        assertThat(dashboard.rowOf("channels", "facebook-ads").getText()).contains("$49.00");
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        dashboard.save("channels");
        browser.get(dashboard.page("/#/products"));
        dashboard.rowOf("products", "course-101").findElement(By.linkText("course-101")).click();
        dashboard.waiting().until(ExpectedConditions.textToBe(
                By.cssSelector("[data-metric=sales] dd"), "1"));
        assertThat(dashboard.metric("revenue")).isEqualTo("$49.00");
        dashboard.shown(By.cssSelector("#reconciliation .empty, #reconciliation-summary"));
        dashboard.save("product");
    }

    @Test
    void oneClickPutsALinksTrackingUrlOnTheClipboard() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "Spring newsletter", "destination": "https://shop.example/", "channel": "newsletter",
                 "slug": "spring-news"}""").statusCode()).isEqualTo(201);
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", server.baseUri().toString().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        dashboard.signIn();

        WebElement copy = dashboard.rowOf("links", "Spring newsletter").findElement(By.cssSelector("button.copy"));
        copy.click();

        dashboard.waiting().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        Object clipboard = ((JavascriptExecutor) browser).executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('refused: ' + e))");
        assertThat(clipboard).isEqualTo(dashboard.page("/l/spring-news"));
    }

    @Test
    void sortingByAColumnOrdersTheRowsAndAgainReversesThem() {
        for (String slug : List.of("one-click", "three-clicks", "two-clicks")) {
            assertThat(traffic.apiPost("/api/links", """
                    {"name": "%s", "destination": "https://shop.example/", "channel": "ads", "slug": "%s"}"""
                    .formatted(slug, slug)).statusCode()).isEqualTo(201);
        }
        traffic.click("one-click");
        for (int i = 0; i < 3; i++) {
            traffic.click("three-clicks");
        }
        traffic.click("two-clicks");
        traffic.click("two-clicks");
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.apiGet("/api/channels").body().contains("\"clicks\":6"));
        dashboard.signIn();

        dashboard.sortBy("Clicks");
        assertThat(dashboard.firstCells("links")).containsExactly("three-clicks", "two-clicks", "one-click");
        dashboard.sortBy("Clicks");
        assertThat(dashboard.firstCells("links")).containsExactly("one-click", "two-clicks", "three-clicks");
        dashboard.sortBy("Name");
        assertThat(dashboard.firstCells("links")).containsExactly("one-click", "three-clicks", "two-clicks");
        dashboard.save("links-sorted");
    }

    @Test
    void longListsComeTwentyToAPage() {
        for (int i = 1; i <= 21; i++) {
            assertThat(traffic.apiPost("/api/links", """
                    {"name": "Link %02d", "destination": "https://shop.example/", "channel": "ads"}"""
                    .formatted(i)).statusCode()).isEqualTo(201);
        }
        dashboard.signIn();

        List<String> first = dashboard.firstCells("links");
        assertThat(first).hasSize(20);
        browser.findElement(By.xpath("//nav[@class='pager']/button[text()='Next']")).click();
        dashboard.waiting().until(driver -> dashboard.firstCells("links").size() == 1);
        assertThat(first).doesNotContainAnyElementsOf(dashboard.firstCells("links"));
        assertThat(browser.findElement(By.xpath("//nav[@class='pager']/button[text()='Next']")).isEnabled()).isFalse();
        browser.findElement(By.xpath("//nav[@class='pager']/button[text()='Previous']")).click();
        dashboard.waiting().until(driver -> dashboard.firstCells("links").size() == 20);
    }

    @Test
    void archivingAsksOnceMoreAndThenMarksTheLinkArchived() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "Old offer", "destination": "https://shop.example/", "channel": "ads", "slug": "old-offer"}""")
                .statusCode()).isEqualTo(201);
        dashboard.signIn();

        dashboard.rowOf("links", "Old offer").findElement(By.xpath(".//button[text()='Archive']")).click();
        dashboard.save("links-archive-confirm");
        dashboard.rowOf("links", "Old offer").findElement(By.xpath(".//button[text()='Archive link']")).click();

        dashboard.waiting().until(driver -> dashboard.rowOf("links", "Old offer").getText().contains("archived"));
        assertThat(traffic.get("/l/old-offer").statusCode()).isEqualTo(404);
    }

    @Test
    void theDateRangeChoosesTheDaysTheNumbersComeFrom() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "Today", "destination": "https://shop.example/", "channel": "ads", "slug": "today"}""")
                .statusCode()).isEqualTo(201);
        traffic.click("today");
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.apiGet("/api/links/today/stats").body().contains("\"clicks\":1"));
        dashboard.signIn();
        browser.get(dashboard.page("/#/links/today"));
        assertThat(dashboard.metric("clicks")).isEqualTo("1");

        dashboard.setRange("2020-01-01", "2020-01-31");

        dashboard.waiting().until(ExpectedConditions.textToBe(By.cssSelector("[data-metric=clicks] dd"), "0"));
        assertThat(browser.findElement(By.cssSelector("main h2")).getText()).isEqualTo("2020-01-01 to 2020-01-31");
        dashboard.setRange("2020-02-01", "2020-01-01");
        assertThat(dashboard.shown(By.cssSelector("main .error")).getText()).contains("from");
    }

    @Test
    void theApisFieldErrorsAreShownBesideTheirFields() {
        dashboard.signIn();
        dashboard.createThroughTheForm("Bad destination", "ftp://shop.example/course", "facebook-ads", "", "");

        WebElement error = dashboard.shown(By.id("link-destination-error"));
        assertThat(error.getText()).startsWith("destination must be an absolute http or https URL");
        assertThat(browser.findElement(By.id("link-destination")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.findElement(By.id("link-destination")).clear();
        browser.findElement(By.id("link-destination")).sendKeys("https://shop.example/course");
        new Select(browser.findElement(By.id("link-goal-type"))).selectByValue("purchase");
        browser.findElement(By.id("link-goal-target")).sendKeys("not a product id!");
        browser.findElement(By.cssSelector("#create-link button[type=submit]")).click();

        assertThat(dashboard.shown(By.id("link-goal-target-error")).getText()).startsWith("goal.productId must be");
        assertThat(browser.findElement(By.id("link-destination-error")).getText()).isEmpty();
        dashboard.save("links-field-error");
    }

    @Test
    void markupInALinksNameAndCampaignIsShownAsTextAndNeverRuns() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "<img src=x onerror=alert(1)>", "destination": "https://shop.example/",
                 "channel": "newsletter", "campaign": "\\"><script>alert(2)</script>", "slug": "markup"}""")
                .statusCode()).isEqualTo(201);
        dashboard.signIn();

        WebElement row = dashboard.rowOf("links", IMG_NAME);
        assertThat(row.findElement(By.tagName("a")).getText()).isEqualTo(IMG_NAME);
        browser.get(dashboard.page("/#/links/markup"));
        assertThat(dashboard.shown(By.id("link-name")).getText()).isEqualTo(IMG_NAME);
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains(SCRIPT_TEXT);

        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThat(dashboard.noAlert()).isTrue();
        dashboard.save("link-with-markup");
    }

    @Test
    void eachSectionSaysWhatToDoWhenItHasNothingYet() {
        dashboard.signIn();
        assertThat(dashboard.shown(By.cssSelector("#links-list .empty")).getText()).contains("Create a tracking link");
        browser.get(dashboard.page("/#/channels"));
        assertThat(dashboard.shown(By.cssSelector(".view .empty")).getText()).contains("share it there");
        dashboard.save("channels-empty");
        browser.get(dashboard.page("/#/products"));
        assertThat(dashboard.shown(By.cssSelector("#products-list .empty")).getText()).contains("signed sale");
        dashboard.save("products-empty");
        browser.get(dashboard.page("/#/leads"));
        dashboard.shown(By.id("lead-email")).sendKeys("ann@example.com");
        browser.findElement(By.cssSelector("#lead-search button")).click();
        assertThat(dashboard.shown(By.cssSelector("#lead-search-result .empty, #lead-search-result .error")).getText())
                .isNotBlank();
        dashboard.save("leads");
    }
}
