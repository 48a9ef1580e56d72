package dev.onair.bench;

import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.Verdict;
import dev.onair.lab.impair.parse.ScenarioParser;
import dev.onair.transport.shape.DelayLine;
import dev.onair.transport.shape.ShapeDecision;
import dev.onair.transport.shape.ShapeDrop;
import dev.onair.transport.shape.ShapingStage;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The network lab's per-datagram cost when on: {@code decide} alone (Bernoulli 10 % + 40 ± 10 ms normal jitter +
 * a 20 Mbit/s bottleneck with a 200 ms queue, 1,200-byte datagrams every 500 µs, just under the rate), and the same
 * through a transport {@link ShapingStage} whose delay line is drained every op (copy in, heap, copy-free
 * delivery). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} should be 0.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ImpairmentBenchmark {
    private static final String SCENARIO = "base: {lossProbability: 0.1, delayMillis: 40, jitterMillis: 10, "
            + "jitterDistribution: normal, rateKbps: 20000, queueMillis: 200}";
    private static final long STEP_NANOS = 500_000L;
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
    private final byte[] datagram = new byte[1200];
    private Impairment impairment;
    private ShapingStage stage;
    private long now;
    private long delivered;

    @Setup
    public void setUp() {
        impairment = Impairment.create(ScenarioParser.parse(SCENARIO).value(), 42, 0);
        Impairment forStage = Impairment.create(ScenarioParser.parse(SCENARIO).value(), 42, 0);
        ShapeDecision decision = new ShapeDecision();
        stage = new ShapingStage((nowNanos, size) -> {
            Verdict v = forStage.decide(nowNanos, size);
            if (v.dropped()) {
                return decision.drop(ShapeDrop.LOSS);
            }
            decision.deliver(v.deliverAtNanos());
            return v.duplicated() ? decision.duplicate(v.duplicateAtNanos()) : decision;
        }, new DelayLine(1024, 1 << 20, 2048), (buf, off, len, address, tag, due) -> delivered++,
                deadline -> { }, 1_000_000L);
    }

    @Benchmark
    public void decide(Blackhole bh) {
        now += STEP_NANOS;
        bh.consume(impairment.decide(now, datagram.length).deliverAtNanos());
    }

    @Benchmark
    public long shapeThroughDelayLine() {
        now += STEP_NANOS;
        stage.offer(datagram, 0, datagram.length, PEER, 0, now);
        stage.onTimer(now);
        return delivered;
    }
}
