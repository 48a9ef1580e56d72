package dev.onair.server.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onair.server.OnairServer;
import dev.onair.server.config.RecorderConfig;
import dev.onair.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server every browser test class talks to: a real dev-mode server on free ports, started once per class
 * ({@code @RegisterExtension static final BrowserServer SERVER = new BrowserServer();}), and the assumption that
 * Debian's Chromium and ChromeDriver are there.
 */
public final class BrowserServer implements BeforeAllCallback, AfterAllCallback {
    private OnairServer server;
    private String base;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are required (./onair test installs them)");
        // Automatic flight-recorder dumps (on by default) go under target/, not the machine's temp directory.
        server = OnairServer.start(new ServerConfig(0, 0, List.of("127.0.0.1"), Map.of(), 50)
                .withRecorder(RecorderConfig.defaults().withAutoDump(Path.of("target", "test-dumps"), 60_000)));
        base = "http://127.0.0.1:" + server.httpPort();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public OnairServer server() {
        return server;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String base() {
        return base;
    }
}
