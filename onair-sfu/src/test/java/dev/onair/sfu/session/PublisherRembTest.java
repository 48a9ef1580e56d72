package dev.onair.sfu.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.Remb;
import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.rtp.HeaderExtensionCursor;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.negotiation.NegotiatedExtension;
import dev.onair.sfu.track.TrackCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * REMB to a publisher as {@link PublisherSession} drives it: which setups get one, and when and with what a REMB
 * goes out for a stream of RTP packets carrying abs-send-time (manual time).
 */
class PublisherRembTest {
    private static final long MS = 1_000_000L;
    private static final int ABS_ID = 3;
    private static final int TCC_ID = 5;
    private static final long SSRC = 0x1234_5678L;
    private static final int PAYLOAD_BYTES = 1000;
    private static final long START_NANOS = 9_000_000_000L;

    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();
    private final RtpHeader header = new RtpHeader();

    private static TrackSetup setup(MediaKind kind, boolean remb, Map<String, Integer> extensions) {
        return new TrackSetup("1", kind, List.of(new TrackCodec("VP8", 96, 90_000)), extensions, List.of(SSRC),
                true, 0, -1, List.of(-1L), true, List.of(), remb);
    }

    @Test
    void onlyVideoWithGoogRembAndAbsSendTimeAndWithoutTransportCcGetsRemb() {
        Map<String, Integer> abs = Map.of(NegotiatedExtension.ABS_SEND_TIME, ABS_ID);
        Map<String, Integer> both = Map.of(NegotiatedExtension.ABS_SEND_TIME, ABS_ID,
                NegotiatedExtension.TRANSPORT_CC, TCC_ID);
        assertThat(PublisherRemb.absSendTimeIdFor(setup(MediaKind.VIDEO, true, abs))).isEqualTo(ABS_ID);
        assertThat(PublisherRemb.absSendTimeIdFor(setup(MediaKind.VIDEO, true, both))).as("transport-cc").isZero();
        assertThat(PublisherRemb.absSendTimeIdFor(setup(MediaKind.VIDEO, false, abs))).as("no goog-remb").isZero();
        assertThat(PublisherRemb.absSendTimeIdFor(setup(MediaKind.VIDEO, true, Map.of()))).as("no abs").isZero();
        assertThat(PublisherRemb.absSendTimeIdFor(setup(MediaKind.AUDIO, true, abs))).as("audio").isZero();
        assertThat(new TrackSetup("0", MediaKind.VIDEO, List.of(), abs, List.of(), true, 0, -1, List.of(), true,
                List.of()).rembSupported()).as("the older constructor").isFalse();
    }

    /** RTP with one abs-send-time element (RFC 8285 one-byte form) and {@code PAYLOAD_BYTES} of payload. */
    private static byte[] rtp(int seq, int absTicks) {
        byte[] b = new byte[12 + 4 + 4 + PAYLOAD_BYTES];
        b[0] = (byte) 0x90;
        b[1] = 96;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        b[8] = (byte) (SSRC >>> 24);
        b[9] = (byte) (SSRC >>> 16);
        b[10] = (byte) (SSRC >>> 8);
        b[11] = (byte) SSRC;
        b[12] = (byte) 0xBE;
        b[13] = (byte) 0xDE;
        b[15] = 1;
        b[16] = (byte) ((ABS_ID << 4) | 2);
        b[17] = (byte) (absTicks >>> 16);
        b[18] = (byte) (absTicks >>> 8);
        b[19] = (byte) absTicks;
        return b;
    }

    private boolean feed(PublisherRemb remb, int seq, long sendNanos, long arrivalNanos) {
        byte[] packet = rtp(seq, (int) ((sendNanos * 262_144L / 1_000_000_000L) & 0xFFFFFF));
        assertThat(header.parse(packet, 0, packet.length)).isTrue();
        return remb.onPacket(packet, header, packet.length, cursor, arrivalNanos);
    }

    /** A REMB as it goes on the wire and comes back. */
    private static Remb roundTrip(long bps) {
        byte[] out = new byte[1500];
        int len = RtcpWriter.writeCompound(List.of(new Remb(1, bps, List.of(SSRC))), out, 0);
        RtcpParseResult r = RtcpParser.parse(out, 0, len);
        return (Remb) r.packets().get(0);
    }

    @Test
    void sendsTheIncomingRateOnceASecondAndAtOnceWhenTheEstimateFalls() {
        PublisherRemb remb = new PublisherRemb(ABS_ID, START_NANOS);
        List<long[]> sent = new ArrayList<>(); // {at, bps}
        long send = 0;
        long arrival = START_NANOS;
        int seq = 0;
        // 10 s of 1.6 Mbit/s (1032 bytes every 5 ms) over an uncongested path.
        for (int i = 0; i < 2000; i++) {
            send += 5 * MS;
            arrival += 5 * MS;
            if (feed(remb, seq++, send, arrival)) {
                sent.add(new long[] {arrival, remb.take(arrival)});
            }
        }
        assertThat(sent).hasSizeBetween(9, 10);
        assertThat(sent.get(0)[0] - START_NANOS).as("the first after a second of arrivals").isBetween(1_000 * MS,
                1_100 * MS);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i)[0] - sent.get(i - 1)[0]).isBetween(1_000 * MS, 1_010 * MS);
        }
        for (long[] s : sent) {
            assertThat(s[1]).as("a sane value: the incoming 1.65 Mbit/s, at most 1.5 x").isBetween(1_500_000L,
                    2_500_000L);
            assertThat(roundTrip(s[1]).bitrateBps()).isBetween(s[1] - s[1] / 1000, s[1]);
        }
        // Then the path narrows: each packet arrives 6 ms after the one before, a queue builds.
        int before = sent.size();
        for (int i = 0; i < 400; i++) {
            send += 5 * MS;
            arrival += 6 * MS;
            if (feed(remb, seq++, send, arrival)) {
                sent.add(new long[] {arrival, remb.take(arrival)});
            }
        }
        assertThat(remb.estimator().overuseEvents()).isPositive();
        int drop = before;
        while (drop < sent.size() && sent.get(drop)[1] > sent.get(drop - 1)[1] * 0.97) {
            drop++;
        }
        assertThat(drop).as("a REMB for the drop").isLessThan(sent.size());
        assertThat(sent.get(drop)[0] - sent.get(drop - 1)[0]).as("sent early for the drop").isLessThan(1_000 * MS);
        for (int i = before; i < sent.size(); i++) {
            assertThat(sent.get(i)[0] - sent.get(i - 1)[0]).as("at most every 200 ms").isGreaterThanOrEqualTo(200 * MS);
        }
        assertThat(sent.get(sent.size() - 1)[1]).as("near what still arrives: 1.38 Mbit/s").isBetween(1_000_000L,
                1_450_000L);
    }

    @Test
    void packetsWithoutAbsSendTimeAreSkippedAndNoRembIsDueWithoutAnEstimate() {
        PublisherRemb remb = new PublisherRemb(ABS_ID, 0);
        byte[] plain = new byte[12 + 100];
        plain[0] = (byte) 0x80;
        plain[1] = 96;
        assertThat(header.parse(plain, 0, plain.length)).isTrue();
        for (int i = 0; i < 500; i++) {
            assertThat(remb.onPacket(plain, header, plain.length, cursor, i * 5 * MS)).isFalse();
        }
        assertThat(remb.skipped()).isEqualTo(500);
        assertThat(remb.isDue(10_000 * MS)).isFalse();
        assertThat(remb.estimator().packets()).isZero();
    }
}
