package dev.onair.sfu.twcc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.rtcp.TransportCc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trip: what we log as sent, the receiver's {@link FeedbackBuilder} on the wire, back as results. */
class FeedbackResultsTest {
    private static final long MS = 1_000_000L;

    private static TransportCc wire(TransportCc fb) {
        byte[] buf = new byte[1500];
        int len = RtcpWriter.writeCompound(List.of(fb), buf, 0);
        RtcpParseResult r = RtcpParser.parse(buf, 0, len);
        assertThat(r.drop()).isNull();
        return (TransportCc) r.packets().get(0);
    }

    @Test
    void arrivalsLossesAndSendTimesComeBackPerPacketAcrossTheSixteenBitWrap() {
        SendLog log = new SendLog(1024);
        FeedbackBuilder receiver = new FeedbackBuilder(1024, 50 * MS);
        long first = 65530;
        for (int i = 0; i < 12; i++) {
            log.onSent(first + i, 1_000 * MS + i * 5 * MS, 1000 + i);
            if (i != 4 && i != 5) { // two lost
                receiver.onPacket((int) ((first + i) & 0xFFFF), 7_777 * MS + i * 6 * MS + 250_000);
            }
        }
        FeedbackResults results = new FeedbackResults(log);
        List<PacketResult> out = new ArrayList<>();
        for (TransportCc fb : receiver.drain(1, 2, 0)) {
            out.addAll(results.onFeedback(wire(fb)));
        }
        assertThat(out).hasSize(12);
        assertThat(out).extracting(PacketResult::sequence).startsWith(65530L).endsWith(65541L);
        assertThat(out.get(4).received()).isFalse();
        assertThat(out.get(5).arrivalNanos()).isEqualTo(-1);
        assertThat(out.get(3).sendNanos()).isEqualTo(1_015 * MS);
        assertThat(out.get(3).sizeBytes()).isEqualTo(1003);
        for (int i = 1; i < 12; i++) {
            if (out.get(i).received() && out.get(i - 1).received()) {
                assertThat(out.get(i).arrivalNanos() - out.get(i - 1).arrivalNanos()).isEqualTo(6 * MS);
            }
        }
        assertThat(out.get(0).arrivalNanos()).isEqualTo(7_777 * MS + 250_000);
        assertThat(results.unknownPackets()).isZero();
    }

    @Test
    void numbersNotInTheLogAreSkippedAndCounted() {
        SendLog log = new SendLog(1024);
        log.onSent(100, 0, 500);
        TransportCc fb = new TransportCc(1, 2, 99, 1, 0, List.of(new TransportCc.PacketStatus(99, true, 4),
                new TransportCc.PacketStatus(100, true, 8)));
        FeedbackResults results = new FeedbackResults(log);
        List<PacketResult> out = results.onFeedback(wire(fb));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.sequence()).isEqualTo(100);
            assertThat(r.arrivalNanos()).isEqualTo(64 * MS + 12 * 250_000L);
        });
        assertThat(results.unknownPackets()).isEqualTo(1);
    }

    @Test
    void theReferenceTimeUnwrapsAcross24Bits() {
        SendLog log = new SendLog(1024);
        log.onSent(1, 0, 100);
        log.onSent(2, 0, 100);
        FeedbackResults results = new FeedbackResults(log);
        PacketResult a = results.onFeedback(new TransportCc(1, 2, 1, 0xFFFFFF, 0,
                List.of(new TransportCc.PacketStatus(1, true, 0)))).get(0);
        PacketResult b = results.onFeedback(new TransportCc(1, 2, 2, 0, 1,
                List.of(new TransportCc.PacketStatus(2, true, 0)))).get(0);
        assertThat(b.arrivalNanos() - a.arrivalNanos()).isEqualTo(64 * MS);
    }
}
