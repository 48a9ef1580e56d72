package dev.onair.sfu.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RetransmissionCacheTest {
    private static final long MS = 1_000_000L;
    private static final long SSRC = 0x1234L;

    private static byte[] packet(int seq, int len) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) seq);
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        return b;
    }

    @Test
    void returnsAStoredPacketByItsSixteenBitSequenceNumber() {
        RetransmissionCache c = new RetransmissionCache(8, 1_000 * MS);
        for (int ext = 65_530; ext < 65_540; ext++) { // across the 16-bit wrap
            byte[] p = packet(ext & 0xFFFF, 100 + ext % 3);
            c.put(p, 0, p.length, SSRC, ext, ext * MS);
        }
        int slot = c.find(SSRC, 65_537 & 0xFFFF, 65_540 * MS, 1_000 * MS);
        assertThat(slot).isNotNegative();
        assertThat(c.length(slot)).isEqualTo(100 + 65_537 % 3);
        assertThat(c.data()[c.offset(slot) + 3]).isEqualTo((byte) (65_537 & 0xFF));
        assertThat(c.arrivalNanos(slot)).isEqualTo(65_537 * MS);
    }

    @Test
    void boundedBySlotsOlderPacketsAreEvicted() {
        RetransmissionCache c = new RetransmissionCache(8, 1_000 * MS);
        for (int seq = 0; seq < 20; seq++) {
            byte[] p = packet(seq, 50);
            c.put(p, 0, p.length, SSRC, seq, 0);
        }
        assertThat(c.find(SSRC, 11, 0, 1_000 * MS)).as("20 - 8 = 12 is the oldest kept").isEqualTo(-1);
        assertThat(c.find(SSRC, 12, 0, 1_000 * MS)).isNotNegative();
        assertThat(c.find(SSRC, 19, 0, 1_000 * MS)).isNotNegative();
        assertThat(c.find(SSRC, 20, 0, 1_000 * MS)).as("never received").isEqualTo(-1);
        assertThat(c.capacityBytes()).isEqualTo(8L * RetransmissionCache.MAX_PACKET_BYTES);
    }

    @Test
    void boundedByTimeAndByTheCallersUsefulAge() {
        RetransmissionCache c = new RetransmissionCache(64, 1_000 * MS);
        byte[] p = packet(5, 50);
        c.put(p, 0, p.length, SSRC, 5, 0);
        assertThat(c.find(SSRC, 5, 1_000 * MS, 5_000 * MS)).isNotNegative();
        assertThat(c.find(SSRC, 5, 1_001 * MS, 5_000 * MS)).as("older than the cache's 1 s").isEqualTo(-1);
        assertThat(c.find(SSRC, 5, 300 * MS, 250 * MS)).as("older than the caller finds useful").isEqualTo(-1);
    }

    @Test
    void severalSsrcsAreKeptSideBySideAndTooLargePacketsAreCountedNotKept() {
        RetransmissionCache c = new RetransmissionCache(64, 1_000 * MS);
        byte[] p = packet(5, 50);
        byte[] q = packet(5, 51);
        c.put(p, 0, p.length, SSRC, 5, 0);
        c.put(q, 0, q.length, 0x9999L, 5, 0);
        assertThat(c.length(c.find(SSRC, 5, 0, 1_000 * MS))).isEqualTo(50);
        assertThat(c.length(c.find(0x9999L, 5, 0, 1_000 * MS))).isEqualTo(51);
        byte[] big = new byte[RetransmissionCache.MAX_PACKET_BYTES + 1];
        c.put(big, 0, big.length, 0x9999L, 6, 0);
        assertThat(c.tooLarge()).isEqualTo(1);
        assertThat(c.find(0x9999L, 6, 0, 1_000 * MS)).isEqualTo(-1);
    }

    @Test
    void aFifthSsrcReplacesTheOneWrittenLeastRecently() {
        RetransmissionCache c = new RetransmissionCache(64, 1_000 * MS);
        byte[] p = packet(1, 40);
        for (long ssrc = 1; ssrc <= RetransmissionCache.MAX_STREAMS; ssrc++) {
            c.put(p, 0, p.length, ssrc, 1, 0);
        }
        c.put(p, 0, p.length, 1, 2, 0); // ssrc 1 written again: ssrc 2 is now the least recent
        c.put(p, 0, p.length, 99, 1, 0);
        assertThat(c.find(2, 1, 0, 1_000 * MS)).isEqualTo(-1);
        assertThat(c.find(1, 1, 0, 1_000 * MS)).isNotNegative();
        assertThat(c.find(3, 1, 0, 1_000 * MS)).isNotNegative();
        assertThat(c.find(99, 1, 0, 1_000 * MS)).isNotNegative();
    }

    @Test
    void interleavedLayersShareTheRingInArrivalOrder() {
        RetransmissionCache c = new RetransmissionCache(6, 1_000 * MS);
        for (int seq = 0; seq < 4; seq++) {
            for (long ssrc = 1; ssrc <= 3; ssrc++) {
                byte[] p = packet(seq, 30 + (int) ssrc);
                c.put(p, 0, p.length, ssrc, seq, 0);
            }
        }
        // 12 packets into 6 slots: only seq 2 and 3 of each SSRC remain.
        for (long ssrc = 1; ssrc <= 3; ssrc++) {
            assertThat(c.find(ssrc, 1, 0, 1_000 * MS)).isEqualTo(-1);
            assertThat(c.length(c.find(ssrc, 2, 0, 1_000 * MS))).isEqualTo(30 + (int) ssrc);
            assertThat(c.length(c.find(ssrc, 3, 0, 1_000 * MS))).isEqualTo(30 + (int) ssrc);
        }
    }

    @Test
    void aLatePacketDoesNotOverwriteANewerOne() {
        RetransmissionCache c = new RetransmissionCache(4, 1_000 * MS);
        byte[] newer = packet(9, 60);
        c.put(newer, 0, newer.length, SSRC, 9, 0);
        byte[] late = packet(5, 70);
        c.put(late, 0, late.length, SSRC, 5, 0); // same slot (5 % 4 == 9 % 4)
        assertThat(c.length(c.find(SSRC, 9, 0, 1_000 * MS))).isEqualTo(60);
        assertThat(c.find(SSRC, 5, 0, 1_000 * MS)).isEqualTo(-1);
    }
}
