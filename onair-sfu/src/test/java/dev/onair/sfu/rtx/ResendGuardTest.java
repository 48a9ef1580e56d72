package dev.onair.sfu.rtx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResendGuardTest {
    private static final long MS = 1_000_000L;

    @Test
    void resendsOncePerIntervalPerPacket() {
        ResendGuard g = new ResendGuard();
        assertThat(g.tryResend(7, 0, 100 * MS)).isTrue();
        assertThat(g.tryResend(7, 99 * MS, 100 * MS)).isFalse();
        assertThat(g.tryResend(8, 99 * MS, 100 * MS)).as("another packet").isTrue();
        assertThat(g.tryResend(7, 100 * MS, 100 * MS)).isTrue();
        g.clear();
        assertThat(g.tryResend(7, 101 * MS, 100 * MS)).isTrue();
    }

    @Test
    void timersFollowTheRoundTrip() {
        assertThat(RetransmissionTimers.resendIntervalNanos(80 * MS)).isEqualTo(80 * MS);
        assertThat(RetransmissionTimers.resendIntervalNanos(1 * MS)).isEqualTo(10 * MS);
        // A third request for a packet (its first resend lost too) comes ~4-5 round trips after it was sent: at 80 ms
        // RTT that is past the old 250-400 ms limit, so it must still be resent while the cache holds it (1 s).
        assertThat(RetransmissionTimers.usefulAgeNanos(10 * MS)).isEqualTo(1_000 * MS);
        assertThat(RetransmissionTimers.usefulAgeNanos(80 * MS)).isGreaterThan(5 * 80 * MS);
        assertThat(RetransmissionTimers.usefulAgeNanos(100 * MS)).isEqualTo(1_000 * MS);
        assertThat(RetransmissionTimers.usefulAgeNanos(500 * MS)).isEqualTo(1_000 * MS);
    }
}
