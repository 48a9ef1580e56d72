package dev.onair.transport.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shaping under explicit time: the test plays the timer, calling {@code onTimer} at the armed deadline. */
class ShapingStageTest {
    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
    static final long MS = 1_000_000L;

    private final ScriptedShaper shaper = new ScriptedShaper();
    private final List<String> delivered = new ArrayList<>();
    private final List<Long> armed = new ArrayList<>();
    private ShapingStage stage(int maxDatagrams) {
        return new ShapingStage(shaper, new DelayLine(maxDatagrams, 1 << 20, 64),
                (buf, off, len, address, tag, due) -> {
                    boolean dup = (tag & ShapingStage.DUPLICATE_FLAG) != 0;
                    delivered.add((tag & ~ShapingStage.DUPLICATE_FLAG) + (dup ? "d" : "") + "@" + due / MS);
                    buf[off] = -1; // the sink may decrypt in place
                }, armed::add, MS);
    }

    private static byte[] datagram() {
        return new byte[] {1, 2, 3};
    }

    @Test
    void undelayedDatagramsPassStraightThroughWithoutTheTimer() {
        ShapingStage s = stage(8);
        s.offer(datagram(), 0, 3, PEER, 1, 10 * MS);
        s.offer(datagram(), 0, 3, PEER, 2, 11 * MS);
        assertThat(delivered).containsExactly("1@10", "2@11");
        assertThat(armed).isEmpty();
        assertThat(s.counters().datagrams()).isEqualTo(2);
        assertThat(s.counters().delayed()).isZero();
    }

    @Test
    void dropsAreCountedByReason() {
        shaper.drop(ShapeDrop.LOSS).drop(ShapeDrop.BURST).drop(ShapeDrop.LOSS).drop(ShapeDrop.QUEUE_FULL);
        ShapingStage s = stage(8);
        for (int i = 0; i < 5; i++) {
            s.offer(datagram(), 0, 3, PEER, i, i * MS);
        }
        assertThat(delivered).containsExactly("4@4");
        assertThat(s.counters().drops().get(ShapeDrop.LOSS)).isEqualTo(2);
        assertThat(s.counters().drops().get(ShapeDrop.BURST)).isEqualTo(1);
        assertThat(s.counters().drops().get(ShapeDrop.QUEUE_FULL)).isEqualTo(1);
        assertThat(s.counters().datagrams()).isEqualTo(5);
    }

    @Test
    void offeredAndDroppedAreAlsoCountedPerTagSoOneKindOfPacketCanBeToldApart() {
        shaper.drop(ShapeDrop.LOSS).delay(0).drop(ShapeDrop.QUEUE_FULL).delay(0);
        ShapingStage s = stage(8);
        s.offer(datagram(), 0, 3, PEER, 2, 0);
        s.offer(datagram(), 0, 3, PEER, 2, MS);
        s.offer(datagram(), 0, 3, PEER, 3, 2 * MS);
        s.offer(datagram(), 0, 3, PEER, ShaperCounters.COUNTED_TAGS, 3 * MS);
        ShaperCounters c = s.counters();
        assertThat(c.datagrams(2)).isEqualTo(2);
        assertThat(c.dropped(2)).isEqualTo(1);
        assertThat(c.datagrams(3)).isEqualTo(1);
        assertThat(c.dropped(3)).isEqualTo(1);
        assertThat(c.datagrams(ShaperCounters.COUNTED_TAGS)).as("beyond the counted tags: totals only").isZero();
        assertThat(c.datagrams()).isEqualTo(4);
        assertThat(c.drops().total()).isEqualTo(2);
    }

    @Test
    void delayedDatagramsLeaveAtTheirDeadlineInOrder() {
        shaper.delay(100 * MS).delay(100 * MS).delay(100 * MS);
        ShapingStage s = stage(8);
        s.offer(datagram(), 0, 3, PEER, 1, 0);
        s.offer(datagram(), 0, 3, PEER, 2, 20 * MS);
        s.offer(datagram(), 0, 3, PEER, 3, 40 * MS);
        assertThat(delivered).isEmpty();
        assertThat(armed).containsExactly(100 * MS);

        s.onTimer(100 * MS);
        assertThat(delivered).containsExactly("1@100");
        assertThat(armed).containsExactly(100 * MS, 120 * MS);
        s.onTimer(120 * MS);
        s.onTimer(140 * MS);
        assertThat(delivered).containsExactly("1@100", "2@120", "3@140");
        assertThat(armed).hasSize(3);
        assertThat(s.counters().delayed()).isEqualTo(3);
    }

    @Test
    void anEarlierDeadlineReArmsAndTheStaleWakeUpDoesNothing() {
        shaper.delay(100 * MS).delay(10 * MS);
        ShapingStage s = stage(8);
        s.offer(datagram(), 0, 3, PEER, 1, 0);
        s.offer(datagram(), 0, 3, PEER, 2, 0);
        assertThat(armed).containsExactly(100 * MS, 10 * MS);
        s.onTimer(10 * MS);
        assertThat(delivered).containsExactly("2@10");
        assertThat(armed).containsExactly(100 * MS, 10 * MS, 100 * MS);
        s.onTimer(50 * MS); // a wake-up earlier than the armed one: ignored
        assertThat(delivered).hasSize(1);
        s.onTimer(100 * MS);
        assertThat(delivered).containsExactly("2@10", "1@100");
        s.onTimer(100 * MS); // the stale duplicate wake-up: nothing armed, nothing to do
        assertThat(armed).hasSize(3);
    }

    @Test
    void wakeUpsAreSpacedSoABusyLineDoesNotArmOnePerDatagram() {
        ShapingStage s = stage(64);
        for (int i = 0; i < 10; i++) {
            shaper.delay(50 * MS);
        }
        for (int i = 0; i < 10; i++) {
            s.offer(datagram(), 0, 3, PEER, i, i * MS / 10); // ten datagrams within one millisecond
        }
        s.onTimer(50 * MS);
        assertThat(delivered).containsExactly("0@50");
        assertThat(armed.get(armed.size() - 1)).isEqualTo(51 * MS);
        s.onTimer(51 * MS);
        assertThat(delivered).hasSize(10);
        assertThat(armed).hasSize(2);
    }

    @Test
    void duplicatesAreCopiedBeforeTheOriginalIsHandledInPlace() {
        shaper.duplicate(0, 5 * MS);
        ShapingStage s = stage(8);
        byte[] d = datagram();
        s.offer(d, 0, 3, PEER, 7, 0);
        assertThat(d[0]).isEqualTo((byte) -1); // the original was handled in place
        s.onTimer(5 * MS);
        assertThat(delivered).containsExactly("7@0", "7d@5");
        assertThat(s.counters().duplicates()).isEqualTo(1);
    }

    @Test
    void aFullDelayLineIsACountedDrop() {
        shaper.delay(10 * MS).delay(10 * MS).delay(10 * MS);
        ShapingStage s = stage(2);
        for (int i = 0; i < 3; i++) {
            s.offer(datagram(), 0, 3, PEER, i, 0);
        }
        assertThat(s.counters().drops().get(ShapeDrop.DELAY_LINE_FULL)).isEqualTo(1);
        s.onTimer(10 * MS);
        assertThat(delivered).containsExactly("0@10", "1@10");
    }

    @Test
    void closingDiscardsWhatIsHeldAndEverythingAfter() {
        shaper.delay(10 * MS).delay(10 * MS);
        ShapingStage s = stage(8);
        s.offer(datagram(), 0, 3, PEER, 1, 0);
        s.offer(datagram(), 0, 3, PEER, 2, 0);
        s.close();
        s.onTimer(10 * MS);
        s.offer(datagram(), 0, 3, PEER, 3, 20 * MS);
        assertThat(delivered).isEmpty();
        assertThat(s.counters().drops().get(ShapeDrop.TRANSPORT_CLOSED)).isEqualTo(3);
    }

    @Test
    void flushDeliversEverythingHeldInOrder() {
        shaper.delay(30 * MS).delay(10 * MS);
        ShapingStage s = stage(8);
        s.offer(datagram(), 0, 3, PEER, 1, 0);
        s.offer(datagram(), 0, 3, PEER, 2, 0);
        assertThat(s.flush()).isEqualTo(2);
        assertThat(delivered).containsExactly("2@10", "1@30");
    }
}
