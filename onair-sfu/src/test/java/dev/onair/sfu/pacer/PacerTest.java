package dev.onair.sfu.pacer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long MS = 1_000_000L;

    /** Releases {@code packets} of {@code bytes} on a 5 ms tick; returns each packet's release time. */
    private static long[] releaseOnTicks(Pacer pacer, int packets, int bytes) {
        long[] at = new long[packets];
        int sent = 0;
        for (long now = 0; sent < packets && now < 10_000 * MS; now += 5 * MS) {
            while (sent < packets && pacer.mayRelease(bytes, now)) {
                pacer.onReleased(bytes, now);
                at[sent++] = now;
            }
        }
        assertThat(sent).isEqualTo(packets);
        return at;
    }

    @Test
    void aKeyframeBurstLeavesAtThePacingRateNotAtOnce() {
        Pacer pacer = new Pacer(1_000_000);
        long[] at = releaseOnTicks(pacer, 60, 1500); // 720 kbit at 1 Mbit/s: about 0.72 s
        assertThat(at[59]).isBetween(680 * MS, 730 * MS);
        int inFirst100Ms = 0;
        for (long t : at) {
            if (t < 100 * MS) {
                inFirst100Ms++;
            }
        }
        // 100 ms at 1 Mbit/s is 12.5 kB (8.3 packets), plus the one-packet burst and one packet of debt.
        assertThat(inFirst100Ms).isBetween(9, 11);
    }

    @Test
    void aHigherRateDrainsTheSameBurstFaster() {
        Pacer pacer = new Pacer(1_000_000);
        pacer.setPacingRateBps(4_000_000);
        long[] at = releaseOnTicks(pacer, 60, 1500);
        assertThat(pacer.pacingRateBps()).isEqualTo(4_000_000);
        assertThat(at[59]).isBetween(160 * MS, 190 * MS);
    }

    @Test
    void aStalledRateIsClampedSoPacketsStillLeave() {
        Pacer pacer = new Pacer(0);
        assertThat(pacer.pacingRateBps()).isEqualTo(Pacer.MIN_RATE_BPS);
        long[] at = releaseOnTicks(pacer, 3, 1500);
        // 1500 B of burst, then 2 x 1500 B at 50 kbit/s = 0.48 s.
        assertThat(at[2]).isBetween(200 * MS, 500 * MS);
    }

    @Test
    void nextReleaseSaysWhenTheDebtIsPaid() {
        Pacer pacer = new Pacer(1_000_000);
        assertThat(pacer.nextReleaseNanos(0)).isZero(); // starts with the burst allowance
        pacer.onReleased(1500, 0);
        pacer.onReleased(1500, 0); // 1500 B of debt: 12 ms at 1 Mbit/s
        assertThat(pacer.mayRelease(1500, 0)).isFalse();
        long next = pacer.nextReleaseNanos(0);
        assertThat(next).isBetween(12 * MS, 12 * MS + MS / 10);
        assertThat(pacer.mayRelease(1500, next - MS)).isFalse();
        assertThat(pacer.mayRelease(1500, next)).isTrue();
    }

    @Test
    void idleTimeEarnsNoMoreThanTheBurstAllowance() {
        Pacer pacer = new Pacer(8_000_000); // 5 ms = 5000 B
        pacer.mayRelease(1, 0);
        pacer.onReleased(100, 0);
        pacer.mayRelease(1, 10_000 * MS);
        assertThat(pacer.budgetBytes()).isEqualTo(5000.0);
    }
}
