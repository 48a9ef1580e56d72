package dev.onair.lab.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.track.ReceiveStatistics;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A live stream with seeded loss, jitter and one reordering, recorded while the SFU's receive statistics run;
 * dumped to pcap, read back, and replayed: the replay measures the same received/expected/lost and (at the
 * pcap's microsecond precision) the same jitter.
 */
class ReplayTest {
    private static final long MS = 1_000_000L;

    @Test
    void aPcapReplayReproducesTheLiveReceiveStatistics() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        FlightRecorder recorder = new FlightRecorder(10_000, 16, 600_000 * MS);
        ReceiveStatistics live = new ReceiveStatistics(0xABCDL, 48_000);
        long lostOnPurpose = 0;
        for (int i = 0; i < 3_000; i++) {
            int seq = (40_000 + i) & 0xFFFF;
            if (i == 100) {
                seq = (40_000 + 101) & 0xFFFF; // one swap: 101 arrives before 100
            } else if (i == 101) {
                seq = (40_000 + 100) & 0xFFFF;
            }
            long rtpTs = 960L * ((seq - 40_000) & 0xFFFF);
            long arrival = 1_000 * MS + i * 20 * MS + rng.nextLong(8 * MS);
            if (rng.nextInt(100) < 3) {
                lostOnPurpose++;
                recorder.recordPacket(arrival, 0, false, 0xABCDL, seq, rtpTs, 111, 90, false, false, DropReason.IMPAIRMENT);
                continue;
            }
            live.onPacket(seq, rtpTs, arrival);
            recorder.recordPacket(arrival, 0, false, 0xABCDL, seq, rtpTs, 111, 90, false, false, DropReason.NONE);
        }
        long now = 1_000 * MS + 3_000 * 20 * MS;
        ByteArrayOutputStream pcap = new ByteArrayOutputStream();
        PcapWriter.write(recorder.packets(now), 0, 1_700_000_000_000_000_000L, pcap);
        PcapReader.Result read = PcapReader.read(pcap.toByteArray(), 0, 1_700_000_000_000_000_000L);
        assertThat(read.error()).isNull();
        Map<Long, Replay.StreamStats> fromRecorder = Replay.receiveStatistics(recorder.packets(now), pt -> 48_000);
        Replay.StreamStats s = fromRecorder.get(0xABCDL);
        assertThat(s.received()).isEqualTo(live.packetsReceived());
        assertThat(s.expected()).isEqualTo(live.expected());
        assertThat(s.lost()).isEqualTo(live.cumulativeLost()).isGreaterThan(0).isLessThanOrEqualTo(lostOnPurpose);
        assertThat(s.jitterMs()).isCloseTo(live.jitterTicks() * 1000.0 / 48_000, within(0.01));

        Map<Long, Replay.StreamStats> fromPcap = Replay.receiveStatistics(read.packets(), pt -> 48_000);
        Replay.StreamStats sp = fromPcap.get(0xABCDL);
        assertThat(sp.received()).isEqualTo(live.packetsReceived());
        assertThat(sp.lost()).isEqualTo(live.cumulativeLost());
        assertThat(sp.jitterMs()).isCloseTo(live.jitterTicks() * 1000.0 / 48_000, within(0.05));
    }
}
