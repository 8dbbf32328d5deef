package io.controlautogeneracion.dashboards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its chromedriver ({@code superset/page/install-browser.sh} installs both),
 * or the ones {@code CHROMIUM} and {@code CHROMEDRIVER} name. As an extension it skips a test class
 * where they are not installed, before anything of it starts (the local stack included), and the
 * report names the class as skipped with the reason.
 */
final class Chromium implements ExecutionCondition {
    private final Path browser;
    private final Path driver;

    Chromium() {
        this(
                Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")),
                Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")));
    }

    private Chromium(Path browser, Path driver) {
        this.browser = browser;
        this.driver = driver;
    }

    /** Chromium and chromedriver, when both are installed. */
    static Optional<Chromium> find() {
        Chromium chromium = new Chromium();
        return Files.isExecutable(chromium.browser) && Files.isExecutable(chromium.driver)
                ? Optional.of(chromium)
                : Optional.empty();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return find().isPresent()
                ? ConditionEvaluationResult.enabled("Chromium " + browser + " and " + driver)
                : ConditionEvaluationResult.disabled(
                        "Chromium is not installed ("
                                + browser
                                + ", "
                                + driver
                                + "): superset/page/install-browser.sh installs Debian's chromium"
                                + " and chromedriver; without them the browser test is skipped");
    }

    /** A headless Chromium, its window 1440 pixels wide; the caller quits it. */
    ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless=new",
                // Root in a container has no user namespace for Chromium's sandbox.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--window-size=1440,1000");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driver.toFile())
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(service, options);
    }
}
