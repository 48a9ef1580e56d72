package dev.onair.sfu.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpRewriterTest {
    private static final long MS = 1_000_000L;

    private static byte[] packet() {
        byte[] b = new byte[12];
        b[0] = (byte) 0x80;
        b[1] = 96;
        return b;
    }

    private static int seq(byte[] b) {
        return ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    private static long ts(byte[] b) {
        return ((long) (b[4] & 0xFF) << 24) | ((b[5] & 0xFF) << 16) | ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
    }

    private static long ssrc(byte[] b) {
        return ((long) (b[8] & 0xFF) << 24) | ((b[9] & 0xFF) << 16) | ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
    }

    @Test
    void firstSourceStartsAtTheInitialValuesAndKeepsItsSpacing() {
        RtpRewriter r = new RtpRewriter(0xCAFEBABEL, 1000, 5000, 90_000);
        byte[] p = packet();
        assertThat(r.rewrite(p, 0, 0x1111, 40_000, 123_456, 0)).isTrue();
        assertThat(seq(p)).isEqualTo(1000);
        assertThat(ts(p)).isEqualTo(5000);
        assertThat(ssrc(p)).isEqualTo(0xCAFEBABEL);
        assertThat(r.rewrite(p, 0, 0x1111, 40_003, 123_456 + 9000, 100 * MS)).isTrue();
        assertThat(seq(p)).isEqualTo(1003); // a real upstream gap of 2 stays a gap of 2
        assertThat(ts(p)).isEqualTo(14_000);
    }

    @Test
    void sourceSwitchContinuesWithoutSequenceGapOrTimestampJump() {
        RtpRewriter r = new RtpRewriter(7, 65_534, 0xFFFF_FF00L, 90_000);
        byte[] p = packet();
        r.rewrite(p, 0, 0xAAAA, 10, 1_000, 0);
        r.rewrite(p, 0, 0xAAAA, 11, 4_000, 33 * MS);
        assertThat(seq(p)).isEqualTo(65_535);
        long lastTs = ts(p);
        // another publisher (new SSRC, unrelated numbering) 100 ms later
        r.rewrite(p, 0, 0xBBBB, 30_000, 777_777, 133 * MS);
        assertThat(seq(p)).isEqualTo(0); // wraps, no gap
        assertThat(ts(p)).isEqualTo((lastTs + 9_000) & 0xFFFFFFFFL); // 100 ms at 90 kHz
        assertThat(ssrc(p)).isEqualTo(7);
        r.rewrite(p, 0, 0xBBBB, 30_001, 780_777, 166 * MS);
        assertThat(seq(p)).isEqualTo(1);
        assertThat(r.switches()).isEqualTo(1);
    }

    @Test
    void packetsOlderThanTheSwitchPointAreDropped() {
        RtpRewriter r = new RtpRewriter(7, 100, 0, 48_000);
        byte[] p = packet();
        r.rewrite(p, 0, 1, 500, 0, 0);
        r.rewrite(p, 0, 2, 900, 0, 20 * MS);
        assertThat(r.rewrite(p, 0, 2, 899, 0, 21 * MS)).isFalse();
        assertThat(r.rewrite(p, 0, 2, 901, 960, 40 * MS)).isTrue();
        assertThat(seq(p)).isEqualTo(102);
    }

    @Test
    void aSourceKeepsFlowingPastHalfTheSequenceSpaceAndAcrossWraps() {
        RtpRewriter r = new RtpRewriter(7, 0, 0, 90_000);
        byte[] p = packet();
        for (int i = 0; i < 140_000; i++) {
            assertThat(r.rewrite(p, 0, 1, (5 + i) & 0xFFFF, 3_000L * i, i * MS)).as("packet %d", i).isTrue();
            assertThat(seq(p)).isEqualTo(i & 0xFFFF);
        }
        assertThat(r.switches()).isZero();
    }

    @Test
    void aLatePacketFromJustBeforeTheSwitchPointIsDroppedEvenAcrossTheWrap() {
        RtpRewriter r = new RtpRewriter(7, 100, 0, 90_000);
        byte[] p = packet();
        r.rewrite(p, 0, 1, 65_535, 0, 0);
        assertThat(r.rewrite(p, 0, 1, 0, 3000, MS)).isTrue();
        assertThat(seq(p)).isEqualTo(101);
        assertThat(r.rewrite(p, 0, 1, 65_534, 0, 2 * MS)).isFalse();
    }

    @Test
    void resyncOfTheSameSourceKeepsContinuity() {
        RtpRewriter r = new RtpRewriter(7, 100, 0, 48_000);
        byte[] p = packet();
        r.rewrite(p, 0, 1, 10, 1000, 0);
        r.resync();
        r.rewrite(p, 0, 1, 5000, 90_000, 20 * MS);
        assertThat(seq(p)).isEqualTo(101);
        assertThat(ts(p)).isEqualTo(960); // 20 ms at 48 kHz after the last timestamp (0)
    }

    @Test
    void mapTimestampFollowsTheCurrentOffset() {
        RtpRewriter r = new RtpRewriter(7, 0, 10, 90_000);
        byte[] p = packet();
        r.rewrite(p, 0, 1, 0, 1_000, 0);
        assertThat(r.mapTimestamp(4_000)).isEqualTo(3_010);
    }
}
