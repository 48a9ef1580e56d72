package dev.onair.sfu.bwe;

/**
 * Measures what a probe cluster got through (libwebrtc ProbeBitrateEstimator): from the cluster's packets in the
 * feedback, the send rate (bytes without the last packet over first-to-last send time) and the receive rate (bytes
 * without the first received packet over first-to-last arrival). Valid with at least 80 % of the cluster's minimum
 * packets received, both intervals at most 1 s, and the receive rate at most twice the send rate; the result is
 * min(send, receive), or 0.95 × receive when the receive rate fell below 0.9 × send (the link was saturated). An
 * interval of 0 (a train sent in one burst, or arriving within one 250 µs feedback tick) counts as an unbounded
 * rate; when both are unbounded the cluster's target is the result.
 * Sequence numbers map to clusters through a preallocated ring of 1024; 4 clusters are tracked at a time.
 */
final class ProbeResultEstimator {
    static final int SEQ_CAPACITY = 1024;
    static final int CLUSTERS = 4;
    static final double MIN_RECEIVED_FRACTION = 0.8;
    static final long MAX_INTERVAL_NANOS = 1_000_000_000L;
    static final double MAX_RECEIVE_TO_SEND = 2.0;
    static final double MIN_RATIO_UNSATURATED = 0.9;
    static final double TARGET_UTILIZATION = 0.95;

    private final long[] seqs = new long[SEQ_CAPACITY];
    private final int[] seqClusters = new int[SEQ_CAPACITY];

    private final int[] ids = new int[CLUSTERS];
    private final int[] minPackets = new int[CLUSTERS];
    /** The cluster's target rate (0 when it was not registered, only seen through its packets). */
    private final long[] targetBps = new long[CLUSTERS];
    private final boolean[] touched = new boolean[CLUSTERS];
    private final long[] firstSend = new long[CLUSTERS];
    private final long[] lastSend = new long[CLUSTERS];
    private final long[] lastSendSize = new long[CLUSTERS];
    private final long[] sentBytes = new long[CLUSTERS];
    private final int[] sentPackets = new int[CLUSTERS];
    private final long[] firstArrival = new long[CLUSTERS];
    private final long[] lastArrival = new long[CLUSTERS];
    private final long[] firstArrivalSize = new long[CLUSTERS];
    private final long[] receivedBytes = new long[CLUSTERS];
    private final int[] receivedPackets = new int[CLUSTERS];
    private int nextSlot;

    private int resultClusterId = -1;
    private long resultBps;

    ProbeResultEstimator() {
        java.util.Arrays.fill(seqs, -1);
        java.util.Arrays.fill(ids, -1);
    }

    /** Starts tracking a cluster handed to the sender (evicting the oldest tracked one). */
    void register(ProbeCluster cluster) {
        targetBps[slotFor(cluster.id(), cluster.minPackets())] = cluster.targetBps();
    }

    void onProbeSent(long transportSeq, int clusterId) {
        if (clusterId < 0) {
            return;
        }
        int slot = (int) (transportSeq & (SEQ_CAPACITY - 1));
        seqs[slot] = transportSeq;
        seqClusters[slot] = clusterId;
        if (findSlot(clusterId) < 0) {
            slotFor(clusterId, ProbeController.PROBE_MIN_PACKETS);
        }
    }

    /** One packet of a feedback; ignored unless it was a probe packet. */
    void onPacket(long seq, long sendNanos, int sizeBytes, boolean received, long arrivalNanos) {
        int seqSlot = (int) (seq & (SEQ_CAPACITY - 1));
        if (seqs[seqSlot] != seq) {
            return;
        }
        int c = findSlot(seqClusters[seqSlot]);
        if (c < 0) {
            return;
        }
        long size = Math.max(0, sizeBytes);
        touched[c] = true;
        if (sentPackets[c] == 0 || sendNanos < firstSend[c]) {
            firstSend[c] = sendNanos;
        }
        if (sentPackets[c] == 0 || sendNanos >= lastSend[c]) {
            lastSend[c] = sendNanos;
            lastSendSize[c] = size;
        }
        sentPackets[c]++;
        sentBytes[c] += size;
        if (!received || arrivalNanos < 0) {
            return;
        }
        if (receivedPackets[c] == 0 || arrivalNanos < firstArrival[c]) {
            firstArrival[c] = arrivalNanos;
            firstArrivalSize[c] = size;
        }
        if (receivedPackets[c] == 0 || arrivalNanos > lastArrival[c]) {
            lastArrival[c] = arrivalNanos;
        }
        receivedPackets[c]++;
        receivedBytes[c] += size;
    }

    /**
     * After a feedback: the best valid measurement among clusters it touched, kept as {@link #resultBps()} and
     * {@link #resultClusterId()}; false when none.
     */
    boolean evaluate() {
        resultClusterId = -1;
        resultBps = 0;
        for (int c = 0; c < CLUSTERS; c++) {
            if (!touched[c]) {
                continue;
            }
            touched[c] = false;
            long bps = measure(c);
            if (bps > resultBps) {
                resultBps = bps;
                resultClusterId = ids[c];
            }
        }
        return resultClusterId >= 0;
    }

    private long measure(int c) {
        if (receivedPackets[c] < MIN_RECEIVED_FRACTION * minPackets[c] || receivedPackets[c] < 2) {
            return 0;
        }
        long sendInterval = lastSend[c] - firstSend[c];
        long receiveInterval = lastArrival[c] - firstArrival[c];
        if (sendInterval < 0 || sendInterval > MAX_INTERVAL_NANOS
                || receiveInterval < 0 || receiveInterval > MAX_INTERVAL_NANOS) {
            return 0;
        }
        // A cluster the pacer let out in one burst (send interval 0) measures the link by the train's dispersion
        // alone; a train that also arrived within one feedback tick (250 µs) crossed a link faster than the feedback
        // can resolve, which proves the cluster's target and no more.
        double sendBps = sendInterval == 0 ? Double.POSITIVE_INFINITY
                : (sentBytes[c] - lastSendSize[c]) * 8.0 * 1e9 / sendInterval;
        double receiveBps = receiveInterval == 0 ? Double.POSITIVE_INFINITY
                : (receivedBytes[c] - firstArrivalSize[c]) * 8.0 * 1e9 / receiveInterval;
        if (receiveBps > MAX_RECEIVE_TO_SEND * sendBps || !(sendBps > 0) || !(receiveBps > 0)) {
            return 0;
        }
        double result = Math.min(sendBps, receiveBps);
        if (receiveBps < MIN_RATIO_UNSATURATED * sendBps) {
            result = TARGET_UTILIZATION * receiveBps;
        }
        if (Double.isInfinite(result)) {
            return targetBps[c];
        }
        return (long) result;
    }

    private int findSlot(int clusterId) {
        for (int c = 0; c < CLUSTERS; c++) {
            if (ids[c] == clusterId) {
                return c;
            }
        }
        return -1;
    }

    private int slotFor(int clusterId, int min) {
        int c = findSlot(clusterId);
        if (c >= 0) {
            return c;
        }
        c = nextSlot;
        nextSlot = (nextSlot + 1) % CLUSTERS;
        ids[c] = clusterId;
        minPackets[c] = Math.max(1, min);
        targetBps[c] = 0;
        touched[c] = false;
        sentPackets[c] = 0;
        sentBytes[c] = 0;
        receivedPackets[c] = 0;
        receivedBytes[c] = 0;
        return c;
    }

    int resultClusterId() {
        return resultClusterId;
    }

    long resultBps() {
        return resultBps;
    }
}
