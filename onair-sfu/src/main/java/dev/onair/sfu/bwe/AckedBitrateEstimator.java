package dev.onair.sfu.bwe;

/**
 * What actually arrives: received bytes over the last 250 ms of receiver time (short, so that it follows
 * a probe's jump before the next overuse decision) (arrival clock), kept per packet in
 * a preallocated ring (4096 packets; above that the window shortens). 0 until 100 ms of arrivals are seen. An
 * arrival before the newest counts as the newest (reordering); a jump of more than 2 s forward or any backwards
 * jump of the clock starts over. No allocation.
 */
final class AckedBitrateEstimator {
    static final long WINDOW_NANOS = 250_000_000L;
    static final long MIN_WINDOW_NANOS = 100_000_000L;
    static final long MAX_GAP_NANOS = 2_000_000_000L;
    static final long MAX_BACKWARDS_NANOS = 1_000_000_000L;
    static final int CAPACITY = 4096;
    /** Junk sizes or times cannot make it claim more than this. */
    static final long MAX_BITRATE_BPS = 100_000_000_000L;

    private final long[] arrivals = new long[CAPACITY];
    private final int[] sizes = new int[CAPACITY];
    private int head;
    private int size;
    private long bytesInWindow;
    private boolean started;
    private long firstArrivalNanos;
    private long newestArrivalNanos;
    private long bitrateBps;

    void onPacket(long arrivalNanos, int sizeBytes) {
        if (started && (arrivalNanos - newestArrivalNanos > MAX_GAP_NANOS
                || newestArrivalNanos - arrivalNanos > MAX_BACKWARDS_NANOS)) {
            clear();
        }
        if (!started) {
            started = true;
            firstArrivalNanos = arrivalNanos;
            newestArrivalNanos = arrivalNanos;
        }
        long arrival = Math.max(arrivalNanos, newestArrivalNanos);
        newestArrivalNanos = arrival;
        if (size == CAPACITY) {
            evictOldest();
        }
        int slot = (head + size) % CAPACITY;
        arrivals[slot] = arrival;
        sizes[slot] = Math.max(0, sizeBytes);
        size++;
        bytesInWindow += Math.max(0, sizeBytes);
        long windowStart = arrival - WINDOW_NANOS;
        while (size > 0 && arrivals[head] <= windowStart) {
            evictOldest();
        }
    }

    private void evictOldest() {
        bytesInWindow -= sizes[head];
        head = (head + 1) % CAPACITY;
        size--;
    }

    /** Recomputes the rate after a feedback's packets were added; returns it. */
    long update() {
        if (!started || size == 0) {
            return bitrateBps;
        }
        long spanNanos = Math.min(WINDOW_NANOS, newestArrivalNanos - firstArrivalNanos);
        if (size == CAPACITY) {
            spanNanos = Math.min(spanNanos, newestArrivalNanos - arrivals[head]);
        }
        if (spanNanos < MIN_WINDOW_NANOS) {
            return bitrateBps;
        }
        bitrateBps = (long) Math.min(MAX_BITRATE_BPS, bytesInWindow * 8.0 * 1e9 / spanNanos);
        return bitrateBps;
    }

    long bitrateBps() {
        return bitrateBps;
    }

    private void clear() {
        head = 0;
        size = 0;
        bytesInWindow = 0;
        started = false;
    }
}
