package dev.onair.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser SDK's tests ({@code onair-server/src/test/web/*.test.mjs}: onair.js against a fake
 * WebSocket and RTCPeerConnection on mocked timers) with node's built-in runner, so {@code mvn verify} runs
 * them. Needs Node 18.19+ ({@code scripts/install-test-deps.sh} installs Debian's {@code nodejs}); skipped when
 * there is no node at all, like the Chromium tests without Chromium.
 */
class SdkNodeTest {
    static final String NODE = System.getProperty("onair.node", "node");

    @Test
    void sdkNodeTestsPass() throws IOException, InterruptedException {
        assumeTrue(nodeVersion() != null, "node is required (scripts/install-test-deps.sh installs Debian nodejs)");
        Path dir = testDir();
        List<String> command = new ArrayList<>(List.of(NODE, "--test", "--test-reporter=tap"));
        try (Stream<Path> files = Files.list(dir)) {
            files.map(Path::toString).filter(f -> f.endsWith(".test.mjs")).sorted().forEach(command::add);
        }
        assertThat(command).as("test files in %s", dir).hasSizeGreaterThanOrEqualTo(6);

        Path log = Files.createTempFile("onair-sdk-node-test", ".log");
        try {
            Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = node.waitFor(120, TimeUnit.SECONDS); // a guard against a hung runner, not a timing
            if (!exited) {
                node.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exited ? node.exitValue() : -1).as("node --test output:%n%s", output).isZero();
            assertThat(output).as("node --test output").contains("# fail 0").doesNotContain("# pass 0");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path testDir() {
        for (String candidate : List.of("src/test/web", "onair-server/src/test/web")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no src/test/web under " + new File("").getAbsolutePath());
    }

    private static String nodeVersion() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(NODE, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
