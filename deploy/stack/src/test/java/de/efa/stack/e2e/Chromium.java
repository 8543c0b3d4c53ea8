package de.efa.stack.e2e;

import de.efa.stack.StackConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser: Debian's Chromium, headless, with a fresh profile, driven by Debian's chromedriver (never
 * a downloaded one). Every page the tests look at is checked with axe-core: no serious or critical violation.
 */
final class Chromium implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String AXE = axeScript();
    /** Every rule axe has; only serious and critical findings fail, which WCAG 2.1 AA failures are. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document).then(result => done(JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' '))
                            .join(', ')))))
                .catch(error => done('axe failed: ' + error));
            """;

    /** The system property that names the folder screenshots go to. */
    private static final String SCREENSHOTS = "efa.screenshots";

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium() {
        try {
            profile = Files.createTempDirectory("chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=de-DE");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver"))).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    static Chromium start() {
        return new Chromium();
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page and checks it, unless the portal sent the browser on to Keycloak's login, which is not ours. */
    Chromium open(String url) {
        driver.get(url);
        return driver.getCurrentUrl().contains("/realms/") ? this : checked();
    }

    /** Logs in on Keycloak's page, where the portal has sent the browser, and checks the page it returns to. */
    Chromium logInAs(String user) {
        waitFor(By.id("kc-login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, PATIENCE).until(d -> !d.getCurrentUrl().contains("/realms/"));
        return checked();
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).pollingEvery(Duration.ofMillis(250))
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** The page as it stands, checked with axe-core: no serious or critical violation. */
    Chromium checked() {
        waitFor(By.tagName("main"));
        JavascriptExecutor js = driver;
        js.executeScript(AXE);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        Object violations = js.executeAsyncScript(RUN_AXE);
        assertThat(String.valueOf(violations)).as("axe-core on " + driver.getCurrentUrl()).isEqualTo("[]");
        return this;
    }

    /**
     * Saves the whole page into deploy/stack/target/screenshots/, or into the folder the system property
     * {@value #SCREENSHOTS} names (relative to the repository), so that a test run leaves the README's pictures in
     * docs/screenshots/ alone unless asked to renew them (README, "Portal").
     */
    void screenshot(String name) {
        Path target = StackConfig.defaultRepositoryRoot()
                .resolve(System.getProperty(SCREENSHOTS, "deploy/stack/target/screenshots")).resolve(name + ".png");
        Dimension window = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), height.intValue())));
        // A page scrolled to the input typed last would lose its top: the whole page is shown from its header.
        driver.executeScript("window.scrollTo(0, 0);");
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + target, e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory harms nothing.
        }
    }

    private static String executable(String name) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not on the PATH: deploy/install-chromium.sh installs it");
    }

    /** axe-core from its webjar, found through the version the webjar records. */
    private static String axeScript() {
        try (InputStream pom = Chromium.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(pom);
            String path = "/META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream script = Chromium.class.getResourceAsStream(path)) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core is missing from the test classpath", e);
        }
    }
}
