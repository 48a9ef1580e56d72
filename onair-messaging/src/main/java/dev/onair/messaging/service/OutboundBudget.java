package dev.onair.messaging.service;

import dev.onair.messaging.wire.OutboundFrame;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bookkeeping of a connection's outbound bound: reserve a frame's size when it is queued, release it when it is
 * written. Sizes are counted in bytes of the frame's UTF-8 payload. Thread-safe.
 */
public final class OutboundBudget {
    private final long maxPendingBytes;
    private final AtomicLong pending = new AtomicLong();

    public OutboundBudget(long maxPendingBytes) {
        if (maxPendingBytes < 1) {
            throw new IllegalArgumentException("maxPendingBytes must be positive: " + maxPendingBytes);
        }
        this.maxPendingBytes = maxPendingBytes;
    }

    public static long sizeOf(OutboundFrame frame) {
        return frame.byteLength();
    }

    /** Reserves {@code bytes}; false (nothing reserved) when the pending total would exceed the bound. */
    public boolean tryReserve(long bytes) {
        while (true) {
            long now = pending.get();
            if (now + bytes > maxPendingBytes) {
                return false;
            }
            if (pending.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** A reserved frame was written (or dropped). */
    public void release(long bytes) {
        pending.addAndGet(-bytes);
    }

    public long pendingBytes() {
        return pending.get();
    }

    public long maxPendingBytes() {
        return maxPendingBytes;
    }
}
