package dev.onair.transport.peer;

import dev.onair.transport.clock.ManualClock;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.udp.UdpEndpoint;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server half of the media path as the SFU wires it: one media loop, a {@link UdpEndpoint} on loopback, a
 * {@link MediaDemux} and a {@link TransportRegistry}. Transports are created and driven on the loop through
 * {@link #onLoop}; a {@link ManualClock} runs consent. Waits use a generous deadline, never a sleep.
 */
final class TransportFixture implements AutoCloseable {
    static final long DEADLINE_SECONDS = 30;
    static final ManualClock CERT_CLOCK = new ManualClock();
    static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate(new SecureRandom(), CERT_CLOCK);
    static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate(new SecureRandom(), CERT_CLOCK);

    final ManualClock clock = new ManualClock();
    final TransportRegistry registry = new TransportRegistry();
    final MediaDemux demux = new MediaDemux(registry, () -> { });
    final ExecutorService dtlsExecutor = Executors.newCachedThreadPool();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<PeerTransport> created = new CopyOnWriteArrayList<>();
    final UdpEndpoint udp;

    TransportFixture() throws InterruptedException {
        udp = UdpEndpoint.bind(group.next(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), clock,
                demux);
    }

    static RemoteFingerprint fingerprintOf(DtlsCertificate certificate) {
        return RemoteFingerprint.parse("sha-256 " + certificate.fingerprintSha256());
    }

    /** A registered server-side transport (DTLS server, as an SFU answering with a=setup:passive). */
    PeerTransport transport(String id, IceCredentials local, IceCredentials remote, PeerTransport.Listener listener)
            throws Exception {
        PeerTransportConfig cfg = new PeerTransportConfig(id, local, remote, DtlsRole.SERVER, SERVER_CERT,
                fingerprintOf(CLIENT_CERT), dtlsExecutor, SrtpBackend.DEFAULT, clock,
                PeerTransportConfig.DEFAULT_CONSENT_TIMEOUT_MILLIS);
        return onLoop(() -> {
            PeerTransport t = new PeerTransport(cfg, udp, registry);
            t.setListener(listener);
            registry.register(t);
            created.add(t);
            return t;
        });
    }

    /** Runs {@code task} on the media loop and returns its result. */
    <T> T onLoop(Callable<T> task) throws Exception {
        return udp.loop().submit(task).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    void onLoop(Runnable task) throws Exception {
        udp.loop().submit(task).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Hands {@code datagram} to the demultiplexer on the loop as if it had arrived from {@code from} as a read
     * batch of one, then flushes what it sent (as the endpoint does at the end of a batch).
     */
    void arrive(byte[] datagram, InetSocketAddress from) throws Exception {
        byte[] copy = datagram.clone();
        onLoop(() -> {
            demux.onDatagram(copy, copy.length, from, clock.nanoTime());
            demux.onReadBatchComplete();
            udp.flush();
        });
    }

    /** Closes every transport (ending their DTLS threads), then the socket and the loop. */
    @Override
    public void close() throws Exception {
        onLoop(() -> created.forEach(t -> t.close("test over")));
        dtlsExecutor.shutdown();
        dtlsExecutor.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS);
        udp.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        dtlsExecutor.shutdownNow();
    }
}
