package dev.onair.transport.peer;

import dev.onair.transport.demux.PacketClassifier;
import dev.onair.transport.demux.PacketKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One UDP port of a test client on loopback: what it receives is sorted by RFC 7983 kind into a STUN queue, a
 * media (SRTP/SRTCP) queue, or the DTLS consumer. A client that changes networks uses a second instance.
 */
final class LoopbackPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final BlockingQueue<byte[]> stun = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> media = new LinkedBlockingQueue<>();
    private final Thread reader;
    volatile Consumer<byte[]> dtls = d -> { };

    LoopbackPeer(InetSocketAddress server) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.server = server;
        this.reader = new Thread(this::readLoop, "loopback-peer-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(byte[] datagram) {
        send(datagram, datagram.length);
    }

    void send(byte[] buf, int len) {
        try {
            socket.send(new DatagramPacket(buf, 0, len, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next STUN message received, or null if none came within the deadline. */
    byte[] nextStun() throws InterruptedException {
        return stun.poll(TransportFixture.DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** The next SRTP/SRTCP datagram received, or null if none came within the deadline. */
    byte[] nextMedia() throws InterruptedException {
        return media.poll(TransportFixture.DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private void readLoop() {
        byte[] buf = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            byte[] data = Arrays.copyOf(buf, packet.getLength());
            PacketKind kind = PacketClassifier.classify(data, 0, data.length);
            switch (kind) {
                case STUN -> stun.add(data);
                case DTLS -> dtls.accept(data);
                case RTP, RTCP -> media.add(data);
                default -> { }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
