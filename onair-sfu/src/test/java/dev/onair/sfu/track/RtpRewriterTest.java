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

    @Test
    void packetsLeftOutOnPurposeLeaveNoGapAndEveryOtherKeepsItsNumber() {
        RtpRewriter r = new RtpRewriter(9, 65_534, 0, 90_000);
        byte[] p = packet();
        assertThat(r.rewrite(p, 0, 0xA, 100, 0, 0)).isTrue(); // out 65534
        r.drop(0xA, 101);
        // 102 is lost upstream: it keeps a number (65535) for when its repair comes
        assertThat(r.rewrite(p, 0, 0xA, 103, 0, 0)).isTrue();
        assertThat(seq(p)).isEqualTo(0); // 101 left out: 103 follows 102's number, across the wrap
        r.drop(0xA, 104);
        r.drop(0xA, 105);
        assertThat(r.rewrite(p, 0, 0xA, 106, 0, 0)).isTrue();
        assertThat(seq(p)).isEqualTo(1);
        assertThat(r.rewrite(p, 0, 0xA, 102, 0, 0)).as("the upstream repair, late").isTrue();
        assertThat(seq(p)).isEqualTo(65_535);
        assertThat(r.rewrite(p, 0, 0xA, 104, 0, 0)).as("a late copy of a packet left out").isFalse();

        // NACKs in the receiver's numbering map back to the source packets, and resends keep their first number
        assertThat(r.sourceSeqOf(65_534)).isEqualTo(100);
        assertThat(r.sourceSeqOf(65_535)).isEqualTo(102);
        assertThat(r.sourceSeqOf(0)).isEqualTo(103);
        assertThat(r.sourceSeqOf(1)).isEqualTo(106);
        assertThat(r.sourceSeqOf(2)).as("not sent yet").isEqualTo(-1);
        r.rewriteResent(p, 0, 103, 0);
        assertThat(seq(p)).isZero();
        r.rewriteResent(p, 0, 100, 0);
        assertThat(seq(p)).isEqualTo(65_534);
        assertThat(r.droppedOnPurpose()).isEqualTo(3);
    }

    @Test
    void aPacketLeftOutAfterLaterOnesWentKeepsItsGapAndItsNackFindsNothing() {
        RtpRewriter r = new RtpRewriter(9, 500, 0, 90_000);
        byte[] p = packet();
        r.rewrite(p, 0, 0xA, 10, 0, 0); // 500; 11 lost upstream (501)
        r.rewrite(p, 0, 0xA, 12, 0, 0); // 502
        r.drop(0xA, 11); // its repair arrives and is not wanted
        assertThat(r.sourceSeqOf(501)).isEqualTo(-1);
        assertThat(r.lateDrops()).isEqualTo(1);
        r.rewrite(p, 0, 0xA, 13, 0, 0);
        assertThat(seq(p)).isEqualTo(503);
    }

    @Test
    void numbersOfAnEarlierSourceDoNotMapToTheNewOne() {
        RtpRewriter r = new RtpRewriter(9, 500, 0, 90_000);
        byte[] p = packet();
        for (int s = 0; s < 20; s++) {
            r.rewrite(p, 0, 0xA, 1000 + s, 0, s * MS); // out 500..519
        }
        r.rewrite(p, 0, 0xB, 7, 0, 30 * MS); // out 520
        r.drop(0xB, 8);
        r.rewrite(p, 0, 0xB, 9, 0, 31 * MS); // out 521
        assertThat(seq(p)).isEqualTo(521);
        assertThat(r.sourceSeqOf(510)).as("belongs to the first source").isEqualTo(-1);
        assertThat(r.sourceSeqOf(520)).isEqualTo(7);
        assertThat(r.sourceSeqOf(521)).isEqualTo(9);
    }

    @Test
    void aPacketMoreThanTheHistoryLateIsNotForwarded() {
        RtpRewriter r = new RtpRewriter(9, 0, 0, 90_000);
        byte[] p = packet();
        r.rewrite(p, 0, 0xA, 0, 0, 0);
        r.rewrite(p, 0, 0xA, RtpRewriter.HISTORY + 5, 0, 0);
        assertThat(r.rewrite(p, 0, 0xA, 2, 0, 0)).isFalse();
        assertThat(r.lateDrops()).isEqualTo(1);
        assertThat(r.rewrite(p, 0, 0xA, 10, 0, 0)).as("within the history").isTrue();
        assertThat(seq(p)).isEqualTo(10);
    }
}
