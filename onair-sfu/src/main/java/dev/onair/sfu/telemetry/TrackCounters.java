package dev.onair.sfu.telemetry;

/**
 * The cumulative counters and current gauges of one track, read once a second from the track (one reused
 * instance per session). Counters only grow while the track lives; a counter that goes back (a new SSRC
 * restarts the receive statistics) makes that interval's derived value unknown, never negative.
 */
public final class TrackCounters {
    /** RTP packets and bytes (headers included) received from the publisher or sent to the subscriber. */
    public long packets;
    public long bytes;
    /** {@code in}: packets expected from the sequence numbers and received (RFC 3550 A.3); -1 = not known. */
    public long expected;
    public long received;
    /** {@code out}: the subscriber's last RR fraction lost in percent; NaN = no RR yet. */
    public double reportedLossPercent;
    /** {@code out}: the subscriber's last RR cumulative packets lost and extended highest seq; -1 = no RR yet. */
    public long reportedPacketsLost;
    public long reportedHighestSequence;
    /** Interarrival jitter in ms; NaN = not known. */
    public double jitterMillis;
    /** Round-trip time in ms; NaN = not known. */
    public double rttMillis;
    public long nackReceived;
    public long nackSent;
    /** {@code out}: packets resent for the subscriber's NACKs, and NACKed packets we could not resend. */
    public long retransmitted;
    public long retransmissionMissed;
    /** {@code in} video: packets restored from the publisher's RTX and delivered. */
    public long rtxRecovered;
    /** {@code in} video: RTX packets dropped (duplicates, padding-only probes, unusable). */
    public long rtxDiscarded;
    /**
     * {@code in} video: missing packets given up after the NACK deadline (or list overflow); -1 = this track does not
     * NACK, so loss after retransmission is the plain loss.
     */
    public long unrecoverable;
    public long pliReceived;
    public long pliSent;
    public long firReceived;
    public long firSent;
    /** Time between the last two keyframe starts in ns; -1 = not known (audio, or fewer than two keyframes). */
    public long keyframeIntervalNanos;
    /** Frames ended (marker bit) so far; -1 = frames are not counted for this track (audio). */
    public long frames;
    /** Packets dropped because the subscriber's queue was full. */
    public long queueDrops;
    /** {@code out} video: the publisher's frame rate arriving here; NaN = not known. */
    public double sourceFramesPerSecond;
    /** {@code out} video: the publisher's encoded size from its browser's stats; -1 = not known. */
    public long sourceFrameWidth;
    public long sourceFrameHeight;
    /** {@code in} audio: RED packets (RFC 2198) received from the publisher; -1 = not counted for this track. */
    public long redReceived;
    /** {@code out} audio: RED packets sent as RED, and sent stripped to their primary opus block; -1 = not counted. */
    public long redForwarded;
    public long redStripped;
    /**
     * {@code in} video, summed over its simulcast layers: keyframes asked for (by subscribers or the SFU, sent or
     * suppressed by the throttle), requests sent to the publisher, of them retries of an unanswered one, and keyframes
     * received; -1 = not counted for this track.
     */
    public long keyframesRequested;
    public long keyframeRequestsSent;
    public long keyframeRetries;
    public long keyframesReceived;

    public TrackCounters() {
        clear();
    }

    /** Back to "nothing known". */
    public TrackCounters clear() {
        packets = 0;
        bytes = 0;
        expected = -1;
        received = 0;
        reportedLossPercent = Double.NaN;
        reportedPacketsLost = -1;
        reportedHighestSequence = -1;
        jitterMillis = Double.NaN;
        rttMillis = Double.NaN;
        nackReceived = 0;
        nackSent = 0;
        retransmitted = 0;
        retransmissionMissed = 0;
        rtxRecovered = 0;
        rtxDiscarded = 0;
        unrecoverable = -1;
        pliReceived = 0;
        pliSent = 0;
        firReceived = 0;
        firSent = 0;
        keyframeIntervalNanos = -1;
        frames = -1;
        queueDrops = 0;
        sourceFramesPerSecond = Double.NaN;
        sourceFrameWidth = -1;
        sourceFrameHeight = -1;
        redReceived = -1;
        redForwarded = -1;
        redStripped = -1;
        keyframesRequested = -1;
        keyframeRequestsSent = -1;
        keyframeRetries = -1;
        keyframesReceived = -1;
        return this;
    }
}
