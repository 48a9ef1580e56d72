package dev.onair.protocol;

/**
 * A bounded SSRC → state map for per-packet lookups: a fixed array scanned linearly (a handful of entries, so
 * a scan is a few cache lines) with the last hit checked first. Lookups allocate nothing and nothing is boxed;
 * it never grows past its capacity, so a peer choosing SSRCs cannot exhaust memory. Single-threaded.
 * SSRCs are the 32-bit wire values, held as {@code int}.
 */
public final class SsrcTable<T> {
    private final int[] ssrcs;
    private final Object[] values;
    private int size;
    private int lastHit = -1;

    public SsrcTable(int capacity) {
        this.ssrcs = new int[capacity];
        this.values = new Object[capacity];
    }

    /** The state for {@code ssrc}, or null if absent. */
    @SuppressWarnings("unchecked")
    public T get(int ssrc) {
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

    public boolean isFull() {
        return size == ssrcs.length;
    }

    public int size() {
        return size;
    }

    /** Sets the state of an SSRC, replacing an existing one; returns false (and changes nothing) when full. */
    public boolean put(int ssrc, T value) {
        for (int i = 0; i < size; i++) {
            if (ssrcs[i] == ssrc) {
                values[i] = value;
                lastHit = i;
                return true;
            }
        }
        if (isFull()) {
            return false;
        }
        ssrcs[size] = ssrc;
        values[size] = value;
        lastHit = size;
        size++;
        return true;
    }

    /** Removes every entry whose state is {@code value} (identity); returns how many. */
    public int removeValue(T value) {
        int removed = 0;
        int w = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                removed++;
            } else {
                ssrcs[w] = ssrcs[i];
                values[w] = values[i];
                w++;
            }
        }
        for (int i = w; i < size; i++) {
            values[i] = null;
        }
        size = w;
        lastHit = -1;
        return removed;
    }
}
