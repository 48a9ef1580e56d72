package dev.onair.sfu.session;

/**
 * A small bounded SSRC → value table for the per-packet lookup (linear scan over a handful of entries: no
 * boxing, no allocation). Bounded so that a peer inventing SSRCs cannot grow it.
 */
final class SsrcTable<T> {
    private final long[] ssrcs;
    private final Object[] values;
    private int size;

    SsrcTable(int capacity) {
        ssrcs = new long[capacity];
        values = new Object[capacity];
    }

    @SuppressWarnings("unchecked")
    T get(long ssrc) {
        for (int i = 0; i < size; i++) {
            if (ssrcs[i] == ssrc) {
                return (T) values[i];
            }
        }
        return null;
    }

    /** Returns false when full. */
    boolean put(long ssrc, T value) {
        for (int i = 0; i < size; i++) {
            if (ssrcs[i] == ssrc) {
                values[i] = value;
                return true;
            }
        }
        if (size == ssrcs.length) {
            return false;
        }
        ssrcs[size] = ssrc;
        values[size] = value;
        size++;
        return true;
    }

    int size() {
        return size;
    }
}
