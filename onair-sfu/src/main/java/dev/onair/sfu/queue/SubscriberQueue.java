package dev.onair.sfu.queue;

/**
 * One subscriber's bounded queue of rewritten, not yet encrypted packets (a ring of reusable slots). The
 * router writes into the tail slot and commits; the send step drains from the head, encrypts in place and
 * hands the bytes to the socket. When the ring is full the new packet is dropped and counted: a slow
 * subscriber loses its own packets and never delays the publisher or anyone else. Slot buffers are allocated
 * lazily, once, and an emptied queue restarts at its first slot, so memory follows the largest burst actually
 * seen. Media loop only; no locks.
 */
public final class SubscriberQueue {
    /** Room for the largest RTP packet we forward plus SRTP overhead. */
    public static final int SLOT_BYTES = 1600;

    private final byte[][] data;
    private final int[] length;
    private final int[] payloadLength;
    private final Object[] owner;
    private int head;
    private int size;
    private long enqueued;
    private long dropped;

    public SubscriberQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        data = new byte[capacity][];
        length = new int[capacity];
        payloadLength = new int[capacity];
        owner = new Object[capacity];
    }

    /** The buffer to write the next packet into, or null (and a drop counted) when the queue is full. */
    public byte[] claim() {
        if (size == data.length) {
            dropped++;
            return null;
        }
        int tail = (head + size) % data.length;
        byte[] b = data[tail];
        if (b == null) {
            b = new byte[SLOT_BYTES];
            data[tail] = b;
        }
        return b;
    }

    /** Commits the slot returned by the last {@link #claim()}. */
    public void commit(Object packetOwner, int len, int payloadLen) {
        int tail = (head + size) % data.length;
        length[tail] = len;
        payloadLength[tail] = payloadLen;
        owner[tail] = packetOwner;
        size++;
        enqueued++;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return data.length;
    }

    public byte[] headData() {
        return data[head];
    }

    public int headLength() {
        return length[head];
    }

    public int headPayloadLength() {
        return payloadLength[head];
    }

    public Object headOwner() {
        return owner[head];
    }

    /**
     * Releases the head slot (after it was sent, or when it is discarded). An emptied queue starts again at slot
     * 0, so the usual one-packet-per-batch traffic keeps reusing one cache-warm buffer instead of walking (and
     * allocating) the whole ring.
     */
    public void pop() {
        owner[head] = null;
        size--;
        head = size == 0 ? 0 : (head + 1) % data.length;
    }

    /** Drops everything queued (e.g. the subscriber is closing). */
    public void clear() {
        while (size > 0) {
            pop();
        }
    }

    public long enqueued() {
        return enqueued;
    }

    public long dropped() {
        return dropped;
    }
}
