package dev.onair.sfu.bwe;

import dev.onair.sfu.twcc.PacketResult;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Drives a {@link SendSideEstimator} over a {@link SimulatedLink} in 1 ms steps of simulated time: a video source
 * sends 30 frames a second of min(estimate, offered) bit/s in packets of at most 1200 bytes, paced at 2.5 × that
 * rate; when probing is on it sends the estimator's probe clusters as 1200-byte padding packets at the cluster's
 * rate. Feedback goes to the estimator as it arrives; the RTT once a second.
 */
final class VideoSenderSimulation extends MillisecondSimulation {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;
    static final int MAX_PACKET_BYTES = 1200;
    static final double DEFAULT_PACING_FACTOR = 2.5;
    static final long FRAME_INTERVAL_NANOS = SECOND / 30;

    private record Scheduled(long atNanos, int sizeBytes, int clusterId) {
    }

    final SimulatedLink link;
    final SendSideEstimator estimator;
    private final ArrayDeque<Scheduled> media = new ArrayDeque<>();
    private final ArrayDeque<Scheduled> probes = new ArrayDeque<>();
    private long offeredBps;
    private long wantedBps = -1;
    private boolean probing;
    private long nextFrameNanos;
    private long nextRttNanos;
    private long seq;
    private long sentBytes;
    private boolean overuseSeen;
    private double pacingFactor = DEFAULT_PACING_FACTOR;
    private UnaryOperator<List<PacketResult>> feedbackPath = UnaryOperator.identity();

    VideoSenderSimulation(SimulatedLink link, BweConfig config, long offeredBps, boolean probing) {
        this.link = link;
        this.estimator = new SendSideEstimator(config, 0);
        this.offeredBps = offeredBps;
        this.probing = probing;
    }

    void setOfferedBps(long offeredBps) {
        this.offeredBps = offeredBps;
    }

    /** Probes aim at this instead of the offered rate (an SFU sending one layer while wanting a higher one). */
    void setWantedBps(long wantedBps) {
        this.wantedBps = wantedBps;
    }

    void setPacingFactor(double pacingFactor) {
        this.pacingFactor = pacingFactor;
    }

    /** What happens to each feedback between the link and the estimator (e.g. a real TWCC round trip). */
    void setFeedbackPath(UnaryOperator<List<PacketResult>> feedbackPath) {
        this.feedbackPath = feedbackPath;
    }

    void setProbing(boolean probing) {
        this.probing = probing;
    }

    long nowNanos() {
        return nowNanos;
    }

    @Override
    void step() {
        if (nowNanos >= nextRttNanos) {
            estimator.onRtt(link.rttMillis(), nowNanos);
            nextRttNanos += SECOND;
        }
        if (nowNanos >= nextFrameNanos) {
            scheduleFrame();
            nextFrameNanos += FRAME_INTERVAL_NANOS;
        }
        if (probing) {
            ProbeCluster cluster = estimator.nextProbe(nowNanos, wantedBps >= 0 ? wantedBps : offeredBps);
            if (cluster != null) {
                scheduleProbe(cluster);
            }
        }
        sendDue();
        List<PacketResult> feedback = link.pollFeedback(nowNanos);
        if (feedback != null) {
            estimator.onFeedback(feedbackPath.apply(feedback), nowNanos);
            overuseSeen |= estimator.delaySignal() == DelaySignal.OVERUSING;
        }
    }

    private void scheduleFrame() {
        long rate = Math.min(estimator.estimateBps(), offeredBps);
        int frameBytes = (int) (rate / 8 / 30);
        int packets = Math.max(1, (frameBytes + MAX_PACKET_BYTES - 1) / MAX_PACKET_BYTES);
        int packetBytes = Math.max(100, frameBytes / packets);
        long spacing = (long) (packetBytes * 8.0 * SECOND / (pacingFactor * rate));
        long at = Math.max(nowNanos, media.isEmpty() ? nowNanos : media.peekLast().atNanos());
        for (int i = 0; i < packets; i++) {
            media.add(new Scheduled(at + i * spacing, packetBytes, -1));
        }
    }

    private void scheduleProbe(ProbeCluster cluster) {
        long bytes = cluster.targetBps() * cluster.durationNanos() / 8 / SECOND;
        int packets = (int) Math.max(cluster.minPackets(), (bytes + MAX_PACKET_BYTES - 1) / MAX_PACKET_BYTES);
        long spacing = MAX_PACKET_BYTES * 8L * SECOND / cluster.targetBps();
        for (int i = 0; i < packets; i++) {
            probes.add(new Scheduled(nowNanos + i * spacing, MAX_PACKET_BYTES, cluster.id()));
        }
    }

    private void sendDue() {
        while (true) {
            Scheduled m = media.peek();
            Scheduled p = probes.peek();
            Scheduled next;
            if (m != null && m.atNanos() <= nowNanos && (p == null || m.atNanos() <= p.atNanos())) {
                next = media.poll();
            } else if (p != null && p.atNanos() <= nowNanos) {
                next = probes.poll();
            } else {
                return;
            }
            seq++;
            if (next.clusterId() >= 0) {
                estimator.onProbeSent(seq, next.clusterId());
            }
            link.send(seq, next.atNanos(), next.sizeBytes());
            sentBytes += next.sizeBytes();
        }
    }

    boolean overuseSeen() {
        return overuseSeen;
    }

    void clearOveruseSeen() {
        overuseSeen = false;
    }

    long sentBytes() {
        return sentBytes;
    }

    @Override
    long estimateBps() {
        return estimator.estimateBps();
    }
}
