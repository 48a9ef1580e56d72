package dev.onair.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's UDP socket: a {@link DatagramChannel} bound to 127.0.0.1 on a free port, one receive thread, and a
 * send path that any thread may call (serialized, one reusable buffer, no allocation per datagram).
 */
final class PeerSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSocket.class);
    static final int MAX_DATAGRAM_BYTES = 2048;

    /** Receives each datagram on the receive thread; {@code buf} is reused after the call. */
    interface Handler {
        void onDatagram(byte[] buf, int len, InetSocketAddress from);
    }

    private final DatagramChannel channel;
    private final ByteBuffer sendBuffer = ByteBuffer.allocate(MAX_DATAGRAM_BYTES);
    private volatile Thread receiver;

    PeerSocket() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code buf[0, len)}; false if the socket is closed or the send failed. */
    boolean send(byte[] buf, int len, InetSocketAddress to) {
        synchronized (sendBuffer) {
            sendBuffer.clear();
            sendBuffer.put(buf, 0, len).flip();
            try {
                return channel.send(sendBuffer, to) == len;
            } catch (IOException e) {
                LOG.debug("send to {} failed: {}", to, e.toString());
                return false;
            }
        }
    }

    /** Starts the one receive thread (once). */
    synchronized void startReceiving(Handler handler) {
        if (receiver != null) {
            return;
        }
        Thread t = new Thread(() -> receiveLoop(handler), "onair-client-rx-" + localAddress().getPort());
        t.setDaemon(true);
        receiver = t;
        t.start();
    }

    private void receiveLoop(Handler handler) {
        ByteBuffer in = ByteBuffer.allocate(MAX_DATAGRAM_BYTES);
        while (channel.isOpen()) {
            in.clear();
            SocketAddress from;
            try {
                from = channel.receive(in);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("receive failed: {}", e.toString());
                continue;
            }
            if (from instanceof InetSocketAddress address) {
                try {
                    handler.onDatagram(in.array(), in.position(), address);
                } catch (RuntimeException e) {
                    LOG.warn("receive path failed on a datagram from {}", address, e);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }

    /** Sends one datagram from a fresh socket on 127.0.0.1 (a stranger's 5-tuple); returns its address. */
    static InetSocketAddress sendFromNewSocket(byte[] datagram, InetSocketAddress to) throws IOException {
        try (DatagramChannel stranger = DatagramChannel.open()) {
            stranger.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            stranger.send(ByteBuffer.wrap(datagram), to);
            return (InetSocketAddress) stranger.getLocalAddress();
        }
    }
}
