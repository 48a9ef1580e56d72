package dev.onair.sfu.pacer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.queue.SlotRing;
import dev.onair.sfu.queue.SubscriberQueue;
import dev.onair.sfu.queue.SubscriberQueue.Lane;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedDrainTest {
    private static final long MS = 1_000_000L;

    /** Records the owners of what it sent. */
    private static final class RecordingSink implements PacedDrain.Sink {
        final List<Object> sent = new ArrayList<>();
        final List<Long> sentAt = new ArrayList<>();
        boolean writable = true;
        long nextTransportSeq = 100;
        boolean refuse;

        @Override
        public boolean writable() {
            return writable;
        }

        @Override
        public long send(SlotRing lane, long nowNanos) {
            if (refuse) {
                return PacedDrain.NOT_SENT;
            }
            sent.add(lane.headOwner());
            sentAt.add(nowNanos);
            return nextTransportSeq++;
        }
    }

    private static void enqueue(SubscriberQueue q, Lane lane, Object owner, int len, long nowNanos) {
        assertThat(q.claim(lane)).isNotNull();
        q.commit(owner, len, len - 12, nowNanos);
    }

    private final SubscriberQueue queue = new SubscriberQueue(128);
    private final RecordingSink sink = new RecordingSink();
    private final PacedDrain drain = new PacedDrain(new PacerConfig(1_000_000, Pacer.DEFAULT_BURST_NANOS, 300));

    /** A track that can declare its queued packets superseded. */
    private static final class Owner implements dev.onair.sfu.queue.PacketOwner {
        long supersededBefore = Long.MIN_VALUE;

        @Override
        public long supersededBeforeNanos() {
            return supersededBefore;
        }
    }

    @Test
    void packetsQueuedBeforeTheirOwnersLayerSwitchAreDroppedUnsentAndOthersAreNot() {
        Owner video = new Owner();
        Owner other = new Owner();
        enqueue(queue, Lane.RETRANSMISSION, video, 1200, 0); // a resend of the old layer
        for (int i = 0; i < 5; i++) {
            enqueue(queue, Lane.PACED, video, 1200, i * MS); // old layer
            enqueue(queue, Lane.PACED, other, 1200, i * MS); // another subscribed track
        }
        video.supersededBefore = 5 * MS; // switched: the new layer's keyframe is queued from 5 ms on
        enqueue(queue, Lane.PACED, video, 1200, 5 * MS);
        enqueue(queue, Lane.PACED, video, 1200, 6 * MS);

        for (long t = 60 * MS; t < 250 * MS && !queue.isEmpty(); t += 5 * MS) { // waited > 50 ms, < the stale bound
            drain.drain(queue, 100, t, sink);
        }

        assertThat(sink.sent).containsExactly(other, other, other, other, other, video, video);
        assertThat(drain.supersededDrops()).isEqualTo(6);
        assertThat(drain.delays().staleDrops()).isZero();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aSupersededPacketThatWaitedOnlyBrieflyStillGoesOut() {
        Owner video = new Owner();
        enqueue(queue, Lane.PACED, video, 1200, 0); // the old layer's last packet
        video.supersededBefore = 1 * MS;
        enqueue(queue, Lane.PACED, video, 1200, 1 * MS); // the new layer's keyframe
        drain.drain(queue, 100, 10 * MS, sink); // 10 ms later: a gap at the switch would cost more than it saves

        assertThat(sink.sent).containsExactly(video, video);
        assertThat(drain.supersededDrops()).isZero();
    }

    @Test
    void audioOvertakesAQueuedVideoBurst() {
        for (int i = 0; i < 30; i++) {
            enqueue(queue, Lane.PACED, "video" + i, 1200, 0);
        }
        assertThat(drain.drain(queue, 64, 0, sink)).isTrue(); // the pacer holds most of the burst
        int videoSentFirst = sink.sent.size();
        assertThat(videoSentFirst).isLessThan(5);
        enqueue(queue, Lane.PRIORITY, "audio", 100, MS);
        assertThat(drain.drain(queue, 64, MS, sink)).isTrue();
        assertThat(sink.sent.get(videoSentFirst)).isEqualTo("audio"); // next out, ahead of 26+ queued video
        assertThat(queue.pacedLane().size()).isGreaterThan(20);
    }

    @Test
    void aResendOvertakesQueuedVideoButNotAudioAndIsStillPaced() {
        for (int i = 0; i < 30; i++) {
            enqueue(queue, Lane.PACED, "video" + i, 1200, 0);
        }
        assertThat(drain.drain(queue, 64, 0, sink)).isTrue();
        int sentFirst = sink.sent.size();
        enqueue(queue, Lane.RETRANSMISSION, "rtx1", 1200, MS);
        enqueue(queue, Lane.RETRANSMISSION, "rtx2", 1200, MS);
        enqueue(queue, Lane.PRIORITY, "audio", 100, MS);
        long now = MS;
        while (sink.sent.size() < sentFirst + 3) {
            drain.drain(queue, 64, now, sink);
            now += MS;
        }
        // Audio first, then both resends, ahead of the ~26 video packets that were queued before them.
        assertThat(sink.sent.subList(sentFirst, sentFirst + 3)).containsExactly("audio", "rtx1", "rtx2");
        assertThat(queue.pacedLane().size()).isGreaterThan(20);
        // Paced like video: 2 × 1,200 bytes at 1 Mbit/s take ~19 ms once the burst allowance is spent.
        assertThat(sink.sentAt.get(sentFirst + 2)).isGreaterThan(5 * MS);
        assertThat(drain.delays().staleDrops()).isZero();
    }

    @Test
    void aResendThatWaitedTooLongIsDroppedLikeVideo() {
        List<Object> reported = new ArrayList<>();
        drain.setStaleDropListener((owner, waited, now) -> reported.add(owner));
        enqueue(queue, Lane.RETRANSMISSION, "old-rtx", 1200, 0);
        enqueue(queue, Lane.PACED, "video", 1200, 200 * MS);
        assertThat(drain.drain(queue, 64, 301 * MS, sink)).isFalse();
        assertThat(sink.sent).containsExactly("video");
        assertThat(reported).containsExactly("old-rtx");
    }

    @Test
    void theBurstIsSpreadOverPaceTicksAndEverythingLeavesInOrder() {
        for (int i = 0; i < 30; i++) {
            enqueue(queue, Lane.PACED, i, 1200, 0);
        }
        long now = 0;
        while (drain.drain(queue, 64, now, sink)) {
            now += 5 * MS;
        }
        assertThat(sink.sent).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(sink.sent.get(i)).isEqualTo(i);
        }
        // 36 kB at 1 Mbit/s: about 0.28 s.
        assertThat(sink.sentAt.get(29)).isBetween(260 * MS, 300 * MS);
    }

    @Test
    void queueDelayIsMeasuredFromEnqueueToSend() {
        enqueue(queue, Lane.PRIORITY, "a", 100, 0);
        drain.drain(queue, 64, 10 * MS, sink); // waited 10 ms
        enqueue(queue, Lane.PRIORITY, "b", 100, 20 * MS);
        drain.drain(queue, 64, 50 * MS, sink); // waited 30 ms
        drain.delays().rollIfDue(1010 * MS);
        assertThat(drain.delays().maxMillis()).isEqualTo(30.0);
        assertThat(drain.delays().meanMillis()).isEqualTo(20.0);
        assertThat(drain.delays().packets()).isEqualTo(2);
    }

    @Test
    void videoThatWaitedTooLongIsDroppedCountedAndReported() {
        List<Object> reported = new ArrayList<>();
        drain.setStaleDropListener((owner, waited, now) -> reported.add(owner + "@" + waited / MS));
        enqueue(queue, Lane.PACED, "old", 1200, 0);
        enqueue(queue, Lane.PACED, "fresh", 1200, 250 * MS);
        enqueue(queue, Lane.PRIORITY, "audio", 100, 0);
        assertThat(drain.drain(queue, 64, 301 * MS, sink)).isFalse();
        assertThat(sink.sent).containsExactly("audio", "fresh"); // audio is never dropped for its delay
        assertThat(drain.delays().staleDrops()).isEqualTo(1);
        assertThat(reported).containsExactly("old@301");
    }

    @Test
    void aFullSocketOrAnExhaustedBudgetLeavesPacketsQueued() {
        Pacer fast = drain.pacer();
        fast.setPacingRateBps(100_000_000);
        enqueue(queue, Lane.PRIORITY, "a1", 100, 0);
        enqueue(queue, Lane.PRIORITY, "a2", 100, 0);
        sink.writable = false;
        assertThat(drain.drain(queue, 64, 0, sink)).isTrue();
        assertThat(sink.sent).isEmpty();
        sink.writable = true;
        assertThat(drain.drain(queue, 1, 0, sink)).isTrue();
        assertThat(sink.sent).containsExactly("a1");
        assertThat(drain.drain(queue, 1, 0, sink)).isFalse();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void probePacketsAreReportedWithTheirTransportSequenceAndCluster() {
        List<String> probes = new ArrayList<>();
        drain.setProbeSentListener((seq, cluster, bytes, now) -> probes.add(seq + "/" + cluster + "/" + bytes));
        enqueue(queue, Lane.PACED, "video", 1200, 0);
        byte[] slot = queue.claim(Lane.PACED);
        int len = PaddingWriter.write(slot, 0, 5, 97, 1, 0, 200, 3);
        queue.commitProbe(null, len, 0, 0, 9);
        sink.refuse = true;
        enqueue(queue, Lane.PRIORITY, "audio", 100, 0);
        drain.drain(queue, 1, 0, sink); // refused by the socket: not reported
        sink.refuse = false;
        assertThat(drain.drain(queue, 64, 0, sink)).isFalse();
        assertThat(sink.sent).containsExactly("video", null);
        assertThat(probes).containsExactly("101/9/" + len); // the video went out as 100
    }
}
