package dev.onair.bench.chat;

import dev.onair.transport.tcp.TcpTransport;
import dev.onair.client.chat.ChatClient;
import dev.onair.transport.clock.MediaClock;
import io.netty.channel.EventLoopGroup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Runs one scenario against a fresh server process and returns its numbers. */
final class ScenarioRun {
    /** How long after the last send the run waits for deliveries still under way (later ones count as lost). */
    static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long PACE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long IDLE_SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int IDLE_WARMUP_CONNECTIONS = 20;
    /**
     * The idle server's heap is fixed and touched up front, so that its RSS grows only by what lives outside the heap
     * (Netty's direct buffers, native memory); the heap's share is read after a full GC.
     */
    static final List<String> IDLE_JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");
    private static final int TICKS_PER_SECOND = 100; // Linux USER_HZ (getconf CLK_TCK)
    private final ChatScenario scenario;
    private final MediaClock clock;
    private final Path dir;
    private final PrintStream log;
    private final int warmupSeconds;
    private final List<String> serverJvmFlags;

    ScenarioRun(ChatScenario scenario, MediaClock clock, Path dir, PrintStream log, int warmupSeconds,
                List<String> serverJvmFlags) {
        this.scenario = scenario;
        this.warmupSeconds = warmupSeconds;
        this.serverJvmFlags = List.copyOf(serverJvmFlags);
        this.clock = clock;
        this.dir = dir;
        this.log = log;
    }

    ScenarioResult runLoad() throws Exception {
        EventLoopGroup group = TcpTransport.newGroup(Runtime.getRuntime().availableProcessors());
        LoadCounters counters = new LoadCounters();
        try (ServerProcess server = ServerProcess.start(dir.resolve(scenario.name()), clock, serverJvmFlags)) {
            ClientFleet fleet = new ClientFleet(group, server.chatUri());
            List<Receiver> receivers = new ArrayList<>();
            List<String> rooms = new ArrayList<>();
            List<String> identities = new ArrayList<>();
            for (int room = 0; room < scenario.rooms(); room++) {
                for (int c = 0; c < scenario.clientsPerRoom(); c++) {
                    receivers.add(new Receiver(room, counters, clock));
                    rooms.add(scenario.roomName(room));
                    identities.add(c < scenario.sendersPerRoom() ? "sender-" + room + "-" + c : "viewer");
                }
            }
            long t0 = clock.nanoTime();
            fleet.connect(receivers, rooms, identities);
            log.printf("%s: %d clients joined in %.1f s; server pid %d%n", scenario.name(), scenario.clients(),
                    (clock.nanoTime() - t0) / 1e9, server.pid());
            long warmSent = send(fleet.clients, new int[scenario.rooms()], clock.nanoTime(), warmupSeconds, "w");
            awaitReceived(counters.warmupReceived, warmSent * scenario.clientsPerRoom()); // JIT warm-up, not counted
            log.printf("%s: warm-up of %d messages delivered%s%n", scenario.name(), warmSent,
                    counters.warmupReceived.sum() < warmSent * scenario.clientsPerRoom() ? " IN PART" : "");
            int[] sentPerRoom = new int[scenario.rooms()];
            long cpuBefore = server.cpuTicks().orElse(0);
            long benchCpuBefore = ProcStats.selfCpuTicks().orElse(0);
            long start = clock.nanoTime();
            long sent = send(fleet.clients, sentPerRoom, start, scenario.seconds(), "m");
            long expected = 0;
            for (int room = 0; room < scenario.rooms(); room++) {
                expected += (long) sentPerRoom[room] * scenario.clientsPerRoom();
            }
            awaitReceived(counters.received, expected);
            long wall = clock.nanoTime() - start;
            long cpu = server.cpuTicks().orElse(cpuBefore) - cpuBefore;
            long benchCpu = ProcStats.selfCpuTicks().orElse(benchCpuBefore) - benchCpuBefore;
            OptionalLong rss = server.rssKib();
            fleet.closeAll();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS); // then ledgers are final
            long delivered = 0;
            long lost = 0;
            long dup = 0;
            long reordered = 0;
            for (Receiver r : receivers) {
                delivered += r.ledger.received();
                lost += r.ledger.lost(sentPerRoom[r.room]);
                dup += r.ledger.duplicates();
                reordered += r.ledger.reordered();
            }
            LatencyHistogram latency = counters.mergedLatency();
            String problems = counters.problems() + (counters.duplicateAcks.sum() > 0
                    ? ", duplicate acks×" + counters.duplicateAcks.sum() : "");
            return new ScenarioResult(scenario.name(), scenario.clients(), scenario.rooms(), scenario.ratePerSecond(),
                    scenario.seconds(), sent, expected, delivered, lost, dup, reordered,
                    latency.percentileMillis(50), latency.percentileMillis(99), latency.maxMillis(),
                    ProcStats.cpuPercent(cpu, wall, TICKS_PER_SECOND), rss.orElse(0) / 1024.0,
                    ProcStats.cpuMicrosPer(cpu, delivered, TICKS_PER_SECOND),
                    ProcStats.cpuMicrosPer(benchCpu, delivered, TICKS_PER_SECOND), problems);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    /**
     * Offers {@code ratePerSecond} messages a second for {@code seconds} (rate × seconds in all): message k goes to
     * room k mod rooms, from that room's senders in turn, its text carrying its index in the room and the send time.
     * Prefix {@code "m"}: benchmark messages; {@code "w"}: warm-up messages, which receivers do not count.
     */
    private long send(List<ChatClient> clients, int[] sentPerRoom, long start, int seconds, String prefix) {
        long total = (long) seconds * scenario.ratePerSecond();
        long k = 0;
        while (true) {
            long now = clock.nanoTime();
            if (k >= total) {
                return k;
            }
            long due = Math.min(total, 1 + (long) ((now - start) / 1e9 * scenario.ratePerSecond()));
            while (k < due) {
                int room = (int) (k % scenario.rooms());
                int sender = (int) ((k / scenario.rooms()) % scenario.sendersPerRoom());
                ChatClient c = clients.get(room * scenario.clientsPerRoom() + sender);
                int index = sentPerRoom[room]++;
                long sendNanos = clock.nanoTime();
                String text = prefix.equals("m") ? BenchFrame.benchText(index, sendNanos) : "w " + index;
                c.send("chat", prefix + room + "-" + index, Map.of("text", text));
                k++;
            }
            LockSupport.parkNanos(PACE_NANOS);
        }
    }

    /** Waits until {@code counter} reaches {@code expected}, at most {@link #DRAIN_NANOS}. */
    private void awaitReceived(java.util.concurrent.atomic.LongAdder counter, long expected) {
        long deadline = clock.nanoTime() + DRAIN_NANOS;
        while (counter.sum() < expected && clock.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private List<String> withExtra(List<String> flags) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(serverJvmFlags);
        return all;
    }

    IdleResult runIdle() throws Exception {
        EventLoopGroup group = TcpTransport.newGroup(Runtime.getRuntime().availableProcessors());
        LoadCounters counters = new LoadCounters();
        try (ServerProcess server = ServerProcess.start(dir.resolve(scenario.name()), clock,
                withExtra(IDLE_JVM_FLAGS))) {
            ClientFleet fleet = new ClientFleet(group, server.chatUri());
            join(fleet, IDLE_WARMUP_CONNECTIONS, counters); // loads the join path's classes before the baseline
            LockSupport.parkNanos(IDLE_SETTLE_NANOS);
            long heapBefore = server.heapUsedAfterGcKib().orElse(0);
            long rssBefore = server.rssKib().orElse(0);
            join(fleet, scenario.clients(), counters);
            LockSupport.parkNanos(IDLE_SETTLE_NANOS);
            long heapAfter = server.heapUsedAfterGcKib().orElse(0);
            long rssAfter = server.rssKib().orElse(0);
            log.printf("idle: %d connections (after %d warm-up ones); server pid %d%n", scenario.clients(),
                    IDLE_WARMUP_CONNECTIONS, server.pid());
            fleet.closeAll();
            return new IdleResult(scenario.clients(), rssBefore, rssAfter, heapBefore, heapAfter, counters.problems());
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    private void join(ClientFleet fleet, int n, LoadCounters counters) throws Exception {
        List<Receiver> receivers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            receivers.add(new Receiver(0, counters, clock));
        }
        fleet.connect(receivers, java.util.Collections.nCopies(n, scenario.roomName(0)),
                java.util.Collections.nCopies(n, "viewer"));
    }
}
