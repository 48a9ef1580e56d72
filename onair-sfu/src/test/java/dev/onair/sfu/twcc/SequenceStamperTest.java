package dev.onair.sfu.twcc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceStamperTest {
    /** An RTP packet with one one-byte extension element {@code id} of 2 bytes holding 0xAAAA, and 4 payload bytes. */
    static byte[] packet(int id) {
        return new byte[] {(byte) 0x90, 96, 0, 1, 0, 0, 0, 9, 0, 0, 0, 7, // V=2 X=1, PT 96, seq 1, ts 9, ssrc 7
                (byte) 0xBE, (byte) 0xDE, 0, 1, (byte) ((id << 4) | 1), (byte) 0xAA, (byte) 0xAA, 0,
                1, 2, 3, 4};
    }

    @Test
    void stampsOurNumberInPlaceLogsItOnCommitAndWraps() {
        SendLog log = new SendLog(1024);
        SequenceStamper s = new SequenceStamper(3, 65535, log);
        byte[] p = packet(3);
        byte[] before = p.clone();
        assertThat(s.stamp(p, 0, p.length)).isTrue();
        assertThat(((p[17] & 0xFF) << 8) | (p[18] & 0xFF)).isEqualTo(65535);
        for (int i = 0; i < p.length; i++) {
            if (i != 17 && i != 18) {
                assertThat(p[i]).as("byte %d untouched", i).isEqualTo(before[i]);
            }
        }
        s.commit(5_000, p.length);
        assertThat(log.contains(65535)).isTrue();
        assertThat(log.sendNanos(65535)).isEqualTo(5_000);
        assertThat(log.sizeBytes(65535)).isEqualTo(p.length);

        byte[] q = packet(3);
        assertThat(s.stamp(q, 0, q.length)).isTrue();
        assertThat(((q[17] & 0xFF) << 8) | (q[18] & 0xFF)).isZero(); // wrapped on the wire
        s.commit(6_000, q.length);
        assertThat(log.unwrap(0)).isEqualTo(65536);
        assertThat(s.stampedPackets()).isEqualTo(2);
    }

    @Test
    void aRefusedPacketDoesNotUseUpANumber() {
        SequenceStamper s = new SequenceStamper(3, 10, new SendLog(1024));
        byte[] p = packet(3);
        s.stamp(p, 0, p.length); // the socket refused it: no commit
        byte[] q = packet(3);
        s.stamp(q, 0, q.length);
        assertThat(q[18]).isEqualTo((byte) 10);
        assertThat(s.nextSequence()).isEqualTo(10);
    }

    @Test
    void packetsWithoutTheElementOrMalformedGoOutUntouchedAndCounted() {
        SendLog log = new SendLog(1024);
        SequenceStamper s = new SequenceStamper(3, 0, log);
        byte[] other = packet(5);
        byte[] copy = other.clone();
        assertThat(s.stamp(other, 0, other.length)).isFalse();
        assertThat(other).isEqualTo(copy);
        assertThat(s.stamp(new byte[] {1, 2, 3}, 0, 3)).isFalse();
        assertThat(s.unstampedPackets()).isEqualTo(2);
        assertThat(log.newest()).isEqualTo(-1);
    }
}
