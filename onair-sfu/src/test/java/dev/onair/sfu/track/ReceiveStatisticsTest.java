package dev.onair.sfu.track;

import static dev.onair.sfu.track.TrackFixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.rtcp.NtpTime;
import dev.onair.protocol.rtcp.ReportBlock;
import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {

    @Test
    void lossFractionAndCumulativeLossPerInterval() {
        ReceiveStatistics s = new ReceiveStatistics(0x1234, 48_000);
        for (int seq = 65_530; seq < 65_530 + 20; seq++) { // crosses the 16-bit wrap
            if (seq % 4 != 0) { // 5 of 20 lost
                s.onPacket(seq & 0xFFFF, seq * 960L, seq * 20 * MS);
            }
        }
        ReportBlock first = s.reportBlock(0);
        assertThat(first.ssrc()).isEqualTo(0x1234);
        assertThat(first.cumulativeLost()).isEqualTo(5);
        assertThat(first.fractionLost()).isEqualTo(5 * 256 / 20); // 5 of 20 expected in this interval
        assertThat(first.extendedHighestSeq()).isEqualTo(65_549); // cycle 1, sequence 13

        for (int seq = 65_550; seq < 65_560; seq++) { // no loss in the next interval
            s.onPacket(seq & 0xFFFF, seq * 960L, seq * 20 * MS);
        }
        ReportBlock second = s.reportBlock(0);
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(5);
    }

    @Test
    void jitterIsZeroForPerfectPacingAndGrowsWithVariation() {
        ReceiveStatistics steady = new ReceiveStatistics(1, 90_000);
        ReceiveStatistics bumpy = new ReceiveStatistics(2, 90_000);
        for (int i = 0; i < 50; i++) {
            steady.onPacket(i, i * 3_000L, i * 33_333_333L + 1_000 * MS);
            long wobble = (i % 2 == 0 ? 0 : 10) * MS;
            bumpy.onPacket(i, i * 3_000L, i * 33_333_333L + wobble + 1_000 * MS);
        }
        assertThat(steady.jitterTicks()).isLessThanOrEqualTo(1);
        // alternating 10 ms (900 ticks) of transit difference converges towards 900 ticks
        assertThat(bumpy.jitterTicks()).isBetween(700L, 900L);
    }

    @Test
    void lsrAndDlsrEchoTheLastSenderReport() {
        ReceiveStatistics s = new ReceiveStatistics(1, 90_000);
        s.onPacket(1, 0, 0);
        long ntp = NtpTime.fromUnixMillis(1_700_000_000_250L);
        s.onSenderReport(ntp, 0, 2_000 * MS);
        ReportBlock b = s.reportBlock(2_000 * MS + 1_500 * MS);
        assertThat(b.lastSr()).isEqualTo(NtpTime.middle32(ntp));
        assertThat(b.delaySinceLastSr()).isEqualTo(65_536L * 3 / 2);
    }
}
