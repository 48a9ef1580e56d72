package dev.onair.messaging.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A room's history in memory: a ring of consecutive sequences, at most {@code capacity}, oldest dropped first.
 * Not thread-safe (its {@link RoomLog} guards it).
 */
final class MessageRing {
    private static final int INITIAL_SLOTS = 16;

    private final int capacity;
    private StoredMessage[] slots;
    private int head;
    private int size;

    /** Grows on demand up to {@code capacity} (an idle room holds a small array). */
    MessageRing(int capacity) {
        this.capacity = capacity;
        this.slots = new StoredMessage[Math.min(capacity, INITIAL_SLOTS)];
    }

    int size() {
        return size;
    }

    /** Adds the next message (its seq one more than the newest); drops the oldest when full. */
    void add(StoredMessage m) {
        if (size == slots.length && slots.length < capacity) {
            grow();
        }
        if (size == slots.length) {
            slots[head] = null;
            head = (head + 1) % slots.length;
            size--;
        }
        slots[(head + size) % slots.length] = m;
        size++;
    }

    StoredMessage oldest() {
        return size == 0 ? null : slots[head];
    }

    /** Drops the oldest message. */
    void removeOldest() {
        if (size > 0) {
            slots[head] = null;
            head = (head + 1) % slots.length;
            size--;
        }
    }

    /** The message with this sequence, or null when not held. */
    StoredMessage get(long seq) {
        int index = indexOf(seq);
        return index < 0 ? null : slots[(head + index) % slots.length];
    }

    /** Replaces the message with the same sequence (e.g. marked deleted); no-op when not held. */
    void replace(StoredMessage m) {
        int index = indexOf(m.seq());
        if (index >= 0) {
            slots[(head + index) % slots.length] = m;
        }
    }

    /** Up to {@code limit} messages with seq above {@code afterSeq}, oldest first. */
    List<StoredMessage> after(long afterSeq, int limit) {
        List<StoredMessage> out = new ArrayList<>(Math.min(limit, size));
        if (size == 0) {
            return out;
        }
        long first = Math.max(afterSeq + 1, slots[head].seq());
        for (int i = indexOf(first); i >= 0 && i < size && out.size() < limit; i++) {
            out.add(slots[(head + i) % slots.length]);
        }
        return out;
    }

    /** The {@code limit} newest, oldest first. */
    List<StoredMessage> newest(int limit) {
        List<StoredMessage> out = new ArrayList<>(Math.min(limit, size));
        for (int i = Math.max(0, size - limit); i < size; i++) {
            out.add(slots[(head + i) % slots.length]);
        }
        return out;
    }

    /** Up to {@code limit} messages with seq below {@code beforeSeq}, newest first. */
    List<StoredMessage> before(long beforeSeq, int limit) {
        List<StoredMessage> out = new ArrayList<>(Math.min(limit, size));
        if (size == 0) {
            return out;
        }
        long below = beforeSeq - slots[head].seq(); // index of beforeSeq
        for (long i = Math.min(size, below) - 1; i >= 0 && out.size() < limit; i--) {
            out.add(slots[(int) ((head + i) % slots.length)]);
        }
        return out;
    }

    private void grow() {
        StoredMessage[] bigger = new StoredMessage[(int) Math.min(capacity, 2L * slots.length)];
        for (int i = 0; i < size; i++) {
            bigger[i] = slots[(head + i) % slots.length];
        }
        slots = bigger;
        head = 0;
    }

    private int indexOf(long seq) {
        if (size == 0) {
            return -1;
        }
        long index = seq - slots[head].seq();
        return index < 0 || index >= size ? -1 : (int) index;
    }
}
