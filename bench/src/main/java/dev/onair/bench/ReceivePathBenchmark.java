package dev.onair.bench;

import dev.onair.lab.impair.Impairment;
import dev.onair.sfu.recorder.RecorderPolicy;
import dev.onair.sfu.recorder.TransportRecorder;
import dev.onair.lab.impair.Verdict;
import dev.onair.lab.impair.parse.ScenarioParser;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageBuilder;
import dev.onair.protocol.stun.StunMessageClass;
import dev.onair.transport.clock.ManualClock;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.peer.MediaDemux;
import dev.onair.transport.peer.PeerTransport;
import dev.onair.transport.peer.PeerTransportConfig;
import dev.onair.transport.peer.TransportDrop;
import dev.onair.transport.peer.TransportRegistry;
import dev.onair.transport.shape.DatagramShaper;
import dev.onair.transport.shape.ShapeDecision;
import dev.onair.transport.shape.ShapeDrop;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.udp.UdpEndpoint;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * "Costs nothing when off", measured where the null check is: a 1,200-byte RTP datagram through the real
 * transport receive path — {@link MediaDemux#onDatagram} (RFC 7983 classification, 5-tuple look-up) →
 * {@code PeerTransport.receive} (the inbound-shaping null check, or the {@code ShapingStage}) → dispatch →
 * {@code onSrtp}, with inbound shaping
 * <ul>
 *   <li>{@code off}: no shaper (what every participant without a lab setting runs);</li>
 *   <li>{@code passthrough}: a shaper that delivers every datagram now (the stage's own cost);</li>
 *   <li>{@code impairment}: a real lab {@link Impairment} (Bernoulli 1 %, no delay: the datagrams that pass go
 *       straight on, so the delay line and its Netty timer, measured by {@link ImpairmentBenchmark}, stay out).</li>
 * </ul>
 * The transport is ICE-connected (a signed Binding request with USE-CANDIDATE went through the demux in set-up)
 * but has no DTLS peer, so {@code onSrtp} ends by counting {@code NOT_CONNECTED} instead of decrypting: SRTP
 * (≈ 0.6–1 µs, {@link SrtpBenchmark}) is the same work whether shaping is on or off and would only hide the
 * difference. The benchmark thread calls the demux directly; the media loop is idle (no timers are armed).
 * {@code recorder=true} adds the flight recorder (on by default in the server): one record per datagram.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReceivePathBenchmark {
    private static final IceCredentials SERVER = new IceCredentials("srvU", "serverPasswordOf24chars+");
    private static final IceCredentials CLIENT = new IceCredentials("cliU", "clientPasswordOf24chars/");
    private static final long STEP_NANOS = 500_000L;
    private static final int DATAGRAM_BYTES = 1200;

    @Param({"off", "passthrough", "impairment"})
    public String shaping;

    /** With the participant's flight recorder on the transport (the server's default) or without. */
    @Param({"false", "true"})
    public boolean recorder;

    private final byte[] datagram = new byte[DATAGRAM_BYTES];
    private final ManualClock clock = new ManualClock();
    private EventLoopGroup group;
    private ExecutorService dtlsExecutor;
    private UdpEndpoint udp;
    private MediaDemux demux;
    private PeerTransport transport;
    private InetSocketAddress peer;
    private long now;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        dtlsExecutor = Executors.newCachedThreadPool();
        TransportRegistry registry = new TransportRegistry();
        demux = new MediaDemux(registry, () -> { });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        udp = UdpEndpoint.bind(group.next(), new InetSocketAddress(loopback, 0), clock, demux);
        // the peer's "address": a port nobody reads (only the one STUN response goes there)
        peer = new InetSocketAddress(loopback, 9);
        DtlsCertificate serverCert = DtlsCertificate.generate(new SecureRandom(), clock);
        DtlsCertificate clientCert = DtlsCertificate.generate(new SecureRandom(), clock);
        PeerTransportConfig cfg = new PeerTransportConfig("bench", SERVER, CLIENT, DtlsRole.SERVER, serverCert,
                RemoteFingerprint.parse("sha-256 " + clientCert.fingerprintSha256()), dtlsExecutor,
                SrtpBackend.DEFAULT, clock, PeerTransportConfig.DEFAULT_CONSENT_TIMEOUT_MILLIS);
        DatagramShaper shaper = shaper(shaping);
        byte[] check = binding();
        transport = udp.loop().submit(() -> {
            PeerTransport t = new PeerTransport(cfg, udp, registry);
            t.setListener(new NoListener());
            registry.register(t);
            demux.onDatagram(check, check.length, peer, clock.nanoTime());
            udp.flush();
            t.setShapers(shaper, null);
            if (recorder) {
                t.setObserver(new TransportRecorder(RecorderPolicy.DEFAULT.create(), 0));
            }
            return t;
        }).get(30, TimeUnit.SECONDS);
        if (transport.state() != PeerTransport.State.ICE_CONNECTED) {
            throw new IllegalStateException("the transport did not connect ICE: " + transport.state());
        }
        datagram[0] = (byte) 0x80; // RTP version 2
        datagram[1] = 96; // payload type 96, no marker
        datagram[11] = 1; // SSRC 1
    }

    private static DatagramShaper shaper(String kind) {
        ShapeDecision decision = new ShapeDecision();
        return switch (kind) {
            case "off" -> null;
            case "passthrough" -> (nowNanos, size) -> decision.deliver(nowNanos);
            case "impairment" -> {
                Impairment impairment = Impairment.create(
                        ScenarioParser.parse("base: {lossProbability: 0.01}").value(), 42, 0);
                yield (nowNanos, size) -> {
                    Verdict v = impairment.decide(nowNanos, size);
                    return v.dropped() ? decision.drop(ShapeDrop.LOSS) : decision.deliver(v.deliverAtNanos());
                };
            }
            default -> throw new IllegalArgumentException("shaping must be off, passthrough or impairment");
        };
    }

    /** A Binding request with USE-CANDIDATE, as a controlling browser nominates (RFC 8445 §7.2.2). */
    private static byte[] binding() {
        byte[] tid = new byte[StunMessage.TRANSACTION_ID_BYTES];
        tid[0] = 1;
        return new StunMessageBuilder()
                .start(StunMessageClass.REQUEST, StunMessage.METHOD_BINDING, tid, 0)
                .username(SERVER.ufrag() + ":" + CLIENT.ufrag())
                .priority(1853824767L)
                .iceControlling(0x1122334455667788L)
                .useCandidate()
                .messageIntegrity(SERVER.pwd().getBytes(StandardCharsets.UTF_8))
                .fingerprint()
                .toByteArray();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        long reached = transport.drops().get(TransportDrop.NOT_CONNECTED);
        if (reached == 0) {
            throw new IllegalStateException("no datagram reached onSrtp: the benchmark measured the wrong path");
        }
        udp.loop().submit(() -> transport.close("benchmark over")).get(30, TimeUnit.SECONDS);
        dtlsExecutor.shutdownNow();
        udp.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Benchmark
    public long receive() {
        now += STEP_NANOS;
        demux.onDatagram(datagram, DATAGRAM_BYTES, peer, now);
        return now;
    }

    private static final class NoListener implements PeerTransport.Listener {
        @Override
        public void onConnected() {
        }

        @Override
        public void onRtp(byte[] buf, int off, int len, long arrivalNanos) {
        }

        @Override
        public void onRtcp(byte[] buf, int off, int len, long arrivalNanos) {
        }

        @Override
        public void onClosed(String reason) {
        }
    }
}
