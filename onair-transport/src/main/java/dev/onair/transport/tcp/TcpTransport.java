package dev.onair.transport.tcp;

import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Which Netty I/O the TCP side uses: native epoll when its library loads (Linux x86_64, the jar's native part is on
 * the class path), else NIO: Netty's own transport for Linux (edge-triggered, no selected-key sets). Measured in the
 * chat benchmark (200k WebSocket frames a second on loopback), it made no difference to CPU per delivery (4.5 µs
 * either way: that cost is the kernel's TCP and our per-frame work; the write window is what reduced it). A group
 * made here and the channel classes below always match; {@link #socketChannelFor} also serves groups made
 * elsewhere.
 */
public final class TcpTransport {
    private static final boolean EPOLL = Epoll.isAvailable();

    private TcpTransport() {
    }

    /** True when the groups made here use native epoll. */
    public static boolean epoll() {
        return EPOLL;
    }

    /** "epoll" or "nio", for logs. */
    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    /** A new event loop group of {@code threads} threads with this platform's I/O. */
    public static MultiThreadIoEventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
    }

    static IoHandlerFactory ioHandlerFactory() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The server socket channel class for groups made by {@link #newGroup}. */
    public static Class<? extends ServerSocketChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The client socket channel class that fits {@code group}: epoll for an epoll group, else NIO. */
    public static Class<? extends SocketChannel> socketChannelFor(io.netty.channel.EventLoopGroup group) {
        return group instanceof IoEventLoopGroup g && g.isIoType(EpollIoHandler.class) ? EpollSocketChannel.class
                : NioSocketChannel.class;
    }
}
