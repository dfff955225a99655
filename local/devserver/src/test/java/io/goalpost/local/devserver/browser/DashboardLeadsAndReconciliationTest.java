package io.goalpost.local.devserver.browser;

import io.goalpost.local.devserver.e2e.Settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.devserver.e2e.DevServerExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The product reconciliation and the lead pages in a real browser against the dev server. They
 * read routes of the identity issue: each test runs once template.yaml routes them to the api
 * function, and is skipped (saying so) before.
 */
@ExtendWith({DevServerExtension.class, BrowserExtension.class})
class DashboardLeadsAndReconciliationTest {

    private static final String VISITOR = "annsLaptopVisitor01";
    private static final String SCRIPT_TEXT = "\"><script>alert(1)</script>";
    private static final Pattern LEAD_ID = Pattern.compile("\"leadId\"\\s*:\\s*\"([^\"]+)\"");

    private final DevServer server;
    private final WebDriver browser;
    private final DashboardTraffic traffic;
    private final DashboardPage dashboard;

    DashboardLeadsAndReconciliationTest(DevServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
        this.traffic = new DashboardTraffic(server.baseUri());
        this.dashboard = new DashboardPage(server, browser);
    }

    @BeforeEach
    void startSignedOutOnAnEmptyStack() {
        Settled.reset(server);
        dashboard.openSignedOut();
    }

    @Test
    void theReconciliationShowsTheSaleCreditedToALinkAndTheOtherSaleWithItsReason() {
        requireRoute("GET", "/api/products/{productId}/reconciliation", "/api/products/course-101/reconciliation");
        assertThat(traffic.apiPost("/api/links", """
                {"name": "Course on Facebook", "destination": "https://shop.example/course", "channel": "facebook-ads",
                 "slug": "course-fb", "goal": {"type": "purchase", "productId": "course-101"}}""").statusCode())
                .isEqualTo(201);
        String clickId = traffic.click("course-fb");
        assertThat(traffic.sale("ord_linked", "course-101", 4900, "USD", clickId)).isEqualTo(200);
        assertThat(traffic.sale("ord_anonymous", "course-101", 4900, "USD", null)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            server.fireSchedules("AttributionFunction");
            String body = traffic.apiGet("/api/products/course-101/reconciliation").body();
            return body.contains("\"sales\":2") && body.contains("\"attributedSales\":1");
        });
        dashboard.signIn();

        browser.get(dashboard.page("/#/products/course-101"));

        assertThat(dashboard.shown(By.id("reconciliation-summary")).getText())
                .isEqualTo("2 sales: 1 credited to a link, 1 not.");
        assertThat(dashboard.rowOf("by-link", "course-fb").getText()).contains("$49.00");
        assertThat(dashboard.shown(By.cssSelector("#reasons [data-reason=no_identity]")).getText())
                .contains("No identity: 1", "no visitor id, click id or email", "Pass gp_cid");
        assertThat(dashboard.rowOf("conversions", "ord_linked").getText()).contains("course-fb", "by the click id it carried");
        dashboard.save("product-reconciliation");
    }

    @Test
    void aLeadFoundByEmailShowsItsConsentAndIsErasedOnlyAfterTypingErase() {
        requireRoute("GET", "/api/leads/{leadId}", "/api/leads/nobody");
        HttpResponse<String> optIn = traffic.apiPost("/api/leads", "{\"email\": \"ann@example.com\", \"gdprConsent\": true,"
                + " \"formId\": \"newsletter\", \"visitorId\": \"" + VISITOR + "\"}");
        assertThat(optIn.statusCode()).as(optIn.body()).isIn(200, 201);
        Matcher leadId = LEAD_ID.matcher(optIn.body());
        assertThat(leadId.find()).isTrue();
        // Anyone can send a beacon: its URL is data, shown as text in the lead's log.
        assertThat(traffic.pageEvent("{\"type\": \"page_view\", \"consent\": \"all\", \"visitorId\": \"" + VISITOR
                + "\", \"url\": \"https://shop.example/landing?utm_content=" + SCRIPT_TEXT.replace("\"", "\\\"") + "\"}"))
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> traffic.apiGet("/api/leads/" + leadId.group(1)).body().contains("page_view"));
        dashboard.signIn();

        browser.get(dashboard.page("/#/leads"));
        dashboard.shown(By.id("lead-email")).sendKeys("Ann@Example.com ");
        browser.findElement(By.cssSelector("#lead-search button")).click();

        assertThat(dashboard.shown(By.id("lead-email-shown")).getText()).isEqualTo("ann@example.com");
        assertThat(browser.getCurrentUrl()).doesNotContain("ann").endsWith("#/leads/" + leadId.group(1));
        assertThat(dashboard.metric("gdprConsent")).isEqualTo("agreed");
        assertThat(dashboard.shown(By.id("visitor-ids")).getText()).isEqualTo(VISITOR);
        assertThat(browser.findElement(By.id("lead-log")).getText()).contains("Page view", "https://shop.example/landing?utm_content=");
        assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThat(dashboard.noAlert()).isTrue();
        dashboard.save("lead");

        browser.findElement(By.xpath("//button[text()='Erase this lead']")).click();
        browser.findElement(By.xpath("//button[text()='Erase for good']")).click();
        dashboard.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#erase [role=status]"), "Type ERASE"));
        assertThat(traffic.apiGet("/api/leads/" + leadId.group(1)).body()).contains("ann@example.com");

        dashboard.shown(By.id("erase-confirmation")).sendKeys("ERASE");
        browser.findElement(By.xpath("//button[text()='Erase for good']")).click();

        dashboard.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("erase"), "erased"));
        assertThat(traffic.apiGet("/api/leads/" + leadId.group(1)).body()).doesNotContain("ann@example.com");
        dashboard.save("lead-erased");
    }

    /**
     * Skips the test until the identity issue's route is in template.yaml and the api function
     * answers it (until then the handler answers "no such route", and the page says the
     * deployment does not offer it yet).
     */
    private void requireRoute(String method, String path, String probe) {
        boolean declared = server.template().function("ApiFunction").orElseThrow().routes().stream()
                .anyMatch(route -> route.method().equalsIgnoreCase(method) && route.path().equals(path));
        assumeTrue(declared, method + " " + path + " is not in template.yaml yet (identity issue): skipped until it is");
        assumeTrue(!traffic.apiGet(probe).body().contains("no such route"),
                method + " " + path + " is in template.yaml but the api function does not answer it yet: skipped until it does");
    }
}
