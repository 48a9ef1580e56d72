package dev.onair.transport.shape;

import dev.onair.protocol.DropCounts;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What shaping did in one direction of one transport. Written on the media loop, readable from any thread.
 *
 * <p>Besides the totals, datagrams offered and dropped are counted per tag for tags below {@link #COUNTED_TAGS}
 * (a transport tags each datagram with its packet kind), so RTP loss can be told apart from STUN, DTLS and RTCP.
 * Duplicates and datagrams discarded at close are in the totals only.
 */
public final class ShaperCounters {
    /** Tags {@code 0..COUNTED_TAGS-1} are counted on their own; other tags only in the totals. */
    public static final int COUNTED_TAGS = 8;
    private final AtomicLong datagrams = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final DropCounts<ShapeDrop> drops = new DropCounts<>(ShapeDrop.class);
    private final AtomicLongArray datagramsByTag = new AtomicLongArray(COUNTED_TAGS);
    private final AtomicLongArray droppedByTag = new AtomicLongArray(COUNTED_TAGS);

    void countDatagram(int tag) {
        datagrams.lazySet(datagrams.get() + 1);
        if (counted(tag)) {
            datagramsByTag.lazySet(tag, datagramsByTag.get(tag) + 1);
        }
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

    /** A drop of a datagram offered with {@code tag} (a duplicate's flagged tag counts in the totals only). */
    void countDrop(ShapeDrop reason, int tag) {
        drops.increment(reason);
        if (counted(tag)) {
            droppedByTag.lazySet(tag, droppedByTag.get(tag) + 1);
        }
    }

    private static boolean counted(int tag) {
        return tag >= 0 && tag < COUNTED_TAGS;
    }

    /** Datagrams offered with {@code tag} (0 for a tag not counted on its own). */
    public long datagrams(int tag) {
        return counted(tag) ? datagramsByTag.get(tag) : 0;
    }

    /** Datagrams offered with {@code tag} that shaping dropped, whatever the reason (0 for a tag not counted). */
    public long dropped(int tag) {
        return counted(tag) ? droppedByTag.get(tag) : 0;
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
