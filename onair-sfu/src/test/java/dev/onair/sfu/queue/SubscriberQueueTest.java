package dev.onair.sfu.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriberQueueTest {
    @Test
    void fullQueueDropsNewPacketsAndCountsThem() {
        SubscriberQueue q = new SubscriberQueue(2);
        for (int i = 0; i < 2; i++) {
            byte[] slot = q.claim();
            slot[0] = (byte) i;
            q.commit("t", 100 + i, 80);
        }
        assertThat(q.claim()).isNull();
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.headData()[0]).isEqualTo((byte) 0);
        assertThat(q.headLength()).isEqualTo(100);
        q.pop();
        assertThat(q.headLength()).isEqualTo(101);
        assertThat(q.claim()).isNotNull(); // room again after a pop
    }

    @Test
    void slotsAreReusedAcrossWrapAround() {
        SubscriberQueue q = new SubscriberQueue(3);
        byte[] first = q.claim();
        q.commit("t", 1, 1);
        q.pop();
        for (int i = 0; i < 2; i++) { // slots 1 and 2, then the head is back at slot 0
            q.claim();
            q.commit("t", 1, 1);
            q.pop();
        }
        assertThat(q.claim()).isSameAs(first);
        assertThat(q.enqueued()).isEqualTo(3);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void anEmptiedQueueRestartsAtItsFirstSlotSoOnePacketAtATimeUsesOneBuffer() {
        SubscriberQueue q = new SubscriberQueue(4);
        byte[] first = q.claim();
        for (int i = 0; i < 10; i++) {
            assertThat(q.claim()).isSameAs(first);
            q.commit("t", 1, 1);
            q.pop();
        }
        q.claim();
        q.commit("a", 1, 1);
        byte[] second = q.claim();
        assertThat(second).isNotSameAs(first);
        q.commit("b", 2, 1);
        q.pop();
        assertThat(q.headData()).isSameAs(second); // not yet empty: FIFO order kept
        assertThat(q.headOwner()).isEqualTo("b");
        q.pop();
        assertThat(q.claim()).isSameAs(first);
    }
}
