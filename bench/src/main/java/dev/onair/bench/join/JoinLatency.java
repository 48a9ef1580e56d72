package dev.onair.bench.join;

import ch.qos.logback.classic.Level;
import dev.onair.server.OnairServer;
import dev.onair.server.config.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Join to first frame, measured in real Chromium. Starts the server in-process (dev mode, free ports, media
 * on 127.0.0.1), one Chromium whose Room publishes the fake camera, then a second Chromium where, one after
 * the other, a fresh Room (subscribe-only) calls {@code connect()}, auto-subscribes and shows the host's video
 * in a {@code <video>}: the time from the {@code connect()} call to the first frame on screen
 * ({@code requestVideoFrameCallback}) is one sample. The page is reused; each Room has its own socket and PC.
 * Prints every sample (with the time to {@code joined} and to {@code trackSubscribed}) and p50/p95/max.
 *
 * <p>{@code bench/join-latency [--runs 20] [--warmup 1] [--verbose]}; warm-up samples are printed but not counted.
 */
public final class JoinLatency {
    private static final String ROOM = "join-latency";

    private JoinLatency() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 20);
        int warmup = intArg(args, "--warmup", 1);
        boolean verbose = List.of(args).contains("--verbose");
        if (!Chromium.available()) {
            System.err.println("join-latency: needs Debian's chromium and chromium-driver (" + Chromium.CHROMIUM + ", "
                    + Chromium.CHROMEDRIVER + ")");
            System.exit(2);
        }
        if (!verbose) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.onair")).setLevel(Level.WARN);
        }
        try (OnairServer server = OnairServer.start(new ServerConfig(0, 0, List.of("127.0.0.1"), Map.of(), 100));
             Chromium hostBrowser = new Chromium(); Chromium joinBrowser = new Chromium()) {
            String base = "http://127.0.0.1:" + server.httpPort();
            hostBrowser.openBenchPage(base);
            Map<?, ?> host = (Map<?, ?>) hostBrowser.call("host", ROOM, "host");
            if (host.get("error") != null) {
                throw new IllegalStateException("the host could not publish: " + host.get("error"));
            }
            Map<?, ?> hostStats = awaitHostSending(hostBrowser);
            joinBrowser.openBenchPage(base);
            System.out.printf(Locale.ROOT, "join -> first frame: Chromium %s, host camera %sx%s %s, %d runs (+%d warm-up"
                    + " not counted), %d CPUs%n", joinBrowser.version(), hostStats.get("width"), hostStats.get("height"),
                    hostStats.get("codec"), runs, warmup, Runtime.getRuntime().availableProcessors());
            System.out.println("run   joined_ms  track_ms  first_frame_ms");
            List<Double> firstFrames = new ArrayList<>();
            int failures = 0;
            for (int i = 0; i < warmup + runs; i++) {
                Map<?, ?> s = (Map<?, ?>) joinBrowser.call("joinOnce", ROOM, "viewer-" + i);
                boolean counted = i >= warmup;
                String label = counted ? String.format(Locale.ROOT, "%3d", i - warmup + 1) : "  w";
                if (s.get("error") != null || !(s.get("firstFrameMs") instanceof Number frame)) {
                    System.out.printf(Locale.ROOT, "%s   failed: %s (%s)%n", label, s.get("error"), s);
                    failures += counted ? 1 : 0;
                    continue;
                }
                System.out.printf(Locale.ROOT, "%s %11.1f %9.1f %15.1f%n", label, num(s, "joinedMs"),
                        num(s, "trackMs"), frame.doubleValue());
                if (counted) {
                    firstFrames.add(frame.doubleValue());
                }
            }
            if (firstFrames.isEmpty()) {
                System.out.println("no sample succeeded");
                System.exit(1);
            }
            LatencySummary sum = LatencySummary.of(firstFrames);
            System.out.printf(Locale.ROOT, "first frame: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d samples, %d failed)%n",
                    sum.p50Millis(), sum.p95Millis(), sum.maxMillis(), sum.count(), failures);
        }
    }

    /** Waits (up to 20 s) until the host has encoded 30 frames, so that the first join does not wait for them. */
    private static Map<?, ?> awaitHostSending(Chromium host) {
        Map<?, ?> stats = Map.of();
        for (int i = 0; i < 40; i++) {
            stats = (Map<?, ?>) host.call("hostStats");
            if (num(stats, "framesEncoded") >= 30) {
                return stats;
            }
            host.call("sleep", 500);
        }
        throw new IllegalStateException("the host does not send video: " + stats);
    }

    private static double num(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
