package dev.onair.sfu.telemetry;

import dev.onair.sfu.api.SessionReport.TrackSample;

/**
 * Turns one track's cumulative {@link TrackCounters}, read once a second, into {@link TrackSample}s kept in a
 * bounded ring. The first reading is the baseline and gives no sample. Rates divide by the actual interval
 * between readings (the tick is about a second, not exactly). Media loop only.
 */
public final class TrackSampler {
    private static final double NANOS_PER_SECOND = 1e9;
    private final SampleRing<TrackSample> ring;
    private boolean primed;
    private long prevNanos;
    private long prevPackets;
    private long prevBytes;
    private long prevExpected;
    private long prevReceived;
    private long prevNackReceived;
    private long prevNackSent;
    private long prevPliReceived;
    private long prevPliSent;
    private long prevFirReceived;
    private long prevFirSent;
    private long prevFrames;
    private long prevQueueDrops;
    private long prevRetransmitted;
    private long prevRetransmissionMissed;
    private long prevRtxRecovered;
    private long prevRtxDiscarded;
    private long prevUnrecoverable = -1;
    private long prevRedReceived = -1;
    private long prevRedForwarded = -1;
    private long prevRedStripped = -1;
    private long prevKeyframesRequested = -1;
    private long prevKeyframeRequestsSent = -1;
    private long prevKeyframeRetries = -1;
    private long prevKeyframesReceived = -1;

    public TrackSampler(int capacity) {
        ring = new SampleRing<>(capacity);
    }

    public SampleRing<TrackSample> samples() {
        return ring;
    }

    /** Reads {@code c} at {@code nowNanos} (monotonic); returns the new sample, or null for the baseline. */
    public TrackSample sample(long nowNanos, long wallMillis, TrackCounters c) {
        long dtNanos = nowNanos - prevNanos;
        TrackSample s = null;
        if (primed && dtNanos > 0) {
            double seconds = dtNanos / NANOS_PER_SECOND;
            long dBytes = Math.max(0, c.bytes - prevBytes);
            long dPackets = Math.max(0, c.packets - prevPackets);
            Double loss = loss(c);
            Double lossAfter = c.unrecoverable < 0 ? loss : lossAfterRetransmission(c);
            Double fps = c.frames < 0 || prevFrames < 0 || c.frames < prevFrames ? null
                    : (c.frames - prevFrames) / seconds;
            s = new TrackSample(wallMillis, Math.round(dtNanos / 1e6), Math.round(dBytes * 8 / seconds),
                    dPackets / seconds, loss, lossAfter, known(c.jitterMillis), known(c.rttMillis),
                    delta(c.nackReceived, prevNackReceived), delta(c.nackSent, prevNackSent),
                    delta(c.pliReceived, prevPliReceived), delta(c.pliSent, prevPliSent),
                    delta(c.firReceived, prevFirReceived), delta(c.firSent, prevFirSent),
                    c.keyframeIntervalNanos > 0 ? c.keyframeIntervalNanos / 1e6 : null, fps,
                    delta(c.queueDrops, prevQueueDrops), known(c.sourceFramesPerSecond),
                    c.sourceFrameWidth > 0 ? c.sourceFrameWidth : null,
                    c.sourceFrameHeight > 0 ? c.sourceFrameHeight : null,
                    c.reportedHighestSequence < 0 ? null : c.reportedPacketsLost,
                    c.reportedHighestSequence < 0 ? null : c.reportedHighestSequence,
                    delta(c.retransmitted, prevRetransmitted), delta(c.retransmissionMissed, prevRetransmissionMissed),
                    delta(c.rtxRecovered, prevRtxRecovered), delta(c.rtxDiscarded, prevRtxDiscarded),
                    c.unrecoverable < 0 ? null : delta(c.unrecoverable, Math.max(0, prevUnrecoverable)),
                    counted(c.redReceived, prevRedReceived), counted(c.redForwarded, prevRedForwarded),
                    counted(c.redStripped, prevRedStripped), counted(c.keyframesRequested, prevKeyframesRequested),
                    counted(c.keyframeRequestsSent, prevKeyframeRequestsSent),
                    counted(c.keyframeRetries, prevKeyframeRetries),
                    counted(c.keyframesReceived, prevKeyframesReceived));
            ring.add(s);
        }
        primed = true;
        prevNanos = nowNanos;
        prevPackets = c.packets;
        prevBytes = c.bytes;
        prevExpected = c.expected;
        prevReceived = c.received;
        prevNackReceived = c.nackReceived;
        prevNackSent = c.nackSent;
        prevPliReceived = c.pliReceived;
        prevPliSent = c.pliSent;
        prevFirReceived = c.firReceived;
        prevFirSent = c.firSent;
        prevFrames = c.frames;
        prevQueueDrops = c.queueDrops;
        prevRetransmitted = c.retransmitted;
        prevRetransmissionMissed = c.retransmissionMissed;
        prevRtxRecovered = c.rtxRecovered;
        prevRtxDiscarded = c.rtxDiscarded;
        prevUnrecoverable = c.unrecoverable;
        prevRedReceived = c.redReceived;
        prevRedForwarded = c.redForwarded;
        prevRedStripped = c.redStripped;
        prevKeyframesRequested = c.keyframesRequested;
        prevKeyframeRequestsSent = c.keyframeRequestsSent;
        prevKeyframeRetries = c.keyframeRetries;
        prevKeyframesReceived = c.keyframesReceived;
        return s;
    }

    /** Interval loss from expected vs received; else the subscriber's reported loss; else null. */
    private Double loss(TrackCounters c) {
        if (c.expected >= 0) {
            if (prevExpected < 0 || c.expected < prevExpected || c.received < prevReceived) {
                return null;
            }
            long dExpected = c.expected - prevExpected;
            long dReceived = c.received - prevReceived;
            if (dExpected <= 0) {
                return null;
            }
            return Math.max(0, dExpected - dReceived) * 100.0 / dExpected;
        }
        return known(c.reportedLossPercent);
    }

    /**
     * A track that NACKs its publisher: the packets given up in the interval (still missing after the NACK
     * deadline, about a second after the loss) over the packets expected in it; null when that is unknown.
     */
    private Double lossAfterRetransmission(TrackCounters c) {
        if (prevExpected < 0 || c.expected < prevExpected || prevUnrecoverable < 0 || c.unrecoverable < prevUnrecoverable) {
            return null;
        }
        long dExpected = c.expected - prevExpected;
        if (dExpected <= 0) {
            return null;
        }
        return Math.min(100.0, (c.unrecoverable - prevUnrecoverable) * 100.0 / dExpected);
    }

    /** The interval's count of a counter this track may not keep (-1): null when it does not. */
    private static Long counted(long now, long before) {
        return now < 0 ? null : Math.max(0, now - Math.max(0, before));
    }

    private static long delta(long now, long before) {
        return Math.max(0, now - before);
    }

    private static Double known(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
