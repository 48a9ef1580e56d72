package dev.onair.lab.impair.model;

import dev.onair.lab.impair.MahimahiTrace;
import dev.onair.lab.impair.QueueLimit;
import java.util.Objects;

/**
 * A single-server FIFO bottleneck with a drop-tail queue, like a router's egress or a mobile base station's
 * buffer: served at a constant {@code rateBps}, or by the delivery opportunities of a {@link MahimahiTrace}, or
 * unlimited. A datagram that does not fit in the queue ({@code backlog + size > capacity}) is dropped; otherwise
 * it leaves when the link has served every byte ahead of it and its own. Under overload the queueing delay grows
 * to {@code capacity / rate}, then the queue drops the excess, so the delivered rate is the link's rate.
 *
 * <p>State is two longs, so nothing is allocated per datagram. The rate, the trace and the queue size can change
 * at any time: the bytes still queued are carried over and served at the new rate (times already handed out are
 * not revised). A new trace starts from its beginning at the time it is configured.
 */
public final class Bottleneck {
    /** Returned by {@link #enqueue} when the queue is full. */
    public static final long DROPPED = Long.MIN_VALUE;

    private static final double NANOS_PER_SECOND = 1e9;

    private long rateBps;
    private MahimahiTrace trace;
    private long capacityBytes = Long.MAX_VALUE;
    /** Rate and unlimited modes: when the last queued byte has left. */
    private long freeAtNanos = Long.MIN_VALUE;
    /** Trace mode: when the trace started, and the opportunity byte just after the last queued byte. */
    private long traceEpochNanos;
    private long tailCreditBytes;

    /**
     * Sets the service; {@code trace} (if not null) wins over {@code newRateBps}; 0 and no trace = unlimited.
     * Reconfiguring with the same trace instance keeps its position.
     */
    public void configure(long nowNanos, long newRateBps, MahimahiTrace newTrace, QueueLimit limit) {
        Objects.requireNonNull(limit, "limit");
        long backlog = backlogBytes(nowNanos);
        long drainedAtNanos = lastDepartureNanos();
        if (newTrace != null) {
            if (newTrace != trace) {
                trace = newTrace;
                traceEpochNanos = nowNanos;
                tailCreditBytes = backlog;
            }
            rateBps = 0;
            capacityBytes = limit.capacityBytes(newTrace.meanRateBps());
        } else if (newRateBps > 0) {
            trace = null;
            rateBps = newRateBps;
            freeAtNanos = nowNanos + transmissionNanos(backlog);
            capacityBytes = limit.capacityBytes(newRateBps);
        } else {
            trace = null;
            rateBps = 0;
            freeAtNanos = drainedAtNanos;
            capacityBytes = Long.MAX_VALUE;
        }
    }

    /** The drop-tail capacity in bytes now (Long.MAX_VALUE when unlimited). */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** Bytes queued and not yet served at {@code nowNanos}. */
    public long backlogBytes(long nowNanos) {
        if (trace != null) {
            long firstCredit = creditAt(nowNanos);
            return Math.max(0, tailCreditBytes - firstCredit);
        }
        if (rateBps > 0 && freeAtNanos > nowNanos) {
            return (long) ((double) (freeAtNanos - nowNanos) * rateBps / 8 / NANOS_PER_SECOND);
        }
        return 0;
    }

    /**
     * Queues a datagram of {@code sizeBytes} arriving at {@code nowNanos}: the time its last byte leaves the link
     * (≥ now), or {@link #DROPPED} when the queue cannot take it.
     */
    public long enqueue(long nowNanos, int sizeBytes) {
        if (trace != null) {
            long firstCredit = creditAt(nowNanos);
            long start = Math.max(tailCreditBytes, firstCredit);
            if (start - firstCredit + sizeBytes > capacityBytes) {
                return DROPPED;
            }
            tailCreditBytes = start + sizeBytes;
            return Math.max(nowNanos, lastDepartureNanos());
        }
        if (rateBps > 0) {
            if (backlogBytes(nowNanos) + sizeBytes > capacityBytes) {
                return DROPPED;
            }
            freeAtNanos = Math.max(nowNanos, freeAtNanos) + transmissionNanos(sizeBytes);
            return freeAtNanos;
        }
        return Math.max(nowNanos, freeAtNanos);
    }

    private long lastDepartureNanos() {
        if (trace != null) {
            if (tailCreditBytes == 0) {
                return traceEpochNanos;
            }
            long opportunity = (tailCreditBytes - 1) / MahimahiTrace.BYTES_PER_OPPORTUNITY;
            return traceEpochNanos + trace.opportunityTimeNanos(opportunity);
        }
        return freeAtNanos;
    }

    /** The first opportunity byte a datagram arriving at {@code nowNanos} can use. */
    private long creditAt(long nowNanos) {
        long offset = Math.max(0, nowNanos - traceEpochNanos);
        return trace.firstOpportunityAtOrAfter(offset) * MahimahiTrace.BYTES_PER_OPPORTUNITY;
    }

    private long transmissionNanos(long bytes) {
        // ceil(bytes * 8e9 / rate) in long arithmetic; bytes * 8e9 fits for any queue below ~1 TB
        return (bytes * 8_000_000_000L + rateBps - 1) / rateBps;
    }
}
