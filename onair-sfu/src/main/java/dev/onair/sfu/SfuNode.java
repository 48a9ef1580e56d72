package dev.onair.sfu;

import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.speaker.SpeakerPolicy;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.peer.MediaDemux;
import dev.onair.transport.peer.TransportRegistry;
import dev.onair.transport.srtp.SrtpWarmup;
import dev.onair.transport.udp.UdpEndpoint;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One media node: the media loop (a single Netty event loop that owns the UDP socket, every transport, room
 * and session, so the media path needs no locks), a small pool for blocking DTLS handshakes, the node's DTLS
 * certificate, and the {@link MediaService} that signalling talks to. The loop runs the service's periodic
 * work every second and active-speaker detection every {@link SpeakerPolicy#tickMillis()}.
 */
public final class SfuNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SfuNode.class);
    /** How often the subscribers' pacers release packets (libwebrtc's pacer runs every 5 ms too). */
    static final long PACE_TICK_MILLIS = 5;

    private final EventLoopGroup group;
    private final ExecutorService dtlsExecutor;
    private final UdpEndpoint udp;
    private final SfuMediaService service;
    private final List<InetSocketAddress> candidates;

    private SfuNode(EventLoopGroup group, ExecutorService dtlsExecutor, UdpEndpoint udp, SfuMediaService service,
                    List<InetSocketAddress> candidates) {
        this.group = group;
        this.dtlsExecutor = dtlsExecutor;
        this.udp = udp;
        this.service = service;
        this.candidates = candidates;
    }

    public static SfuNode start(SfuConfig cfg) throws InterruptedException {
        RandomGenerator rng = cfg.randomSeed() == null ? new SecureRandom() : new SplittableRandom(cfg.randomSeed());
        DtlsCertificate cert = DtlsCertificate.generate(new SecureRandom(), cfg.clock());
        SrtpWarmup.warm(cfg.srtpBackend());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("onair-media", true),
                NioIoHandler.newFactory());
        ExecutorService dtlsExecutor = Executors.newCachedThreadPool(new DefaultThreadFactory("onair-dtls", true));
        EventLoop loop = group.next();
        TransportRegistry registry = new TransportRegistry();
        SfuMediaService service = new SfuMediaService(cfg, loop,
                new SessionFactory(cfg, registry, cert, dtlsExecutor, rng));
        MediaDemux demux = new MediaDemux(registry, service::drainDirtySubscribers);
        UdpEndpoint udp;
        try {
            udp = UdpEndpoint.bind(loop, new InetSocketAddress(cfg.bindAddress(), cfg.mediaPort()), cfg.clock(), demux);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            dtlsExecutor.shutdownNow();
            throw e;
        }
        List<InetSocketAddress> candidates = new ArrayList<>();
        for (InetAddress a : cfg.announceAddresses()) {
            candidates.add(new InetSocketAddress(a, udp.localAddress().getPort()));
        }
        service.attach(udp, demux, candidates);
        loop.scheduleAtFixedRate(service::tick, 1, 1, TimeUnit.SECONDS);
        long speakerTick = SpeakerPolicy.DEFAULT.tickMillis();
        loop.scheduleAtFixedRate(service::speakerTick, speakerTick, speakerTick, TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(service::paceTick, PACE_TICK_MILLIS, PACE_TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("media node up: UDP port {}, candidates {}, SRTP backend {}, certificate sha-256 {}",
                udp.localAddress().getPort(), candidates, cfg.srtpBackend(), cert.fingerprintSha256());
        return new SfuNode(group, dtlsExecutor, udp, service, List.copyOf(candidates));
    }

    public MediaService media() {
        return service;
    }

    public int mediaPort() {
        return udp.localAddress().getPort();
    }

    public List<InetSocketAddress> candidates() {
        return candidates;
    }

    @Override
    public void close() {
        try {
            service.closeAll("node shutting down").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing sessions on shutdown: {}", e.toString());
        }
        udp.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        dtlsExecutor.shutdownNow();
    }
}
