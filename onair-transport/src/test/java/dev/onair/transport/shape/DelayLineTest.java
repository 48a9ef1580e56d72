package dev.onair.transport.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayLineTest {
    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
    private final List<String> out = new ArrayList<>();
    private final DelayLine.Sink sink = (buf, off, len, address, tag, due) ->
            out.add(tag + "@" + due + ":" + len + ":" + buf[off]);

    @Test
    void leavesInDeadlineOrderAndTiesInOfferOrder() {
        DelayLine line = new DelayLine(16, 10_000, 100);
        line.offer(new byte[] {1}, 0, 1, PEER, 1, 300);
        line.offer(new byte[] {2}, 0, 1, PEER, 2, 100);
        line.offer(new byte[] {3}, 0, 1, PEER, 3, 200);
        line.offer(new byte[] {4}, 0, 1, PEER, 4, 100);

        assertThat(line.nextDeadlineNanos()).isEqualTo(100);
        assertThat(line.drainDue(99, sink)).isZero();
        assertThat(line.drainDue(200, sink)).isEqualTo(3);
        assertThat(out).containsExactly("2@100:1:2", "4@100:1:4", "3@200:1:3");
        assertThat(line.drainDue(1_000, sink)).isEqualTo(1);
        assertThat(out).endsWith("1@300:1:1");
        assertThat(line.size()).isZero();
        assertThat(line.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void copiesTheBytesSoTheCallerMayReuseItsBuffer() {
        DelayLine line = new DelayLine(4, 1_000, 100);
        byte[] scratch = {0, 7, 8};
        line.offer(scratch, 1, 2, PEER, 0, 10);
        scratch[1] = 99;
        line.drainDue(10, sink);
        assertThat(out).containsExactly("0@10:2:7");
    }

    @Test
    void refusesBeyondTheCountBound() {
        DelayLine line = new DelayLine(2, 10_000, 100);
        assertThat(line.offer(new byte[10], 0, 10, PEER, 0, 1)).isTrue();
        assertThat(line.offer(new byte[10], 0, 10, PEER, 0, 2)).isTrue();
        assertThat(line.offer(new byte[10], 0, 10, PEER, 0, 3)).isFalse();
        line.drainDue(1, sink);
        assertThat(line.offer(new byte[10], 0, 10, PEER, 0, 3)).isTrue();
    }

    @Test
    void refusesBeyondTheByteBoundAndOversizedDatagrams() {
        DelayLine line = new DelayLine(8, 150, 100);
        assertThat(line.offer(new byte[100], 0, 100, PEER, 0, 1)).isTrue();
        assertThat(line.offer(new byte[60], 0, 60, PEER, 0, 1)).isFalse();
        assertThat(line.offer(new byte[50], 0, 50, PEER, 0, 1)).isTrue();
        assertThat(line.bytesHeld()).isEqualTo(150);
        assertThat(new DelayLine(8, 1_000, 100).offer(new byte[101], 0, 101, PEER, 0, 1)).isFalse();
    }

    @Test
    void reusesSlotBuffersAfterWarmUp() {
        DelayLine line = new DelayLine(64, 1 << 20, 100);
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < 3; i++) {
                line.offer(new byte[] {(byte) i}, 0, 1, PEER, i, round);
            }
            line.drainDue(round, sink);
        }
        assertThat(line.allocatedBuffers()).isEqualTo(3);
        assertThat(out).hasSize(300);
    }

    @Test
    void heapKeepsOrderUnderManyInterleavedDeadlines() {
        DelayLine line = new DelayLine(512, 1 << 20, 8);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        List<Long> due = new ArrayList<>();
        DelayLine.Sink record = (buf, off, len, address, tag, d) -> due.add(d);
        for (int i = 0; i < 500; i++) {
            line.offer(new byte[1], 0, 1, PEER, i, rnd.nextLong(1_000));
        }
        line.drainDue(Long.MAX_VALUE, record);
        assertThat(due).hasSize(500).isSorted();
    }

    @Test
    void clearDiscardsEverything() {
        DelayLine line = new DelayLine(8, 1_000, 100);
        line.offer(new byte[5], 0, 5, PEER, 0, 1);
        line.offer(new byte[5], 0, 5, PEER, 0, 2);
        assertThat(line.clear()).isEqualTo(2);
        assertThat(line.size()).isZero();
        assertThat(line.bytesHeld()).isZero();
        assertThat(line.drainDue(Long.MAX_VALUE, sink)).isZero();
    }
}
