package io.goalpost.local.devserver.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.devserver.e2e.DevServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium) against the dev server: a marketer signs
 * in, creates a link through the form, and watches clicks and a sale sent over HTTP arrive in the
 * page. Each page is also written to {@code target/screenshots/dashboard/<page>.png}.
 */
@ExtendWith({DevServerExtension.class, BrowserExtension.class})
class DashboardInTheBrowserTest {

    private static final Path PAGES = BrowserExtension.SCREENSHOTS.resolve("dashboard");
    private static final Duration SHOWN = Duration.ofSeconds(10);
    private static final String IMG_NAME = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT_TEXT = "\"><script>alert(2)</script>";

    private final DevServer server;
    private final WebDriver browser;
    private final DashboardTraffic traffic;

    DashboardInTheBrowserTest(DevServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.traffic = new DashboardTraffic(server.baseUri());
    }

    /** Nothing kept from the last test: no links, no sales, no key in the browser session. */
    @BeforeEach
    void startSignedOut() {
        server.resetForTest();
        browser.manage().window().setSize(new Dimension(1280, 1500));
        browser.get(page("/"));
        script("sessionStorage.clear()");
        browser.navigate().refresh();
    }

    @Test
    void aWrongApiKeyIsRefusedWithAPlainMessageAndNothingElseOpens() {
        shown(By.id("api-key")).sendKeys("not-the-key");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("sign-in-error"), "not accepted"));
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.id("links"))).isEmpty();
        assertThat(script("return sessionStorage.length")).isEqualTo(0L);
        save("sign-in-refused");
    }

    @Test
    void theKeyIsAskedOnceAndKeptOnlyForTheBrowserSession() {
        signIn();
        browser.navigate().refresh();

        shown(By.id("new-link"));
        assertThat(browser.findElements(By.id("api-key"))).isEmpty();
        assertThat(script("return sessionStorage.getItem('goalpost.apiKey')")).isEqualTo(DashboardTraffic.API_KEY);
        assertThat(script("return localStorage.length + document.cookie.length")).isEqualTo(0L);
    }

    @Test
    void aLinkCreatedThroughTheFormShowsTheGoalsAndRevenueOfClicksAndASaleSentOverHttp() {
        signIn();
        save("links-empty");
        createThroughTheForm("Course on Facebook", "https://shop.example/course", "facebook-ads", "course-fb",
                "course-101");
        WebElement row = rowOf("links", "Course on Facebook");
        assertThat(row.getText()).contains("facebook-ads", "Purchase of course-101");
        save("links-created");

        String clickId = traffic.click("course-fb");
        traffic.click("course-fb");
        assertThat(traffic.sale("ord_9001", "course-101", 4900, "USD", clickId)).isEqualTo(200);

        browser.get(page("/#/links/course-fb"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            server.fireSchedules("AttributionFunction");
            browser.navigate().refresh();
            assertThat(metric("goals")).isEqualTo("1");
            assertThat(metric("revenue")).isEqualTo("$49.00");
        });
        assertThat(metric("clicks")).isEqualTo("2");
        assertThat(metric("conversionRate")).isEqualTo("50%");
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        save("link");

        browser.get(page("/#/links"));
        assertThat(rowOf("links", "Course on Facebook").getText()).contains("$49.00", "50%");
        browser.get(page("/#/channels"));
        assertThat(rowOf("channels", "facebook-ads").getText()).contains("$49.00");
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
        save("channels");
        browser.get(page("/#/products"));
        rowOf("products", "course-101").findElement(By.linkText("course-101")).click();
        waiting().until(ExpectedConditions.textToBe(
                By.cssSelector("[data-metric=sales] dd"), "1"));
        assertThat(metric("revenue")).isEqualTo("$49.00");
        shown(By.cssSelector("#reconciliation .empty, #reconciliation-summary"));
        save("product");
    }

    @Test
    void oneClickPutsALinksTrackingUrlOnTheClipboard() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "Spring newsletter", "destination": "https://shop.example/", "channel": "newsletter",
                 "slug": "spring-news"}""").statusCode()).isEqualTo(201);
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", server.baseUri().toString().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        signIn();

        WebElement copy = rowOf("links", "Spring newsletter").findElement(By.cssSelector("button.copy"));
        copy.click();

        waiting().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        Object clipboard = ((JavascriptExecutor) browser).executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('refused: ' + e))");
        assertThat(clipboard).isEqualTo(page("/l/spring-news"));
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
        signIn();

        sortBy("Clicks");
        assertThat(firstCells("links")).containsExactly("three-clicks", "two-clicks", "one-click");
        sortBy("Clicks");
        assertThat(firstCells("links")).containsExactly("one-click", "two-clicks", "three-clicks");
        sortBy("Name");
        assertThat(firstCells("links")).containsExactly("one-click", "three-clicks", "two-clicks");
        save("links-sorted");
    }

    @Test
    void longListsComeTwentyToAPage() {
        for (int i = 1; i <= 21; i++) {
            assertThat(traffic.apiPost("/api/links", """
                    {"name": "Link %02d", "destination": "https://shop.example/", "channel": "ads"}"""
                    .formatted(i)).statusCode()).isEqualTo(201);
        }
        signIn();

        List<String> first = firstCells("links");
        assertThat(first).hasSize(20);
        browser.findElement(By.xpath("//nav[@class='pager']/button[text()='Next']")).click();
        waiting().until(driver -> firstCells("links").size() == 1);
        assertThat(first).doesNotContainAnyElementsOf(firstCells("links"));
        assertThat(browser.findElement(By.xpath("//nav[@class='pager']/button[text()='Next']")).isEnabled()).isFalse();
        browser.findElement(By.xpath("//nav[@class='pager']/button[text()='Previous']")).click();
        waiting().until(driver -> firstCells("links").size() == 20);
    }

    @Test
    void archivingAsksOnceMoreAndThenMarksTheLinkArchived() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "Old offer", "destination": "https://shop.example/", "channel": "ads", "slug": "old-offer"}""")
                .statusCode()).isEqualTo(201);
        signIn();

        rowOf("links", "Old offer").findElement(By.xpath(".//button[text()='Archive']")).click();
        save("links-archive-confirm");
        rowOf("links", "Old offer").findElement(By.xpath(".//button[text()='Archive link']")).click();

        waiting().until(driver -> rowOf("links", "Old offer").getText().contains("archived"));
        assertThat(traffic.get("/l/old-offer").statusCode()).isEqualTo(404);
    }

    @Test
    void theDateRangeChoosesTheDaysTheNumbersComeFrom() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "Today", "destination": "https://shop.example/", "channel": "ads", "slug": "today"}""")
                .statusCode()).isEqualTo(201);
        traffic.click("today");
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.apiGet("/api/links/today/stats").body().contains("\"clicks\":1"));
        signIn();
        browser.get(page("/#/links/today"));
        assertThat(metric("clicks")).isEqualTo("1");

        setRange("2020-01-01", "2020-01-31");

        waiting().until(ExpectedConditions.textToBe(By.cssSelector("[data-metric=clicks] dd"), "0"));
        assertThat(browser.findElement(By.cssSelector("main h2")).getText()).isEqualTo("2020-01-01 to 2020-01-31");
        setRange("2020-02-01", "2020-01-01");
        assertThat(shown(By.cssSelector("main .error")).getText()).contains("from");
    }

    @Test
    void theApisFieldErrorsAreShownBesideTheirFields() {
        signIn();
        createThroughTheForm("Bad destination", "ftp://shop.example/course", "facebook-ads", "", "");

        WebElement error = shown(By.id("link-destination-error"));
        assertThat(error.getText()).startsWith("destination must be an absolute http or https URL");
        assertThat(browser.findElement(By.id("link-destination")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.findElement(By.id("link-destination")).clear();
        browser.findElement(By.id("link-destination")).sendKeys("https://shop.example/course");
        new Select(browser.findElement(By.id("link-goal-type"))).selectByValue("purchase");
        browser.findElement(By.id("link-goal-target")).sendKeys("not a product id!");
        browser.findElement(By.cssSelector("#create-link button[type=submit]")).click();

        assertThat(shown(By.id("link-goal-target-error")).getText()).startsWith("goal.productId must be");
        assertThat(browser.findElement(By.id("link-destination-error")).getText()).isEmpty();
        save("links-field-error");
    }

    @Test
    void markupInALinksNameAndCampaignIsShownAsTextAndNeverRuns() {
        assertThat(traffic.apiPost("/api/links", """
                {"name": "<img src=x onerror=alert(1)>", "destination": "https://shop.example/",
                 "channel": "newsletter", "campaign": "\\"><script>alert(2)</script>", "slug": "markup"}""")
                .statusCode()).isEqualTo(201);
        signIn();

        WebElement row = rowOf("links", IMG_NAME);
        assertThat(row.findElement(By.tagName("a")).getText()).isEqualTo(IMG_NAME);
        browser.get(page("/#/links/markup"));
        assertThat(shown(By.id("link-name")).getText()).isEqualTo(IMG_NAME);
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains(SCRIPT_TEXT);

        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThat(noAlert()).isTrue();
        save("link-with-markup");
    }

    @Test
    void eachSectionSaysWhatToDoWhenItHasNothingYet() {
        signIn();
        assertThat(shown(By.cssSelector("#links-list .empty")).getText()).contains("Create a tracking link");
        browser.get(page("/#/channels"));
        assertThat(shown(By.cssSelector(".view .empty")).getText()).contains("share it there");
        save("channels-empty");
        browser.get(page("/#/products"));
        assertThat(shown(By.cssSelector("#products-list .empty")).getText()).contains("signed sale");
        save("products-empty");
        browser.get(page("/#/leads"));
        shown(By.id("lead-email")).sendKeys("ann@example.com");
        browser.findElement(By.cssSelector("#lead-search button")).click();
        assertThat(shown(By.cssSelector("#lead-search-result .empty, #lead-search-result .error")).getText())
                .isNotBlank();
        save("leads");
    }

    private void signIn() {
        shown(By.id("api-key")).sendKeys(DashboardTraffic.API_KEY);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        shown(By.cssSelector("#links-list table, #links-list .empty"));
    }

    private void createThroughTheForm(String name, String destination, String channel, String slug, String product) {
        WebElement details = shown(By.id("new-link"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        shown(By.id("link-name")).sendKeys(name);
        browser.findElement(By.id("link-destination")).sendKeys(destination);
        browser.findElement(By.id("link-channel")).sendKeys(channel);
        browser.findElement(By.id("link-slug")).sendKeys(slug);
        if (!product.isEmpty()) {
            new Select(browser.findElement(By.id("link-goal-type"))).selectByValue("purchase");
            browser.findElement(By.id("link-goal-target")).sendKeys(product);
        }
        browser.findElement(By.cssSelector("#create-link button[type=submit]")).click();
    }

    /** The row of a table whose first cell reads exactly as given, once the table shows it. */
    private WebElement rowOf(String tableId, String firstCell) {
        return waiting().until(driver -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
            return rows.stream()
                    .filter(row -> {
                        String first = row.findElement(By.tagName("td")).getText();
                        return first.equals(firstCell) || first.startsWith(firstCell + "\n");
                    })
                    .findFirst().orElse(null);
        });
    }

    private void sortBy(String column) {
        browser.findElement(By.xpath("//table[@id='links']//th/button[text()='" + column + "']")).click();
    }

    private List<String> firstCells(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    /** Types a range into the header's date inputs (as the browser's own date format wants) and shows it. */
    private void setRange(String from, String to) {
        script("const f = document.getElementById('range'); f.elements.from.value = arguments[0]; "
                + "f.elements.to.value = arguments[1];", from, to);
        browser.findElement(By.cssSelector("#range button")).click();
    }

    private String metric(String name) {
        return shown(By.cssSelector("[data-metric=" + name + "] dd")).getText();
    }

    /** A wait that looks again when the page re-rendered what it was looking at. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, SHOWN);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement shown(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private boolean noAlert() {
        try {
            browser.switchTo().alert();
            return false;
        } catch (NoAlertPresentException none) {
            return true;
        }
    }

    private String page(String path) {
        return server.baseUri().resolve(path).toString();
    }

    private Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(js, arguments);
    }

    private void save(String name) {
        try {
            Files.createDirectories(PAGES);
            Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, PAGES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
