package dev.onair.sfu.twcc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.rtcp.TransportCc;
import dev.onair.transport.clock.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackBuilderTest {
    private static final long MS = 1_000_000L;
    private final ManualClock clock = new ManualClock();
    private final FeedbackBuilder b = new FeedbackBuilder(4096, 50 * MS);

    private void arrive(int seq, long atMillisTimes4) {
        b.onPacket(seq, atMillisTimes4 * MS / 4);
    }

    /** Writes and parses back every feedback, so each assertion also covers the wire format. */
    private List<TransportCc> drain() {
        List<TransportCc> out = new ArrayList<>();
        for (TransportCc fb : b.drain(1, 2, clock.nanoTime())) {
            byte[] buf = new byte[1500];
            int len = RtcpWriter.writeCompound(List.of(fb), buf, 0);
            assertThat(len).isPositive().isLessThanOrEqualTo(1200);
            RtcpParseResult r = RtcpParser.parse(buf, 0, len);
            assertThat(r.drop()).isNull();
            assertThat(r.packets()).containsExactly(fb);
            out.add(fb);
        }
        return out;
    }

    private static List<Boolean> received(TransportCc fb) {
        return fb.packets().stream().map(TransportCc.PacketStatus::received).toList();
    }

    @Test
    void consecutivePacketsGetReferenceTimeAndQuarterMillisecondDeltas() {
        b.onPacket(10, 1000 * MS + 130 * MS + 500_000); // 1130.5 ms: reference 17 * 64 = 1088 ms
        b.onPacket(11, 1000 * MS + 131 * MS);
        b.onPacket(12, 1000 * MS + 200 * MS);           // 69 ms later: 276 units, a large delta
        List<TransportCc> fbs = drain();
        assertThat(fbs).singleElement().satisfies(fb -> {
            assertThat(fb.baseSequenceNumber()).isEqualTo(10);
            assertThat(fb.referenceTime64ms()).isEqualTo(17);
            assertThat(fb.feedbackPacketCount()).isZero();
            assertThat(fb.packets()).extracting(TransportCc.PacketStatus::receiveDelta250us)
                    .containsExactly((1130_500 - 1088_000) / 250, 2, 276);
        });
        assertThat(b.hasPending()).isFalse();
        assertThat(b.drain(1, 2, 0)).isEmpty();
        assertThat(b.feedbackSent()).isEqualTo(1);
    }

    @Test
    void gapsAreReportedAsNotReceivedAndTheNextFeedbackStartsAfterTheLast() {
        arrive(100, 4);
        arrive(103, 8);
        arrive(104, 12);
        List<TransportCc> first = drain();
        assertThat(first).singleElement().satisfies(fb -> {
            assertThat(fb.baseSequenceNumber()).isEqualTo(100);
            assertThat(received(fb)).containsExactly(true, false, false, true, true);
        });
        arrive(106, 16);
        TransportCc second = drain().get(0);
        assertThat(second.baseSequenceNumber()).isEqualTo(105);
        assertThat(second.feedbackPacketCount()).isEqualTo(1);
        assertThat(received(second)).containsExactly(false, true);
    }

    @Test
    void sequenceNumbersWrapAround() {
        arrive(65534, 4);
        arrive(65535, 5);
        arrive(1, 6);
        TransportCc fb = drain().get(0);
        assertThat(fb.baseSequenceNumber()).isEqualTo(65534);
        assertThat(fb.packets()).extracting(TransportCc.PacketStatus::sequenceNumber).containsExactly(65534, 65535, 0, 1);
        assertThat(received(fb)).containsExactly(true, true, false, true);
    }

    @Test
    void aLongGapIsSplitIntoSeveralFeedbackPacketsThatCoverEveryNumber() {
        arrive(0, 4);
        arrive(1000, 8);
        List<TransportCc> fbs = drain();
        assertThat(fbs).hasSize(3);
        int next = 0;
        int receivedCount = 0;
        for (TransportCc fb : fbs) {
            assertThat(fb.baseSequenceNumber()).isEqualTo(next);
            assertThat(fb.packetStatusCount()).isLessThanOrEqualTo(FeedbackBuilder.MAX_PACKETS_PER_FEEDBACK);
            next += fb.packetStatusCount();
            receivedCount += (int) fb.packets().stream().filter(TransportCc.PacketStatus::received).count();
        }
        assertThat(next).isEqualTo(1001);
        assertThat(receivedCount).isEqualTo(2);
        assertThat(fbs).extracting(TransportCc::feedbackPacketCount).containsExactly(0, 1, 2);
    }

    @Test
    void aDeltaBeyondSixteenBitsStartsANewFeedbackAndNegativeDeltasAreLarge() {
        b.onPacket(1, 100 * MS);
        b.onPacket(2, 99 * MS);           // reordered arrival: -4 units
        b.onPacket(3, 10_100 * MS);       // 10 s later: 40000 units > 32767
        List<TransportCc> fbs = drain();
        assertThat(fbs).hasSize(2);
        assertThat(fbs.get(0).packets()).extracting(TransportCc.PacketStatus::receiveDelta250us)
                .containsExactly((100 - 64) * 4, -4);
        assertThat(fbs.get(1).baseSequenceNumber()).isEqualTo(3);
        assertThat(fbs.get(1).referenceTime64ms()).isEqualTo(10_100 / 64);
    }

    @Test
    void feedbackIsDueOnlyAfterTheIntervalAndWhilePacketsWait() {
        assertThat(b.isDue(0)).isFalse();
        arrive(1, 4);
        assertThat(b.isDue(1 * MS)).isTrue();
        b.drain(1, 2, 1 * MS);
        arrive(2, 8);
        assertThat(b.isDue(30 * MS)).isFalse();
        assertThat(b.isDue(51 * MS)).isTrue();
        b.drain(1, 2, 51 * MS);
        assertThat(b.isDue(200 * MS)).isFalse();
    }

    @Test
    void latePacketsAreCountedAndIgnoredAndARingOverflowSkipsTheOldest() {
        arrive(10, 4);
        drain();
        arrive(9, 5);
        arrive(10, 6);
        assertThat(b.latePackets()).isEqualTo(2);
        assertThat(b.hasPending()).isFalse();
        arrive(11, 8);
        arrive(11 + 5000, 12);
        assertThat(b.skippedNumbers()).isEqualTo(5000 - 4096 + 1);
        List<TransportCc> fbs = drain();
        assertThat(fbs.get(0).baseSequenceNumber()).isEqualTo(11 + 5000 - 4095);
        assertThat(fbs.stream().mapToInt(TransportCc::packetStatusCount).sum()).isEqualTo(4096);
    }
}
