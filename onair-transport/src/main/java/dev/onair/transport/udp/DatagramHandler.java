package dev.onair.transport.udp;

import java.net.InetSocketAddress;

/**
 * Receives every datagram of the media port, on the media loop thread. The buffer is a scratch buffer owned
 * by the endpoint: it is valid only during the call and may be modified in place (SRTP decrypts in place).
 */
public interface DatagramHandler {

    void onDatagram(byte[] buf, int len, InetSocketAddress from, long arrivalNanos);

    /** Called once after each batch of reads: the moment to drain per-subscriber queues and flush. */
    default void onReadBatchComplete() {
    }
}
