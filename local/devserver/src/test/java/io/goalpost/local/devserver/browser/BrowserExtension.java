package io.goalpost.local.devserver.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium per test class, driven through Debian's chromedriver: the driver is
 * named explicitly, so Selenium Manager never runs and nothing is downloaded. After each test a
 * screenshot goes to {@code target/screenshots/<class>/<test>.png}.
 *
 * <p>Without {@code /usr/bin/chromium} the tests are skipped on a developer's machine, with a
 * message saying what to install; under {@code CI} (set by CI) a missing browser fails them, so a
 * green build always means the browser tests ran.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    /**
     * What the browser calls itself. Headless Chromium says {@code HeadlessChrome}, which the bot
     * list names (docs/decisions/002): its clicks would count as bot clicks and the beacon would
     * drop its page events, so nothing the tests look for would be kept. A person's desktop Chrome
     * user agent makes the browser the visitor the tests mean it to be.
     */
    static final String DESKTOP_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        requireBrowser(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), System.getenv("CI") != null);
        context.getStore(NAMESPACE).put(Browser.class, new Browser());
    }

    /** Skips the tests (a JUnit assumption) on a machine without the browser, unless under CI. */
    static void requireBrowser(boolean installed, boolean underCi) {
        String install = "apt-get install -y chromium chromium-driver";
        if (!installed && !underCi) {
            Assumptions.abort("browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing ("
                    + install + "); under CI they fail instead");
        }
        if (!installed) {
            throw new IllegalStateException("CI is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: .ci/run must " + install);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser != null) {
            browser.screenshot(SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName())
                    .resolve(context.getRequiredTestMethod().getName() + ".png"));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Browser.class, Browser.class).driver;
    }

    /** Closed by JUnit with the test class's store: the browser quits and its profile is deleted. */
    private static final class Browser implements AutoCloseable {

        final Path profile;
        final WebDriver driver;

        Browser() {
            try {
                profile = Files.createTempDirectory("goalpost-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--disable-quic", "--window-size=1024,768",
                            "--user-agent=" + DESKTOP_CHROME,
                            "--user-data-dir=" + profile);
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }

        void screenshot(Path file) {
            try {
                Files.createDirectories(file.getParent());
                Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                System.err.println("screenshot " + file + " failed: " + e);
            }
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                deleteProfile();
            }
        }

        private void deleteProfile() {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + profile + ": " + e);
            }
        }
    }
}
