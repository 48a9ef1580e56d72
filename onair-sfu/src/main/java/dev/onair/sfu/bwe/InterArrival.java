package dev.onair.sfu.bwe;

/**
 * Groups received packets into send-time groups (packets sent within 5 ms of the group's first, plus packets that
 * arrive in a burst right behind it) and yields, when a group completes, the deltas between its last send and
 * arrival times and those of the group before (draft-ietf-rmcat-gcc-02 §5.2, libwebrtc InterArrivalDelta).
 * Packets sent before the current group's first are reordered and ignored; a backwards arrival or a gap over 3 s
 * resets the grouping. No allocation.
 */
final class InterArrival {
    static final int NONE = 0;
    static final int DELTA = 1;
    static final int RESET = 2;

    static final long GROUP_LENGTH_NANOS = 5_000_000L;
    static final long BURST_DELTA_NANOS = 5_000_000L;
    static final long MAX_BURST_NANOS = 100_000_000L;
    static final long MAX_GAP_NANOS = 3_000_000_000L;

    private boolean hasCurrent;
    private long currentFirstSend;
    private long currentLastSend;
    private long currentFirstArrival;
    private long currentLastArrival;
    private boolean hasPrevious;
    private long previousLastSend;
    private long previousLastArrival;

    private long sendDeltaNanos;
    private long arrivalDeltaNanos;
    private long groupArrivalNanos;
    private long resets;

    /** Adds one received packet; {@link #DELTA} when a group completed and the deltas are ready. */
    int add(long sendNanos, long arrivalNanos) {
        if (!hasCurrent) {
            startGroup(sendNanos, arrivalNanos);
            return NONE;
        }
        if (sendNanos < currentFirstSend) {
            return NONE;
        }
        if (belongsToCurrent(sendNanos, arrivalNanos)) {
            currentLastSend = Math.max(currentLastSend, sendNanos);
            currentLastArrival = Math.max(currentLastArrival, arrivalNanos);
            return NONE;
        }
        int result = NONE;
        if (hasPrevious) {
            long sendDelta = currentLastSend - previousLastSend;
            long arrivalDelta = currentLastArrival - previousLastArrival;
            if (arrivalDelta < 0 || sendDelta < 0 || arrivalDelta > MAX_GAP_NANOS || sendDelta > MAX_GAP_NANOS) {
                result = RESET;
                resets++;
            } else {
                sendDeltaNanos = sendDelta;
                arrivalDeltaNanos = arrivalDelta;
                groupArrivalNanos = currentLastArrival;
                result = DELTA;
            }
        }
        previousLastSend = currentLastSend;
        previousLastArrival = currentLastArrival;
        hasPrevious = true;
        startGroup(sendNanos, arrivalNanos);
        return result;
    }

    private boolean belongsToCurrent(long sendNanos, long arrivalNanos) {
        if (sendNanos - currentFirstSend <= GROUP_LENGTH_NANOS) {
            return true;
        }
        long arrivalDelta = arrivalNanos - currentLastArrival;
        long propagationDelta = arrivalDelta - (sendNanos - currentLastSend);
        return propagationDelta < 0 && arrivalDelta >= 0 && arrivalDelta <= BURST_DELTA_NANOS
                && arrivalNanos - currentFirstArrival < MAX_BURST_NANOS;
    }

    private void startGroup(long sendNanos, long arrivalNanos) {
        hasCurrent = true;
        currentFirstSend = sendNanos;
        currentLastSend = sendNanos;
        currentFirstArrival = arrivalNanos;
        currentLastArrival = arrivalNanos;
    }

    void reset() {
        hasCurrent = false;
        hasPrevious = false;
    }

    long sendDeltaNanos() {
        return sendDeltaNanos;
    }

    long arrivalDeltaNanos() {
        return arrivalDeltaNanos;
    }

    /** Arrival time (receiver clock) of the group that just completed. */
    long groupArrivalNanos() {
        return groupArrivalNanos;
    }

    long resets() {
        return resets;
    }
}
