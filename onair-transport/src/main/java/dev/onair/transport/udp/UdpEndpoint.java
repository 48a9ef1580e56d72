package dev.onair.transport.udp;

import dev.onair.transport.clock.MediaClock;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one UDP socket every peer talks to (RFC 7983 multiplexes STUN, DTLS, SRTP and SRTCP on it). A thin
 * adapter: it copies each datagram out of Netty's pooled buffer into one scratch array (no allocation per
 * packet) and hands it to the {@link DatagramHandler} on the socket's own event loop, which is the media loop.
 */
public final class UdpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);
    /** Larger than any MTU we accept; bigger datagrams are truncated by the read and then dropped by parsers. */
    public static final int MAX_DATAGRAM_BYTES = 2048;

    private final Channel channel;
    private final byte[] scratch = new byte[MAX_DATAGRAM_BYTES];
    private long datagramsIn;
    private long datagramsOut;
    private long sendDropsUnwritable;

    private UdpEndpoint(Channel channel) {
        this.channel = channel;
    }

    /**
     * Binds the socket on {@code bindAddress} (port 0 picks a free port) and registers it on {@code loop}.
     */
    public static UdpEndpoint bind(EventLoop loop, InetSocketAddress bindAddress, MediaClock clock,
                                   DatagramHandler handler) throws InterruptedException {
        UdpEndpoint[] holder = new UdpEndpoint[1];
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .option(ChannelOption.SO_SNDBUF, 4 * 1024 * 1024)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
                        holder[0].receive(msg, clock.nanoTime(), handler);
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                        handler.onReadBatchComplete();
                        ctx.flush();
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        LOG.warn("UDP socket error: {}", cause.toString());
                    }
                });
        Channel ch = b.bind(bindAddress).sync().channel();
        holder[0] = new UdpEndpoint(ch);
        LOG.info("media UDP listening on {}", ch.localAddress());
        return holder[0];
    }

    private void receive(DatagramPacket msg, long arrivalNanos, DatagramHandler handler) {
        ByteBuf content = msg.content();
        int len = Math.min(content.readableBytes(), scratch.length);
        content.getBytes(content.readerIndex(), scratch, 0, len);
        datagramsIn++;
        try {
            handler.onDatagram(scratch, len, msg.sender(), arrivalNanos);
        } catch (RuntimeException e) {
            // One bad packet must never take the socket down; the handler closes the offending session itself.
            LOG.warn("datagram from {} failed: {}", msg.sender(), e.toString());
        }
    }

    /** Queues one datagram (copied) for sending; call {@link #flush()} (or end the read batch) to send. */
    public boolean send(byte[] buf, int off, int len, InetSocketAddress to) {
        if (!channel.isWritable()) {
            sendDropsUnwritable++;
            return false;
        }
        ByteBuf out = channel.alloc().directBuffer(len);
        out.writeBytes(buf, off, len);
        channel.write(new DatagramPacket(out, to), channel.voidPromise());
        datagramsOut++;
        return true;
    }

    public boolean isWritable() {
        return channel.isWritable();
    }

    public void flush() {
        channel.flush();
    }

    public EventLoop loop() {
        return channel.eventLoop();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public long datagramsIn() {
        return datagramsIn;
    }

    public long datagramsOut() {
        return datagramsOut;
    }

    public long sendDropsUnwritable() {
        return sendDropsUnwritable;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
