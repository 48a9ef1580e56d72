package dev.onair.transport.srtp;

/**
 * A bounded SSRC → state map: a fixed array scanned linearly (at most {@link SrtpSession#MAX_SSRCS_PER_DIRECTION}
 * entries, so a scan is a few cache lines) with the last hit checked first. Lookups allocate nothing; it never
 * grows past its capacity, so an attacker choosing SSRCs cannot exhaust memory. Single-threaded.
 */
final class SsrcTable<T> {
    private final int[] ssrcs;
    private final Object[] values;
    private int size;
    private int lastHit = -1;

    SsrcTable(int capacity) {
        this.ssrcs = new int[capacity];
        this.values = new Object[capacity];
    }

    /** The state for {@code ssrc}, or null if absent. */
    @SuppressWarnings("unchecked")
    T get(int ssrc) {
        int hit = lastHit;
        if (hit >= 0 && ssrcs[hit] == ssrc) {
            return (T) values[hit];
        }
        for (int i = 0; i < size; i++) {
            if (ssrcs[i] == ssrc) {
                lastHit = i;
                return (T) values[i];
            }
        }
        return null;
    }

    boolean isFull() {
        return size == ssrcs.length;
    }

    int size() {
        return size;
    }

    /** Adds a state for an SSRC not yet present; returns false (and adds nothing) when full. */
    boolean add(int ssrc, T value) {
        if (isFull()) {
            return false;
        }
        ssrcs[size] = ssrc;
        values[size] = value;
        lastHit = size;
        size++;
        return true;
    }
}
