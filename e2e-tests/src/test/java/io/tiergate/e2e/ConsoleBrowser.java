package io.tiergate.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven through Debian's chromedriver, with its own profile
 * (so two officers are two sessions), signing in through Keycloak's own pages.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("tiergate.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("tiergate.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("tiergate.root", "..")).resolve("e2e-tests/target/console-screenshots");

    final WebDriver driver;
    final String base;
    private final Path profile;

    ConsoleBrowser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("tiergate-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The flags the machine needs: no sandbox as root, and no background calls to the closed network.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--lang=en-US",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        driver = new ChromeDriver(service, options);
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return until(
                d -> {
                    var found = d.findElements(By.cssSelector(css));
                    return found.isEmpty() ? null : found.get(0);
                },
                "an element " + css);
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Clicks what submits a form or follows a link, and waits for the next page (never reads the old one). */
    void clickAndLoad(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        until(d -> gone(page) ? Boolean.TRUE : null, "the page after " + css);
    }

    <T> T until(ExpectedCondition<T> condition, String what) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "waiting for " + what + " at " + driver.getCurrentUrl() + ", showing: " + excerpt())
                .until(condition);
    }

    /**
     * Whether an element of an earlier page is gone. Chromedriver reports that as a stale element, or, while the
     * next page is being built, as an inspector error ("does not belong to the document"): both mean gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return String.valueOf(e.getMessage()).contains("does not belong to the document");
        }
    }

    /** The start of what the page shows, for a failure message. */
    private String excerpt() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        } catch (RuntimeException e) {
            return "(no page)";
        }
    }

    /** Waits until the page at hand shows the text (anywhere in the body). */
    void waitForText(String text) {
        until(
                d -> d.findElement(By.tagName("body")).getText().contains(text) ? Boolean.TRUE : null,
                "the text '" + text + "'");
    }

    boolean onKeycloakLogin() {
        return driver.getCurrentUrl().contains("/realms/tiergate/protocol/openid-connect/auth")
                && present("#username")
                && present("#password");
    }

    /** Opens a console page; when Keycloak asks, signs in there with the demo user's password. */
    void signIn(String user, String path) {
        open(path);
        until(d -> onKeycloakLogin() || d.getCurrentUrl().startsWith(base) ? Boolean.TRUE : null, "a login page");
        if (onKeycloakLogin()) {
            type("#username", user);
            type("#password", user);
            click("#kc-login");
        }
        until(d -> d.getCurrentUrl().startsWith(base) ? Boolean.TRUE : null, "the console after sign-in");
    }

    /** Registers a new account on Keycloak's own registration page, from the console's login redirect. */
    void register(String username, String password) {
        open("/");
        until(d -> onKeycloakLogin() ? Boolean.TRUE : null, "Keycloak's login page");
        click("#kc-registration a");
        type("#username", username);
        type("#email", username + "@example.org");
        type("#firstName", "Test");
        type("#lastName", "Customer");
        type("#password", password);
        type("#password-confirm", password);
        find("#kc-register-form").submit();
        until(d -> d.getCurrentUrl().startsWith(base) ? Boolean.TRUE : null, "the console after registration");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
