package dev.onair.transport.dtls;

import dev.onair.transport.clock.MediaClock;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * The {@link DatagramTransport} BouncyCastle's DTLS stack reads and writes: inbound datagrams come from a bounded
 * queue that {@link DtlsEngine#onDatagram} fills, outbound ones go to {@link DtlsListener#sendDatagram}.
 *
 * <p>While handshaking, {@link #receive} blocks on the queue (at most a second at a time, so the handshake
 * deadline, read from the injected {@link MediaClock}, is checked at least once a second and whenever a datagram
 * arrives). After the handshake it never blocks: the engine only calls into BouncyCastle when datagrams are queued.
 * A local close makes {@link #receive} throw {@link InterruptedIOException}, which ends a blocked handshake.
 */
final class QueuedDatagramTransport implements DatagramTransport {
    /** Largest datagram we accept from the network. */
    static final int RECEIVE_LIMIT_BYTES = 1500;
    /** Largest datagram we send: fits the 1280-byte IPv6 minimum MTU with IP/UDP headers and TURN framing. */
    static final int SEND_LIMIT_BYTES = 1200;
    static final int QUEUE_CAPACITY = 64;
    private static final long MAX_BLOCK_MILLIS = 1000;
    private static final byte[] WAKE = new byte[0];

    private final ArrayBlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Consumer<byte[]> sender;
    private final MediaClock clock;
    private final long handshakeTimeoutNanos;
    private volatile long deadlineNanos;
    private volatile boolean blocking = true;
    private volatile boolean localClose;
    private volatile boolean timedOut;
    private volatile boolean closedByStack;

    QueuedDatagramTransport(Consumer<byte[]> sender, MediaClock clock, long handshakeTimeoutMillis) {
        this.sender = sender;
        this.clock = clock;
        this.handshakeTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(handshakeTimeoutMillis);
    }

    /** Starts the handshake deadline. */
    void startHandshakeClock() {
        deadlineNanos = clock.nanoTime() + handshakeTimeoutNanos;
    }

    /** After the handshake: no deadline, and {@link #receive} returns at once when the queue is empty. */
    void handshakeDone() {
        blocking = false;
    }

    /** Queues a copy the caller made; false if the queue is full. */
    boolean offer(byte[] datagram) {
        return inbound.offer(datagram);
    }

    boolean hasInbound() {
        return !inbound.isEmpty();
    }

    /** Makes a blocked {@link #receive} give up with {@link InterruptedIOException}. */
    void requestLocalClose() {
        localClose = true;
        inbound.offer(WAKE);
    }

    /** Wakes a blocked {@link #receive} so it re-checks the deadline. */
    void wake() {
        inbound.offer(WAKE);
    }

    boolean timedOut() {
        return timedOut;
    }

    /** True once BouncyCastle closed the transport (after a close_notify either way, or a failure). */
    boolean closedByStack() {
        return closedByStack;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT_BYTES;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT_BYTES;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws java.io.IOException {
        checkOpen();
        byte[] datagram;
        try {
            if (blocking) {
                long wait = waitMillis <= 0 ? MAX_BLOCK_MILLIS : Math.min(waitMillis, MAX_BLOCK_MILLIS);
                datagram = inbound.poll(wait, TimeUnit.MILLISECONDS);
            } else {
                datagram = inbound.poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
        }
        checkOpen();
        if (datagram == null || datagram == WAKE) {
            return -1;
        }
        // A datagram longer than len is reported by its length, which tells BouncyCastle to discard it.
        System.arraycopy(datagram, 0, buf, off, Math.min(len, datagram.length));
        return datagram.length;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        sender.accept(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void close() {
        closedByStack = true;
    }

    private void checkOpen() throws java.io.IOException {
        if (localClose) {
            throw new InterruptedIOException("DTLS engine closed locally");
        }
        if (blocking && clock.nanoTime() - deadlineNanos > 0) {
            timedOut = true;
            throw new TlsTimeoutException("DTLS handshake timeout");
        }
    }
}
