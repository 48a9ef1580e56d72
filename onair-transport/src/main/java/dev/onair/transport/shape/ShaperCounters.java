package dev.onair.transport.shape;

import dev.onair.protocol.DropCounts;
import java.util.concurrent.atomic.AtomicLong;

/** What shaping did in one direction of one transport. Written on the media loop, readable from any thread. */
public final class ShaperCounters {
    private final AtomicLong datagrams = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final DropCounts<ShapeDrop> drops = new DropCounts<>(ShapeDrop.class);

    void countDatagram() {
        datagrams.lazySet(datagrams.get() + 1);
    }

    void countDelayed() {
        delayed.lazySet(delayed.get() + 1);
    }

    void countDuplicate() {
        duplicates.lazySet(duplicates.get() + 1);
    }

    void countDrop(ShapeDrop reason) {
        drops.increment(reason);
    }

    /** Datagrams offered to the shaper (duplicates not included). */
    public long datagrams() {
        return datagrams.get();
    }

    /** Copies that went through the delay line (originals and duplicates). */
    public long delayed() {
        return delayed.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public DropCounts<ShapeDrop> drops() {
        return drops;
    }
}
