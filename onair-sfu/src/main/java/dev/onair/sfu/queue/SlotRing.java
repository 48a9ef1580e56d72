package dev.onair.sfu.queue;

/**
 * One lane of a {@link SubscriberQueue}: a bounded ring of reusable packet slots, each with its length, payload
 * length, owner, enqueue time and probe cluster. Slot buffers are allocated lazily, once, and an emptied ring
 * restarts at its first slot, so memory follows the largest burst actually seen. Media loop only; no locks.
 */
public final class SlotRing {
    private final byte[][] data;
    private final int[] length;
    private final int[] payloadLength;
    private final Object[] owner;
    private final long[] enqueuedNanos;
    private final int[] probeClusterId;
    private int head;
    private int size;
    private long enqueued;
    private long dropped;

    SlotRing(int capacity) {
        data = new byte[capacity][];
        length = new int[capacity];
        payloadLength = new int[capacity];
        owner = new Object[capacity];
        enqueuedNanos = new long[capacity];
        probeClusterId = new int[capacity];
    }

    /** The buffer to write the next packet into, or null (and a drop counted) when the ring is full. */
    byte[] claim() {
        if (size == data.length) {
            dropped++;
            return null;
        }
        int tail = (head + size) % data.length;
        byte[] b = data[tail];
        if (b == null) {
            b = new byte[SubscriberQueue.SLOT_BYTES];
            data[tail] = b;
        }
        return b;
    }

    void commit(Object packetOwner, int len, int payloadLen, long nowNanos, int clusterId) {
        int tail = (head + size) % data.length;
        length[tail] = len;
        payloadLength[tail] = payloadLen;
        owner[tail] = packetOwner;
        enqueuedNanos[tail] = nowNanos;
        probeClusterId[tail] = clusterId;
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

    /** Who queued the head packet (a subscriber track), or null for the pacer's own packets (padding). */
    public Object headOwner() {
        return owner[head];
    }

    /** When the head packet was committed (media clock). */
    public long headEnqueuedNanos() {
        return enqueuedNanos[head];
    }

    /** The probe cluster the head packet belongs to, or {@link SubscriberQueue#NO_PROBE}. */
    public int headProbeClusterId() {
        return probeClusterId[head];
    }

    /** Releases the head slot (sent or discarded); an emptied ring starts again at slot 0 (cache-warm reuse). */
    public void pop() {
        owner[head] = null;
        size--;
        head = size == 0 ? 0 : (head + 1) % data.length;
    }

    void clear() {
        while (size > 0) {
            pop();
        }
    }

    public long enqueued() {
        return enqueued;
    }

    /** Packets refused because the ring was full. */
    public long dropped() {
        return dropped;
    }
}
