package dev.onair.bench.chat;

import dev.onair.transport.clock.MediaClock;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The server under test as its own process ({@code OnairCli serve} on this JVM's class path): dev mode (tokens signed
 * with the dev key), in-memory history, free ports, and a per-identity rate limit far above the offered load (the
 * benchmark measures fan-out, not the limiter: its few senders each offer tens of msg/s, the default is 5).
 * Reads its CPU time and RSS from {@code /proc}, its heap after a GC with {@code jcmd}.
 */
final class ServerProcess implements AutoCloseable {
    static final int RATE_LIMIT_PER_SECOND = 100_000;
    private static final long START_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final Process process;
    private final int httpPort;
    private final Path log;

    private ServerProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    static ServerProcess start(Path dir, MediaClock clock, List<String> jvmFlags) throws IOException {
        Files.createDirectories(dir);
        int port = freeTcpPort();
        Path config = dir.resolve("server.yaml");
        Files.writeString(config, "httpPort: " + port + "\nmediaPort: " + freeUdpPort()
                + "\nannounceIps: [127.0.0.1]\nrecorder:\n  autoDump: false\nmessaging:\n  rateLimitPerSecond: "
                + RATE_LIMIT_PER_SECOND + "\n  rateLimitBurst: " + RATE_LIMIT_PER_SECOND + "\n");
        Path log = dir.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.onair.server.cli.OnairCli", "serve",
                "--config", config.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(p, port, log);
        server.awaitHealthy(clock);
        return server;
    }

    URI chatUri() {
        return URI.create("ws://127.0.0.1:" + httpPort + "/chat");
    }

    long pid() {
        return process.pid();
    }

    OptionalLong cpuTicks() {
        return read("stat").map(ProcStats::cpuTicks).orElse(OptionalLong.empty());
    }

    OptionalLong rssKib() {
        return read("status").map(ProcStats::rssKib).orElse(OptionalLong.empty());
    }

    /** Heap used after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    OptionalLong heapUsedAfterGcKib() {
        try {
            jcmd("GC.run");
            return ProcStats.heapUsedKib(jcmd("GC.heap_info"));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private String jcmd(String command) throws IOException {
        Process j = new ProcessBuilder("jcmd", Long.toString(pid()), command).redirectErrorStream(true).start();
        String out = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            j.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private java.util.Optional<String> read(String file) {
        try {
            return java.util.Optional.of(Files.readString(Path.of("/proc", Long.toString(pid()), file)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private void awaitHealthy(MediaClock clock) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = clock.nanoTime() + START_DEADLINE_NANOS;
        while (clock.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IOException("server did not answer /healthz within 60 s; log: " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
