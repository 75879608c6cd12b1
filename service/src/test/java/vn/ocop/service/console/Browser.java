package vn.ocop.service.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through Debian's chromedriver, both named explicitly so that Selenium Manager has
 * nothing to look up or download. Tests call {@link #available()} and skip with its reason where there is no browser.
 */
final class Browser {
    static final File CHROMIUM = new File(System.getProperty("ocop.test.chromium", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getProperty("ocop.test.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    /** Null when both are installed, else why the browser tests skip. */
    static String missing() {
        if (!CHROMIUM.canExecute())
            return "no browser: " + CHROMIUM + " is not installed (apt-get install chromium chromium-driver)";
        if (!CHROMEDRIVER.canExecute())
            return "no driver: " + CHROMEDRIVER + " is not installed (apt-get install chromium-driver)";
        return null;
    }

    static ChromeDriver start() throws IOException {
        Path profile = Files.createTempDirectory("ocop-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=vi-VN",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    /** Writes a screenshot of the page when -Docop.console.screenshots=<folder> is set (docs/console.md's pictures). */
    static void screenshot(ChromeDriver driver, String name) throws IOException {
        String folder = System.getProperty("ocop.console.screenshots");
        if (folder == null || folder.isBlank()) return;
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
