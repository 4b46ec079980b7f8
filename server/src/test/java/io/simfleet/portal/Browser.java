package io.simfleet.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (packages {@code chromium} and
 * {@code chromium-driver}, installed by src/test/browser/install-chromium.sh before the
 * integration tests). Each instance is a fresh browser with a profile of its own (no cookies, no
 * cache); close it after use. Without Chromium the calling test is skipped, saying why.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("simfleet.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("simfleet.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(String base, int width, int height) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("simfleet-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + Math.max(width, 500) + "," + height);
        if (width < 500) {
            // a window is at least 500 px wide: a phone's screen is emulated
            options.setExperimentalOption("mobileEmulation",
                    java.util.Map.of("deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A fresh browser at 1280×800 on the server at {@code port}; skips the test when there is no Chromium. */
    static Browser open(int port) {
        return open(port, 1280, 800);
    }

    static Browser open(int port, int width, int height) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser tests skipped: no " + CHROMIUM + " or " + DRIVER + " (install the Debian packages chromium and chromium-driver)");
        try {
            return new Browser("http://localhost:" + port, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * The element's text. Read again when htmx swapped the element out between finding and
     * reading it (a search answers on Enter and again 400 ms after the last key).
     */
    String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class).until(d -> find(css).getText());
    }

    /** Clicks the element, found again if htmx swapped it out before the click reached it. */
    void click(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class).until(d -> {
                    find(css).click();
                    return true;
                });
    }

    void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** As {@link #waitForText(String, String)}, for longer work (a bulk job). */
    void waitForText(String css, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Until a field's value (an input's, a textarea's) contains {@code text}. */
    void waitForValue(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementValue(By.cssSelector(css), text));
    }

    void waitForCount(String css, int n) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), n));
    }

    void login(String username, String password) {
        go("/portal/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        WebElement submit = find("main button[type=submit]");
        submit.click();
        // until the answer's page replaced this one: else the next find may get this page's
        // elements (a login refused twice shows the same alert) and see them go stale under it.
        // While the page is being replaced ChromeDriver may answer an unknown error instead of
        // "stale" ("Node with given id does not belong to the document"): asked again
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(submit));
    }

    void logout() {
        click("header form button");
        find("#username");
    }

    /** A PNG of the viewport into target/portal-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "portal-screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
