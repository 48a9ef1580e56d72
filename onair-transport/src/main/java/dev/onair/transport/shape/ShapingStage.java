package dev.onair.transport.shape;

import java.net.InetSocketAddress;

/**
 * One direction of one transport's shaping: asks the {@link DatagramShaper}, counts, and either hands the
 * datagram straight to the sink, drops it, or copies it (and its duplicate) into the {@link DelayLine}, which a
 * single {@link DelayTimer} drains at the earliest deadline.
 *
 * <p>Timer: at most one wake-up is armed at a time (a wake-up that finds a later one armed is ignored), and a
 * wake-up is never armed sooner than {@code minTimerSpacingNanos} after the previous one fired, so a busy delay
 * line costs at most one timer task per spacing interval, not one per datagram; a datagram may therefore leave
 * up to that spacing late. A datagram due now (no delay) never touches the delay line or the timer.
 *
 * <p>Media loop only; not thread-safe. Allocation: none per datagram (see {@link DelayLine}).
 */
public final class ShapingStage {
    /** A datagram whose original and duplicate are told apart by the sink (e.g. for tests); bit 30 of the tag. */
    public static final int DUPLICATE_FLAG = 1 << 30;

    private final DatagramShaper shaper;
    private final DelayLine line;
    private final DelayLine.Sink sink;
    private final DelayTimer timer;
    private final long minTimerSpacingNanos;
    private final ShaperCounters counters = new ShaperCounters();
    private long armedAtNanos = Long.MAX_VALUE;
    private long lastFiredNanos = Long.MIN_VALUE;
    private boolean closed;

    public ShapingStage(DatagramShaper shaper, DelayLine line, DelayLine.Sink sink, DelayTimer timer,
                        long minTimerSpacingNanos) {
        this.shaper = shaper;
        this.line = line;
        this.sink = sink;
        this.timer = timer;
        this.minTimerSpacingNanos = minTimerSpacingNanos;
    }

    public DatagramShaper shaper() {
        return shaper;
    }

    public ShaperCounters counters() {
        return counters;
    }

    public DelayLine delayLine() {
        return line;
    }

    /**
     * Shapes one datagram offered at {@code nowNanos}. The buffer may be handed to the sink (which may modify it in
     * place) before this returns; delayed copies are taken first.
     *
     * @return why the datagram itself (not its duplicate) was dropped, or null when it was delivered or delayed
     */
    public ShapeDrop offer(byte[] buf, int off, int len, InetSocketAddress address, int tag, long nowNanos) {
        if (closed) {
            counters.countDrop(ShapeDrop.TRANSPORT_CLOSED);
            return ShapeDrop.TRANSPORT_CLOSED;
        }
        counters.countDatagram(tag);
        ShapeDecision d = shaper.decide(nowNanos, len);
        if (d.dropped()) {
            ShapeDrop reason = d.dropReason();
            counters.countDrop(reason, tag);
            return reason;
        }
        if (d.duplicated()) {
            counters.countDuplicate();
            hold(buf, off, len, address, tag | DUPLICATE_FLAG, d.duplicateAtNanos(), nowNanos);
        }
        long at = d.deliverAtNanos();
        if (at > nowNanos) {
            return hold(buf, off, len, address, tag, at, nowNanos) ? null : ShapeDrop.DELAY_LINE_FULL;
        }
        if (line.nextDeadlineNanos() <= nowNanos) {
            line.drainDue(nowNanos, sink);
        }
        sink.deliver(buf, off, len, address, tag, nowNanos);
        return null;
    }

    private boolean hold(byte[] buf, int off, int len, InetSocketAddress address, int tag, long atNanos,
                         long nowNanos) {
        if (!line.offer(buf, off, len, address, tag, atNanos)) {
            counters.countDrop(ShapeDrop.DELAY_LINE_FULL, tag);
            return false;
        }
        counters.countDelayed();
        armFor(line.nextDeadlineNanos());
        return true;
    }

    /** The armed wake-up came due: deliver what is due, arm the next one. A stale wake-up does nothing. */
    public void onTimer(long nowNanos) {
        if (closed || nowNanos < armedAtNanos) {
            return;
        }
        armedAtNanos = Long.MAX_VALUE;
        lastFiredNanos = nowNanos;
        line.drainDue(nowNanos, sink);
        if (line.size() > 0) {
            armFor(line.nextDeadlineNanos());
        }
    }

    private void armFor(long deadlineNanos) {
        long at = lastFiredNanos == Long.MIN_VALUE ? deadlineNanos
                : Math.max(deadlineNanos, lastFiredNanos + minTimerSpacingNanos);
        if (at < armedAtNanos) {
            armedAtNanos = at;
            timer.armAt(at);
        }
    }

    /** Discards what is held (counted as {@link ShapeDrop#TRANSPORT_CLOSED}); later offers are dropped too. */
    public void close() {
        closed = true;
        int n = line.clear();
        for (int i = 0; i < n; i++) {
            counters.countDrop(ShapeDrop.TRANSPORT_CLOSED);
        }
    }

    /**
     * Delivers everything still held right away, in deadline order (the shaper was replaced or turned off: the
     * datagrams in flight still arrive). Returns how many were delivered.
     */
    public int flush() {
        return line.drainDue(Long.MAX_VALUE, sink);
    }

    public boolean closed() {
        return closed;
    }
}
