package dev.onair.sfu.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.queue.SubscriberQueue.Lane;
import org.junit.jupiter.api.Test;

class SubscriberQueueTest {
    @Test
    void fullQueueDropsNewPacketsAndCountsThem() {
        SubscriberQueue q = new SubscriberQueue(2);
        for (int i = 0; i < 2; i++) {
            byte[] slot = q.claim(Lane.PACED);
            slot[0] = (byte) i;
            q.commit("t", 100 + i, 80, 0);
        }
        assertThat(q.claim(Lane.PACED)).isNull();
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.headData()[0]).isEqualTo((byte) 0);
        assertThat(q.headLength()).isEqualTo(100);
        q.pop();
        assertThat(q.headLength()).isEqualTo(101);
        assertThat(q.claim(Lane.PACED)).isNotNull(); // room again after a pop
    }

    @Test
    void slotsAreReusedAcrossWrapAround() {
        SubscriberQueue q = new SubscriberQueue(3);
        byte[] first = q.claim(Lane.PACED);
        q.commit("t", 1, 1, 0);
        q.pop();
        for (int i = 0; i < 2; i++) { // slots 1 and 2, then the head is back at slot 0
            q.claim(Lane.PACED);
            q.commit("t", 1, 1, 0);
            q.pop();
        }
        assertThat(q.claim(Lane.PACED)).isSameAs(first);
        assertThat(q.enqueued()).isEqualTo(3);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void anEmptiedQueueRestartsAtItsFirstSlotSoOnePacketAtATimeUsesOneBuffer() {
        SubscriberQueue q = new SubscriberQueue(4);
        byte[] first = q.claim(Lane.PACED);
        for (int i = 0; i < 10; i++) {
            assertThat(q.claim(Lane.PACED)).isSameAs(first);
            q.commit("t", 1, 1, 0);
            q.pop();
        }
        q.claim(Lane.PACED);
        q.commit("a", 1, 1, 0);
        byte[] second = q.claim(Lane.PACED);
        assertThat(second).isNotSameAs(first);
        q.commit("b", 2, 1, 0);
        q.pop();
        assertThat(q.headData()).isSameAs(second); // not yet empty: FIFO order kept
        assertThat(q.headOwner()).isEqualTo("b");
        q.pop();
        assertThat(q.claim(Lane.PACED)).isSameAs(first);
    }

    @Test
    void thePriorityLaneIsTakenFirstAndEachLaneKeepsItsOwnBoundAndOrder() {
        SubscriberQueue q = new SubscriberQueue(2);
        q.claim(Lane.PACED);
        q.commit("video1", 1000, 900, 10);
        q.claim(Lane.PACED);
        q.commit("video2", 1000, 900, 20);
        assertThat(q.claim(Lane.PACED)).isNull(); // the video lane is full...
        assertThat(q.claim(Lane.PRIORITY)).isNotNull(); // ...audio still has room
        q.commit("audio", 100, 80, 30);
        assertThat(q.size()).isEqualTo(3);
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.headOwner()).isEqualTo("audio");
        assertThat(q.nextLane().headEnqueuedNanos()).isEqualTo(30);
        q.pop();
        assertThat(q.headOwner()).isEqualTo("video1");
        assertThat(q.pacedLane().headEnqueuedNanos()).isEqualTo(10);
        assertThat(q.pacedLane().headProbeClusterId()).isEqualTo(SubscriberQueue.NO_PROBE);
        q.pop();
        assertThat(q.headOwner()).isEqualTo("video2");
    }

    @Test
    void resendsComeAfterAudioAndBeforeVideoInTheirOwnBoundedLane() {
        SubscriberQueue q = new SubscriberQueue(1);
        q.claim(Lane.PACED);
        q.commit("video", 1000, 900, 10);
        q.claim(Lane.RETRANSMISSION);
        q.commit("rtx", 1000, 902, 20);
        assertThat(q.claim(Lane.RETRANSMISSION)).isNull(); // its own bound...
        q.claim(Lane.PRIORITY);
        q.commit("audio", 100, 80, 30);
        assertThat(q.size()).isEqualTo(3);
        assertThat(q.enqueued()).isEqualTo(3);
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.headOwner()).isEqualTo("audio");
        q.pop();
        assertThat(q.nextLane()).isSameAs(q.retransmissionLane());
        assertThat(q.headOwner()).isEqualTo("rtx");
        q.pop();
        assertThat(q.headOwner()).isEqualTo("video");
        q.claim(Lane.RETRANSMISSION);
        q.commit("rtx2", 1000, 902, 40);
        q.clear();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.retransmissionLane().isEmpty()).isTrue();
    }

    @Test
    void aProbeSlotKeepsItsClusterId() {
        SubscriberQueue q = new SubscriberQueue(4);
        q.claim(Lane.PACED);
        q.commitProbe(null, 275, 0, 5, 7);
        q.claim(Lane.PACED);
        q.commit("video", 1000, 900, 6);
        assertThat(q.pacedLane().headProbeClusterId()).isEqualTo(7);
        assertThat(q.pacedLane().headOwner()).isNull();
        q.pop();
        assertThat(q.pacedLane().headProbeClusterId()).isEqualTo(SubscriberQueue.NO_PROBE);
        q.clear();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.enqueued()).isEqualTo(2);
    }
}
