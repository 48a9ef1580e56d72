package dev.onair.messaging.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Debian's {@code /usr/bin/redis-server} for a test class on a free 127.0.0.1 port, without persistence, in a
 * temp dir, waits (with a deadline) until it answers PING, and stops it after the class. Register it as a static
 * field with {@code @RegisterExtension} and use {@link #url()}. A missing binary fails the class: it is never skipped.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
    static final Path BINARY = Paths.get("/usr/bin/redis-server");
    private static final long START_DEADLINE_MILLIS = 10_000;
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int START_ATTEMPTS = 3;

    private final Path binary;
    private Process process;
    private Path dir;
    private int port;

    public RedisServerExtension() {
        this(BINARY);
    }

    /** With another binary (tests of this extension). */
    RedisServerExtension(Path binary) {
        this.binary = binary;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: the Redis store tests need Debian's redis-server"
                    + " (apt-get install redis-server); `./onair test` installs it (see the README's Tests section)");
        }
        dir = Files.createTempDirectory("onair-redis-test");
        IllegalStateException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                start();
                return;
            } catch (IllegalStateException e) {
                last = e; // the port was taken between choosing and binding, most likely: another port
                stopProcess();
            }
        }
        throw last;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void start() throws IOException {
        port = freePort();
        Path log = dir.resolve("redis-" + port + ".log");
        process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--daemonize", "no"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start: " + Files.readString(log));
            }
            if (answersPing(port)) {
                return;
            }
            LockSupport.parkNanos(PROBE_INTERVAL_NANOS);
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                + START_DEADLINE_MILLIS + " ms: " + Files.readString(log));
    }

    private static boolean answersPing(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            s.setSoTimeout(1_000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = new byte[7];
            int n = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, n, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopProcess();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void stopProcess() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }
}
