package dev.onair.sfu.pacer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueDelayStatsTest {
    private static final long MS = 1_000_000L;

    @Test
    void reportsTheLastCompletedSecondAndZerosAfterASilentOne() {
        QueueDelayStats s = new QueueDelayStats();
        s.onSent(4 * MS, 0);
        s.onSent(8 * MS, 500 * MS);
        assertThat(s.maxMillis()).isZero(); // the first window is not over yet
        s.onSent(1 * MS, 1200 * MS); // rolls: the first window is reported
        assertThat(s.maxMillis()).isEqualTo(8.0);
        assertThat(s.meanMillis()).isEqualTo(6.0);
        s.rollIfDue(2100 * MS);
        assertThat(s.maxMillis()).isEqualTo(1.0);
        assertThat(s.packets()).isEqualTo(1);
        s.rollIfDue(5000 * MS); // nothing sent for seconds
        assertThat(s.maxMillis()).isZero();
        assertThat(s.meanMillis()).isZero();
        assertThat(s.packets()).isZero();
    }

    @Test
    void countsStaleDrops() {
        QueueDelayStats s = new QueueDelayStats();
        s.onStaleDrop();
        s.onStaleDrop();
        assertThat(s.staleDrops()).isEqualTo(2);
    }
}
