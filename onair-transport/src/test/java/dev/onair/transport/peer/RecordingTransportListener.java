package dev.onair.transport.peer;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a {@link PeerTransport} delivers: decrypted RTP (copied), connections and the close reason. */
final class RecordingTransportListener implements PeerTransport.Listener {
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final AtomicInteger connections = new AtomicInteger();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();

    @Override
    public void onConnected() {
        connections.incrementAndGet();
        connected.complete(null);
    }

    @Override
    public void onRtp(byte[] buf, int off, int len, long arrivalNanos) {
        rtp.add(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len, long arrivalNanos) {
    }

    @Override
    public void onClosed(String reason) {
        closed.complete(reason);
    }

    /** The next decrypted RTP packet, or null if none came within the deadline. */
    byte[] nextRtp() throws InterruptedException {
        return rtp.poll(TransportFixture.DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** Decrypted RTP packets delivered and not yet taken. */
    int pendingRtp() {
        return rtp.size();
    }
}
