package dev.onair.bench.join;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Debian's chromedriver (both paths explicit: Selenium never downloads a
 * browser), fake camera and microphone, a fresh profile; the same flags as the server's e2e tests.
 */
public final class Chromium implements AutoCloseable {
    public static final String CHROMIUM = System.getProperty("onair.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("onair.chromedriver", "/usr/bin/chromedriver");
    private static final String CALL = "const done = arguments[arguments.length - 1];"
            + "Promise.resolve().then(() => window.bench[arguments[0]](...arguments[1]))"
            + ".then(r => done(r), e => done({error: String(e && e.message || e)}));";

    private final ChromeDriver driver;
    private final Path profile;

    /** @param extraArgs further command-line switches, e.g. {@code --use-file-for-fake-video-capture=FILE} */
    public Chromium(String... extraArgs) throws IOException {
        profile = Files.createTempDirectory("onair-bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        options.addArguments(extraArgs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /** Opens the join-latency page and waits (up to 15 s) until its module has loaded. */
    void openBenchPage(String base) {
        openPage(base, "/bench/join-latency.html");
    }

    /**
     * Opens {@code base + path}, a bench page that sets {@code window.benchReady} once its module has loaded and
     * exposes its functions as {@code window.bench}, and waits up to 15 s for it.
     */
    public void openPage(String base, String path) {
        driver.get(base + path);
        Object ready = null;
        for (int i = 0; i < 150 && !Boolean.TRUE.equals(ready); i++) {
            ready = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "setTimeout(() => done(window.benchReady === true), 100);");
        }
        if (!Boolean.TRUE.equals(ready)) {
            throw new IllegalStateException("the bench page did not load");
        }
    }

    /** Calls {@code window.bench[function](...args)} and returns what its promise resolved to. */
    public Object call(String function, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(CALL, function, List.of(args));
    }

    public String version() {
        return String.valueOf(driver.getCapabilities().getBrowserVersion());
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
