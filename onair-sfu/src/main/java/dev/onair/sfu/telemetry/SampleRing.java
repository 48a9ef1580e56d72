package dev.onair.sfu.telemetry;

import java.util.ArrayList;
import java.util.List;

/** A bounded ring of the last {@code capacity} values; the oldest is overwritten. Single-threaded. */
public final class SampleRing<T> {
    private final Object[] items;
    private int next;
    private int size;

    public SampleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        items = new Object[capacity];
    }

    public void add(T item) {
        items[next] = item;
        next = (next + 1) % items.length;
        if (size < items.length) {
            size++;
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return items.length;
    }

    /** The newest value, or null when empty. */
    @SuppressWarnings("unchecked")
    public T last() {
        return size == 0 ? null : (T) items[(next - 1 + items.length) % items.length];
    }

    /** A copy, oldest first. */
    @SuppressWarnings("unchecked")
    public List<T> toList() {
        List<T> out = new ArrayList<>(size);
        int start = (next - size + items.length) % items.length;
        for (int i = 0; i < size; i++) {
            out.add((T) items[(start + i) % items.length]);
        }
        return out;
    }
}
