package dev.onair.sfu.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BweInterArrivalTest {
    private static final long MS = 1_000_000L;

    @Test
    void packetsSentWithinFiveMillisecondsFormOneGroupAndDeltasUseEachGroupsLastPacket() {
        InterArrival ia = new InterArrival();
        assertThat(ia.add(0, 100 * MS)).isEqualTo(InterArrival.NONE);
        assertThat(ia.add(2 * MS, 103 * MS)).isEqualTo(InterArrival.NONE);
        assertThat(ia.add(4 * MS, 106 * MS)).isEqualTo(InterArrival.NONE);
        // second group starts at 10 ms: the first is complete but has no predecessor
        assertThat(ia.add(10 * MS, 112 * MS)).isEqualTo(InterArrival.NONE);
        assertThat(ia.add(13 * MS, 118 * MS)).isEqualTo(InterArrival.NONE);
        // third group completes the second: deltas between the last packets of group 1 and group 2
        assertThat(ia.add(20 * MS, 125 * MS)).isEqualTo(InterArrival.DELTA);
        assertThat(ia.sendDeltaNanos()).isEqualTo(9 * MS);
        assertThat(ia.arrivalDeltaNanos()).isEqualTo(12 * MS);
        assertThat(ia.groupArrivalNanos()).isEqualTo(118 * MS);
    }

    @Test
    void aPacketSentBeforeTheCurrentGroupIsIgnored() {
        InterArrival ia = new InterArrival();
        ia.add(10 * MS, 100 * MS);
        assertThat(ia.add(5 * MS, 101 * MS)).isEqualTo(InterArrival.NONE);
        ia.add(20 * MS, 110 * MS);
        assertThat(ia.add(30 * MS, 120 * MS)).isEqualTo(InterArrival.DELTA);
        assertThat(ia.sendDeltaNanos()).isEqualTo(10 * MS);
        assertThat(ia.arrivalDeltaNanos()).isEqualTo(10 * MS);
    }

    @Test
    void arrivalsGoingBackwardsOrJumpingSecondsResetTheGrouping() {
        InterArrival ia = new InterArrival();
        ia.add(0, 1_000 * MS);
        ia.add(10 * MS, 1_010 * MS);
        assertThat(ia.add(20 * MS, 500 * MS)).isEqualTo(InterArrival.DELTA);
        // the group arriving at 500 ms (before the one at 1 010 ms) completes: reset
        assertThat(ia.add(30 * MS, 510 * MS)).isEqualTo(InterArrival.RESET);
        assertThat(ia.resets()).isEqualTo(1);
        ia.add(40 * MS, 520 * MS);
        ia.add(50 * MS, 9_000 * MS);
        assertThat(ia.add(60 * MS, 9_010 * MS)).isEqualTo(InterArrival.RESET);
        assertThat(ia.resets()).isEqualTo(2);
    }

    @Test
    void aBurstArrivingRightBehindTheGroupJoinsIt() {
        InterArrival ia = new InterArrival();
        ia.add(0, 100 * MS);
        // sent 8 ms later but arrives 1 ms after the previous packet (queued behind it): same group
        assertThat(ia.add(8 * MS, 101 * MS)).isEqualTo(InterArrival.NONE);
        ia.add(20 * MS, 120 * MS);
        assertThat(ia.add(40 * MS, 140 * MS)).isEqualTo(InterArrival.DELTA);
        assertThat(ia.sendDeltaNanos()).isEqualTo(12 * MS);
        assertThat(ia.arrivalDeltaNanos()).isEqualTo(19 * MS);
    }
}
