package dev.onair.server.http;

import dev.onair.transport.tcp.TcpTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Netty HTTP/1.1 server on one TCP port. Pipeline per connection:
 * {@code HttpServerCodec → HttpMetrics → OversizeAwareAggregator(MAX_BODY_BYTES + slack) → AsyncRequestHandler}.
 * Bodies above {@link #MAX_BODY_BYTES} are refused by the endpoints; bodies above the aggregator limit never reach
 * them and get 413 from the aggregator.
 */
public final class HttpServer implements AutoCloseable {
    /** The largest request body (an SDP offer) the API accepts: 64 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The aggregator's limit, a little above {@link #MAX_BODY_BYTES} so that endpoints can report 413 themselves. */
    static final int AGGREGATOR_LIMIT_BYTES = MAX_BODY_BYTES + 1024;
    /** Where WebSocket signalling upgrades. */
    public static final String WEBSOCKET_PATH = "/rtc";
    /**
     * Frames up to this size reach the signalling handler, which refuses those over 64 KiB with an error frame;
     * larger ones make Netty close the socket with 1009 (message too big).
     */
    public static final int WEBSOCKET_MAX_FRAME_BYTES = 128 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;

    private HttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * Binds on all interfaces.
     *
     * @param port         TCP port, 0 for any free one (see {@link #port()})
     * @param api          the application
     * @param metrics      response counters
     * @param apiTimeout   how long a request may wait for its future before 503
     */
    public static HttpServer start(int port, HttpApi api, HttpMetrics metrics, Duration apiTimeout) {
        return start(port, api, metrics, apiTimeout, List.<WebSocketRoute>of());
    }

    /**
     * As {@link #start(int, HttpApi, HttpMetrics, Duration)}, plus WebSocket upgrades on {@link #WEBSOCKET_PATH}
     * handed to a fresh handler from {@code webSocketHandlers} (null: no WebSocket endpoint).
     */
    public static HttpServer start(int port, HttpApi api, HttpMetrics metrics, Duration apiTimeout,
                                   Supplier<ChannelHandler> webSocketHandlers) {
        return start(port, api, metrics, apiTimeout, webSocketHandlers == null ? List.of()
                : List.of(new WebSocketRoute(WEBSOCKET_PATH, WEBSOCKET_MAX_FRAME_BYTES, webSocketHandlers)));
    }

    /**
     * As {@link #start(int, HttpApi, HttpMetrics, Duration)}, plus WebSocket upgrades on each route's path (e.g.
     * {@code /rtc} and {@code /chat}), each handed to a fresh handler of its own ({@link WebSocketSelector}).
     */
    public static HttpServer start(int port, HttpApi api, HttpMetrics metrics, Duration apiTimeout,
                                   List<WebSocketRoute> webSockets) {
        EventLoopGroup group = TcpTransport.newGroup(2);
        long timeoutMillis = apiTimeout.toMillis();
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(TcpTransport.serverChannel())
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast("codec", new HttpServerCodec())
                                    .addLast("metrics", metrics)
                                    .addLast("aggregator", new OversizeAwareAggregator(AGGREGATOR_LIMIT_BYTES));
                            if (!webSockets.isEmpty()) {
                                ch.pipeline().addLast("ws-select", new WebSocketSelector(webSockets));
                            }
                            ch.pipeline().addLast("api", new AsyncRequestHandler(api, timeoutMillis));
                        }
                    });
            Channel ch = b.bind(new InetSocketAddress(port)).syncUninterruptibly().channel();
            return new HttpServer(group, ch);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The bound TCP port. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting, closes connections and the event loops; waits for that to finish. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
