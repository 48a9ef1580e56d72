package dev.onair.bench;

import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.track.PacketContext;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.RtpRewriter;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.sfu.track.TrackCodec;
import dev.onair.transport.clock.ManualClock;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.srtp.SrtpKeyMaterial;
import dev.onair.transport.srtp.SrtpProfile;
import dev.onair.transport.srtp.SrtpSession;
import dev.onair.transport.udp.UdpEndpoint;
import java.util.List;
import java.util.Map;
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
 * The per-packet forwarding path without sockets, one publisher packet per operation: copy the SRTP datagram into
 * the receive scratch (as {@code UdpEndpoint} does), {@code unprotectRtp}, {@code RtpHeader.parse},
 * {@link PublishedTrack#onRtp} (statistics, keyframe detection, fan-out), {@link SubscriberTrack#accept} for each
 * of {@link #subscribers} subscribers (payload type and extension id mapping, copy into the queue slot,
 * SSRC/sequence/timestamp rewrite), then every queue drained with {@code protectRtp} in place (what
 * {@code SubscriberSession.drain} does before the socket write).
 *
 * <p>Divide the op time and {@code gc.alloc.rate.norm} by {@link #subscribers} for the cost per outgoing packet.
 * {@code srtp=false} skips both SRTP steps to isolate our own logic. Every op forwards a new sequence number and
 * timestamp (the publisher ring covers all 65,536 sequence numbers, see {@link Vp8PacketRing}); the receiving
 * SRTP session is renewed each time the ring wraps (once per 65,536 ops).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ForwardingBenchmark {
    static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    static final String ABS_SEND_TIME_URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    static final int PUBLISHER_SSRC = 0x1234_5678;
    static final int SUBSCRIBER_PAYLOAD_TYPE = 98;
    static final int QUEUE_PACKETS = 256;
    private static final long FRAME_NANOS = 33_333_333L;

    @Param({"1", "10", "100"})
    public int subscribers;

    @Param({"true", "false"})
    public boolean srtp;

    @Param({"JITSI"})
    public SrtpBackend backend;

    @Param({"AES128_CM_HMAC_SHA1_80"})
    public SrtpProfile profile;

    private final byte[] scratch = new byte[UdpEndpoint.MAX_DATAGRAM_BYTES];
    private final PacketContext packet = new PacketContext();
    private final ManualClock clock = new ManualClock();
    private SrtpKeyMaterial publisherKeys;
    private SrtpSession publisherReceiver;
    private Vp8PacketRing ring;
    private PublishedTrack track;
    private SubscriberTrack[] tracks;
    private BenchSubscriber[] outputs;
    private int nextSeq;
    private long ops;
    private long inboundDrops;
    private long keyframeRequests;

    @Setup(Level.Trial)
    public void setUp() {
        publisherKeys = keys(profile, 1);
        SrtpSession publisherSender = srtp ? SrtpSession.create(publisherKeys, DtlsRole.CLIENT, backend) : null;
        ring = new Vp8PacketRing(PUBLISHER_SSRC, publisherSender);
        publisherReceiver = srtp ? SrtpSession.create(publisherKeys, DtlsRole.SERVER, backend) : null;
        track = new PublishedTrack("publisher/0", "0", MediaKind.VIDEO,
                List.of(new TrackCodec("VP8", Vp8PacketRing.PAYLOAD_TYPE, 90_000), new TrackCodec("H264", 102, 90_000)),
                Map.of(MID_URI, Vp8PacketRing.MID_ID, ABS_SEND_TIME_URI, Vp8PacketRing.ABS_SEND_TIME_ID),
                (t, l) -> keyframeRequests++);
        tracks = new SubscriberTrack[subscribers];
        outputs = new BenchSubscriber[subscribers];
        for (int i = 0; i < subscribers; i++) {
            SrtpSession tx = srtp ? SrtpSession.create(keys(profile, 100 + i), DtlsRole.SERVER, backend) : null;
            outputs[i] = new BenchSubscriber(QUEUE_PACKETS, tx);
            RtpRewriter rewriter = new RtpRewriter(0x5000_0000L + i, (i * 7919) & 0x7FFF, i * 1_000_003L, 90_000);
            tracks[i] = new SubscriberTrack("1", MediaKind.VIDEO,
                    List.of(new TrackCodec("VP8", SUBSCRIBER_PAYLOAD_TYPE, 90_000)),
                    Map.of(MID_URI, 9, ABS_SEND_TIME_URI, 3), outputs[i], rewriter);
            tracks[i].bind(track, clock.nanoTime());
        }
    }

    /** One publisher packet in, {@link #subscribers} SRTP packets out; returns the bytes that would be sent. */
    @Benchmark
    public int forward() {
        int seq = nextSeq;
        nextSeq = (seq + 1) & 0xFFFF;
        if (seq == 0 && ops > 0 && srtp) {
            // The ring wrapped: a fresh receiver, since the old one's replay window has seen these indices.
            publisherReceiver = SrtpSession.create(publisherKeys, DtlsRole.SERVER, backend);
        }
        ops++;
        clock.advance(FRAME_NANOS, TimeUnit.NANOSECONDS);
        int len = ring.length(seq);
        System.arraycopy(ring.packet(seq), 0, scratch, 0, len);
        if (srtp) {
            len = publisherReceiver.unprotectRtp(scratch, 0, len);
            if (len < 0) {
                inboundDrops++;
                return len;
            }
        }
        packet.reset(scratch, 0, len, clock.nanoTime());
        if (!packet.header.parse(scratch, 0, len)) {
            inboundDrops++;
            return -1;
        }
        track.onRtp(packet);
        int sent = 0;
        for (BenchSubscriber out : outputs) {
            if (out.isDirty()) {
                sent += out.drain();
            }
        }
        return sent;
    }

    /** Fails the run if any packet was not forwarded: the numbers would not measure the full path. */
    @TearDown(Level.Trial)
    public void checkEverythingForwarded() {
        if (inboundDrops != 0) {
            throw new IllegalStateException(inboundDrops + " inbound packets dropped");
        }
        for (BenchSubscriber out : outputs) {
            if (out.packetsOut() != ops || out.protectFailures() != 0) {
                throw new IllegalStateException("subscriber sent " + out.packetsOut() + " of " + ops
                        + " packets, " + out.protectFailures() + " protect failures");
            }
        }
    }

    long ops() {
        return ops;
    }

    SubscriberTrack[] tracks() {
        return tracks;
    }

    BenchSubscriber[] outputs() {
        return outputs;
    }

    PublishedTrack publishedTrack() {
        return track;
    }

    long keyframeRequests() {
        return keyframeRequests;
    }

    /** Deterministic key material, distinct per {@code seed} (the benchmark must not depend on randomness). */
    static SrtpKeyMaterial keys(SrtpProfile profile, int seed) {
        byte[] key = new byte[profile.keyLengthBytes()];
        byte[] salt = new byte[profile.saltLengthBytes()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (31 * i + 7 * seed);
        }
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (17 * i + 3 * seed);
        }
        return new SrtpKeyMaterial(profile, key, salt, key.clone(), salt.clone());
    }
}
