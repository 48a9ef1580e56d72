package dev.onair.transport.shape;

import java.net.InetSocketAddress;

/**
 * Datagrams waiting for their delivery time: a bounded pool of slots ordered by deadline (a binary min-heap;
 * equal deadlines leave in the order they were offered). Bounded twice: at most {@code maxDatagrams} held and at
 * most {@code maxBytes} of datagram bytes held; an offer beyond either bound is refused (the caller counts it).
 *
 * <p><b>Allocation:</b> the index arrays are allocated up front ({@code maxDatagrams} entries each); a slot's
 * byte buffer ({@code maxDatagramBytes}) is allocated the first time that slot is used and then reused, so after
 * warm-up offering and polling allocate nothing. Memory is at most {@code maxDatagrams × maxDatagramBytes}, in
 * practice the high-water mark of slots in use. The address is held by reference (it is immutable). Media loop
 * only; not thread-safe.
 */
public final class DelayLine {
    /** Receives a due datagram; the buffer is only valid during the call and may be modified in place. */
    public interface Sink {
        void deliver(byte[] buf, int off, int len, InetSocketAddress address, int tag, long dueNanos);
    }

    private final int maxDatagrams;
    private final int maxBytes;
    private final int maxDatagramBytes;
    private final byte[][] buffers;
    private final int[] lengths;
    private final int[] tags;
    private final long[] deadlines;
    private final long[] sequence;
    private final InetSocketAddress[] addresses;
    /** Heap of slot indices, ordered by (deadline, sequence). */
    private final int[] heap;
    /** Stack of free slot indices. */
    private final int[] free;
    private int size;
    private int freeCount;
    private int bytesHeld;
    private long nextSequence;

    public DelayLine(int maxDatagrams, int maxBytes, int maxDatagramBytes) {
        if (maxDatagrams <= 0 || maxBytes <= 0 || maxDatagramBytes <= 0) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxDatagrams = maxDatagrams;
        this.maxBytes = maxBytes;
        this.maxDatagramBytes = maxDatagramBytes;
        this.buffers = new byte[maxDatagrams][];
        this.lengths = new int[maxDatagrams];
        this.tags = new int[maxDatagrams];
        this.deadlines = new long[maxDatagrams];
        this.sequence = new long[maxDatagrams];
        this.addresses = new InetSocketAddress[maxDatagrams];
        this.heap = new int[maxDatagrams];
        this.free = new int[maxDatagrams];
        for (int i = 0; i < maxDatagrams; i++) {
            free[i] = maxDatagrams - 1 - i;
        }
        this.freeCount = maxDatagrams;
    }

    /**
     * Copies {@code buf[off, off+len)} in to leave at {@code dueNanos}. Returns false, holding nothing, when the
     * line is full (count or bytes) or the datagram is larger than a slot.
     */
    public boolean offer(byte[] buf, int off, int len, InetSocketAddress address, int tag, long dueNanos) {
        if (freeCount == 0 || len > maxDatagramBytes || len < 0 || bytesHeld + len > maxBytes) {
            return false;
        }
        int slot = free[--freeCount];
        byte[] b = buffers[slot];
        if (b == null) {
            b = new byte[maxDatagramBytes];
            buffers[slot] = b;
        }
        System.arraycopy(buf, off, b, 0, len);
        lengths[slot] = len;
        tags[slot] = tag;
        deadlines[slot] = dueNanos;
        sequence[slot] = nextSequence++;
        addresses[slot] = address;
        bytesHeld += len;
        heap[size] = slot;
        siftUp(size++);
        return true;
    }

    /** The earliest deadline held, or {@link Long#MAX_VALUE} when empty. */
    public long nextDeadlineNanos() {
        return size == 0 ? Long.MAX_VALUE : deadlines[heap[0]];
    }

    /**
     * Hands every datagram due at or before {@code nowNanos} to {@code sink}, earliest first, and frees its slot.
     * A datagram the sink offers back during the call is delivered in the same pass if it is already due.
     *
     * @return how many were delivered
     */
    public int drainDue(long nowNanos, Sink sink) {
        int n = 0;
        while (size > 0 && deadlines[heap[0]] <= nowNanos) {
            int slot = removeHead();
            try {
                sink.deliver(buffers[slot], 0, lengths[slot], addresses[slot], tags[slot], deadlines[slot]);
            } finally {
                release(slot);
            }
            n++;
        }
        return n;
    }

    /** Frees every slot without delivering; returns how many datagrams were discarded. */
    public int clear() {
        int n = size;
        while (size > 0) {
            release(removeHead());
        }
        return n;
    }

    public int size() {
        return size;
    }

    public int bytesHeld() {
        return bytesHeld;
    }

    /** Slots whose buffer has been allocated (the high-water mark of slots in use). */
    public int allocatedBuffers() {
        int n = 0;
        for (byte[] b : buffers) {
            if (b != null) {
                n++;
            }
        }
        return n;
    }

    public int maxDatagrams() {
        return maxDatagrams;
    }

    public int maxBytes() {
        return maxBytes;
    }

    private int removeHead() {
        int slot = heap[0];
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            siftDown(0);
        }
        return slot;
    }

    private void release(int slot) {
        bytesHeld -= lengths[slot];
        addresses[slot] = null;
        free[freeCount++] = slot;
    }

    private boolean before(int a, int b) {
        long da = deadlines[a];
        long db = deadlines[b];
        return da < db || (da == db && sequence[a] < sequence[b]);
    }

    private void siftUp(int i) {
        int slot = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(slot, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = slot;
    }

    private void siftDown(int i) {
        int slot = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], slot)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = slot;
    }
}
