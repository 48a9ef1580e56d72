package dev.onair.bench.chat;

import java.util.BitSet;

/**
 * One receiver's accounting of the benchmark's messages in its room: which were received (by the sender's index,
 * 0, 1, 2, … per room), how many more than once, and how many arrived with a room {@code seq} not above the last one
 * seen (reordered). Used by one thread at a time (the receiver's event loop; read after the run).
 */
public final class DeliveryLedger {
    private final BitSet seen = new BitSet();
    private long received;
    private long duplicates;
    private long reordered;
    private long lastSeq;

    /** A benchmark message: its room {@code seq} and its index in the room's sent order. */
    public void onMessage(long seq, int index) {
        received++;
        if (seq <= lastSeq) {
            reordered++;
        } else {
            lastSeq = seq;
        }
        if (seen.get(index)) {
            duplicates++;
        } else {
            seen.set(index);
        }
    }

    /** Distinct messages received. */
    public int distinct() {
        return seen.cardinality();
    }

    /** Messages of the first {@code sent} indices never received. */
    public long lost(int sent) {
        return sent - seen.get(0, sent).cardinality();
    }

    public long received() {
        return received;
    }

    public long duplicates() {
        return duplicates;
    }

    public long reordered() {
        return reordered;
    }
}
