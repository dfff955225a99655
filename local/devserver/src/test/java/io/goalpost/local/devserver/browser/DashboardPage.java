package io.goalpost.local.devserver.browser;

import io.goalpost.local.devserver.DevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a marketer does in the dashboard, for the browser tests: sign in, fill the link form, read
 * tables and numbers, and keep a screenshot of a page in {@code target/screenshots/dashboard/}.
 */
final class DashboardPage {

    static final Duration SHOWN = Duration.ofSeconds(10);
    private static final Path PAGES = BrowserExtension.SCREENSHOTS.resolve("dashboard");

    private final DevServer server;
    private final WebDriver browser;

    DashboardPage(DevServer server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
    }

    /** The page at a size that shows a whole section, with no key left from an earlier test. */
    void openSignedOut() {
        browser.manage().window().setSize(new Dimension(1280, 1500));
        browser.get(page("/"));
        script("sessionStorage.clear()");
        browser.navigate().refresh();
    }

    void signIn() {
        shown(By.id("api-key")).sendKeys(DashboardTraffic.API_KEY);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        shown(By.cssSelector("#links-list table, #links-list .empty"));
    }

    void createThroughTheForm(String name, String destination, String channel, String slug, String product) {
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

    /** The row of a table whose first cell names it (its link's text, when it has one), once the table shows it. */
    WebElement rowOf(String tableId, String name) {
        return waiting().until(driver -> driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .filter(row -> {
                    WebElement first = row.findElement(By.tagName("td"));
                    List<WebElement> links = first.findElements(By.tagName("a"));
                    return (links.isEmpty() ? first : links.get(0)).getText().equals(name);
                })
                .findFirst().orElse(null));
    }

    void sortBy(String column) {
        browser.findElement(By.xpath("//table[@id='links']//th/button[text()='" + column + "']")).click();
    }

    List<String> firstCells(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }

    /** Types a range into the header's date inputs (as the browser's own date format wants) and shows it. */
    void setRange(String from, String to) {
        script("const f = document.getElementById('range'); f.elements.from.value = arguments[0]; "
                + "f.elements.to.value = arguments[1];", from, to);
        browser.findElement(By.cssSelector("#range button")).click();
    }

    String metric(String name) {
        return shown(By.cssSelector("[data-metric=" + name + "] dd")).getText();
    }

    /** A wait that looks again when the page re-rendered what it was looking at. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, SHOWN);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    WebElement shown(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    boolean noAlert() {
        try {
            browser.switchTo().alert();
            return false;
        } catch (NoAlertPresentException none) {
            return true;
        }
    }

    String page(String path) {
        return server.baseUri().resolve(path).toString();
    }

    Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(js, arguments);
    }

    void save(String name) {
        try {
            Files.createDirectories(PAGES);
            Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, PAGES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
