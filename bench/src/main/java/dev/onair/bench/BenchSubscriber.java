package dev.onair.bench;

import dev.onair.sfu.queue.SubscriberQueue;
import dev.onair.sfu.track.SubscriberOutput;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.transport.srtp.SrtpSession;

/**
 * One subscriber without a socket: its bounded queue, its own SRTP session, and the send step of
 * {@code SubscriberSession.drain} (encrypt the head slot in place, count it as sent, pop) with the datagram
 * write left out. The dirty flag stands in for the session's "drain me at the end of the batch" registration.
 */
final class BenchSubscriber implements SubscriberOutput {
    private final SubscriberQueue queue;
    private final SrtpSession srtp;
    private boolean dirty;
    private long packetsOut;
    private long bytesOut;
    private long protectFailures;

    /** @param srtp the subscriber's SRTP session, or null to forward plain RTP (isolates the SFU logic) */
    BenchSubscriber(int queueCapacity, SrtpSession srtp) {
        this.queue = new SubscriberQueue(queueCapacity);
        this.srtp = srtp;
    }

    @Override
    public SubscriberQueue queue() {
        return queue;
    }

    @Override
    public void onEnqueued() {
        dirty = true;
    }

    boolean isDirty() {
        return dirty;
    }

    /** Encrypts and "sends" everything queued; returns the bytes that would have gone to the socket. */
    int drain() {
        int bytes = 0;
        while (!queue.isEmpty()) {
            byte[] slot = queue.headData();
            int len = queue.headLength();
            int out = srtp == null ? len : srtp.protectRtp(slot, 0, len);
            if (out >= 0) {
                ((SubscriberTrack) queue.headOwner()).onSent(queue.headPayloadLength());
                packetsOut++;
                bytes += out;
            } else {
                protectFailures++;
            }
            queue.pop();
        }
        bytesOut += bytes;
        dirty = false;
        return bytes;
    }

    long packetsOut() {
        return packetsOut;
    }

    long bytesOut() {
        return bytesOut;
    }

    long protectFailures() {
        return protectFailures;
    }
}
