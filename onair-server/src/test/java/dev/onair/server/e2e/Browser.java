package dev.onair.server.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One real headless Chromium from Debian ({@code /usr/bin/chromium}) driven through Debian's chromedriver,
 * with fake camera/microphone and a fresh profile. Selenium is never allowed to download a browser or driver:
 * both paths are given explicitly.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = System.getProperty("onair.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("onair.chromedriver", "/usr/bin/chromedriver");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    public Browser() throws IOException {
        this(List.of());
    }

    /** A browser with the house flags plus {@code extraArgs} (e.g. {@code --use-file-for-fake-audio-capture=…}). */
    public Browser(List<String> extraArgs) throws IOException {
        profile = Files.createTempDirectory("onair-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        List<String> args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile));
        args.addAll(extraArgs);
        options.addArguments(args);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver started;
        try {
            started = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        driver = started;
        driver.manage().timeouts().scriptTimeout(SCRIPT_TIMEOUT);
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public void open(String url) {
        driver.get(url);
    }

    /** The Selenium driver, for element look-ups and clicks. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Runs an async script: the script's last argument is the callback; {@code args} come before it. */
    public Object async(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * The stats summary of a WHIP/WHEP test page ({@code window.onair.stats()}, page.js: receiverStats or
     * senderStats); empty before the page has one.
     */
    public Map<?, ?> pageStats() {
        Object r = async("const done = arguments[arguments.length - 1];"
                + "if (!window.onair || !window.onair.stats) { done({}); return; }"
                + "window.onair.stats().then(done, e => done({error: String(e)}));");
        return r instanceof Map<?, ?> m ? m : Map.of();
    }

    public Object eval(String expression) {
        return ((JavascriptExecutor) driver).executeScript("return " + expression);
    }

    /** {@code String(expression)} in the page; null when the value is null. */
    public String text(String expression) {
        Object v = ((JavascriptExecutor) driver).executeScript("return String(" + expression + ")");
        return v == null ? null : v.toString();
    }

    /** Saves a PNG of the viewport to {@code file}, creating its folders. */
    public Path screenshot(Path file) throws IOException {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        return file;
    }

    /** Grows the window to the page's full height (at most 4000 px), then saves a PNG like {@link #screenshot}. */
    public Path screenshotFullPage(Path file) throws IOException {
        Object h = ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        int height = h instanceof Number n ? Math.min(4000, Math.max(800, n.intValue())) : 800;
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, height));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        return screenshot(file);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() throws IOException {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
