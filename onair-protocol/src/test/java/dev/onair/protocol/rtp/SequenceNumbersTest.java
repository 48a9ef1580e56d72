package dev.onair.protocol.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
    @Test
    void comparesAcrossTheWrap() {
        assertThat(SequenceNumbers.isNewer(1, 0)).isTrue();
        assertThat(SequenceNumbers.isNewer(0, 65535)).isTrue();
        assertThat(SequenceNumbers.isNewer(65535, 0)).isFalse();
        assertThat(SequenceNumbers.isNewer(5, 5)).isFalse();
        assertThat(SequenceNumbers.isNewer(32767, 0)).isTrue();
        assertThat(SequenceNumbers.isNewer(32768, 0)).isFalse();
        assertThat(SequenceNumbers.isNewer(0, 32768)).isFalse();
    }

    @Test
    void diffIsSignedShortestDistance() {
        assertThat(SequenceNumbers.diff(2, 65534)).isEqualTo(4);
        assertThat(SequenceNumbers.diff(65534, 2)).isEqualTo(-4);
        assertThat(SequenceNumbers.diff(100, 100)).isZero();
        assertThat(SequenceNumbers.diff(32768, 0)).isEqualTo(-32768);
    }

    @Test
    void unwrapperCountsCyclesForward() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        assertThat(u.highest()).isEqualTo(-1);
        assertThat(u.unwrap(65534)).isEqualTo(65534);
        assertThat(u.unwrap(65535)).isEqualTo(65535);
        assertThat(u.unwrap(0)).isEqualTo(65536);
        assertThat(u.unwrap(1)).isEqualTo(65537);
        assertThat(u.highest()).isEqualTo(65537);
    }

    @Test
    void unwrapperPlacesReorderedPacketsBehindTheHighest() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        u.unwrap(65535);
        assertThat(u.unwrap(2)).isEqualTo(65538);
        assertThat(u.unwrap(65534)).isEqualTo(65534);
        assertThat(u.unwrap(1)).isEqualTo(65537);
        assertThat(u.highest()).isEqualTo(65538);
    }

    @Test
    void unwrapperSurvivesManyCycles() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        long last = -1;
        for (long i = 0; i < 5 * 65536L; i += 1000) {
            last = u.unwrap((int) i);
            assertThat(last).isEqualTo(i);
        }
        assertThat(u.highest()).isEqualTo(last);
    }

    @Test
    void resetForgetsHistory() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        u.unwrap(10);
        u.unwrap(20);
        u.reset();
        assertThat(u.highest()).isEqualTo(-1);
        assertThat(u.unwrap(65000)).isEqualTo(65000);
    }
}
