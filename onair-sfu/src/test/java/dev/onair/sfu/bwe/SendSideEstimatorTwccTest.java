package dev.onair.sfu.bwe;

import static dev.onair.sfu.bwe.VideoSenderSimulation.MS;
import static dev.onair.sfu.bwe.VideoSenderSimulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.rtcp.TransportCc;
import dev.onair.sfu.twcc.FeedbackBuilder;
import dev.onair.sfu.twcc.FeedbackResults;
import dev.onair.sfu.twcc.PacketResult;
import dev.onair.sfu.twcc.SendLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimator fed through the real TWCC path: our {@link SendLog}, the receiver's {@link FeedbackBuilder}
 * (16-bit numbers, 250 µs deltas, 64 ms reference), the RTCP wire format and {@link FeedbackResults}.
 */
class SendSideEstimatorTwccTest {
    private final SendLog log = new SendLog(8192);
    private final FeedbackBuilder receiver = new FeedbackBuilder(8192, 50 * MS);
    private final FeedbackResults results = new FeedbackResults(log);
    private final byte[] datagram = new byte[1500];

    private List<PacketResult> throughTwcc(List<PacketResult> simulated) {
        for (PacketResult r : simulated) {
            log.onSent(r.sequence(), r.sendNanos(), r.sizeBytes());
            if (r.received()) {
                receiver.onPacket((int) (r.sequence() & 0xFFFF), r.arrivalNanos());
            }
        }
        List<PacketResult> out = new ArrayList<>();
        for (TransportCc fb : receiver.drain(1, 2, 0)) {
            int len = RtcpWriter.writeCompound(List.of(fb), datagram, 0);
            RtcpParseResult parsed = RtcpParser.parse(datagram, 0, len);
            assertThat(parsed.drop()).isNull();
            out.addAll(results.onFeedback((TransportCc) parsed.packets().get(0)));
        }
        return out;
    }

    @Test
    void convergesToTheCapThroughTheRealFeedbackPath() {
        SimulatedLink link = new SimulatedLink(1_500_000, 40 * MS, 300 * MS, 50 * MS, 9);
        VideoSenderSimulation sim = new VideoSenderSimulation(link, BweConfig.defaults(), 5_000_000, true);
        sim.setFeedbackPath(this::throughTwcc);
        sim.run(20 * SECOND);
        long average = sim.averageEstimateOver(10 * SECOND);
        assertThat(average).isBetween(1_350_000L, 1_650_000L);
        assertThat(results.unknownPackets()).isZero();
        assertThat(sim.estimator.ignoredPackets()).isZero();
        assertThat(sim.estimator.lastProbeBps()).isPositive();
    }
}
