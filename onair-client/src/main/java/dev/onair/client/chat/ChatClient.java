package dev.onair.client.chat;

import dev.onair.transport.tcp.TcpTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code /chat} socket (docs/protocol.md, docs/messaging.md): {@link #connect} opens it on a shared event loop
 * group, sends the {@link ChatJoin} once the WebSocket handshake is done, and completes; every server frame goes to the
 * {@link ChatListener} in order, as its UTF-8 bytes ({@link ChatListener#onFrameUtf8}, which by default decodes them to
 * JSON text for {@link ChatListener#onFrame}). The client does not validate the UTF-8 of text frames (the JDK's
 * decoder replaces malformed input; a listener parsing bytes meets it as its JSON parser does). {@link #send(String, Map)} writes a {@code send} frame with a fresh
 * {@code clientMsgId} (this client's prefix plus a counter). Plain {@code ws://} only (the benchmark and tests run on
 * loopback).
 */
public final class ChatClient implements AutoCloseable {
    /** Largest frame accepted from the server (the server's own limit is 16 KiB per frame). */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong CLIENTS = new AtomicLong();

    private final Channel channel;
    private final String clientMsgIdPrefix;
    private final AtomicLong nextClientMsgId = new AtomicLong(1);

    private ChatClient(Channel channel, String clientMsgIdPrefix) {
        this.channel = channel;
        this.clientMsgIdPrefix = clientMsgIdPrefix;
    }

    /**
     * Opens {@code uri} (e.g. {@code ws://127.0.0.1:8080/chat}) and sends {@code join}; completes once the join was
     * written (the server's {@code resumed} or join error then arrives at the listener), or exceptionally when the
     * connection or the handshake failed.
     */
    public static CompletableFuture<ChatClient> connect(EventLoopGroup group, URI uri, ChatJoin join,
                                                        ChatListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!"ws".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only ws:// is supported, got " + uri);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        CompletableFuture<ChatClient> result = new CompletableFuture<>();
        String prefix = "j" + CLIENTS.incrementAndGet() + "-";
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).version(WebSocketVersion.V13).customHeaders(new DefaultHttpHeaders())
                .maxFramePayloadLength(MAX_FRAME_BYTES).handleCloseFrames(false).withUTF8Validator(false).build();
        Bootstrap b = new Bootstrap().group(group).channel(TcpTransport.socketChannelFor(group))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(MAX_FRAME_BYTES),
                                new FrameHandler(join, listener, prefix, result));
                    }
                });
        ChannelFuture cf = b.connect(uri.getHost(), port);
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    /** Sends {@code {"type":"send","kind":kind,"clientMsgId":…, …fields}}; returns the {@code clientMsgId}. */
    public String send(String kind, Map<String, ?> fields) {
        String id = clientMsgIdPrefix + nextClientMsgId.getAndIncrement();
        send(kind, id, fields);
        return id;
    }

    /** Sends a {@code send} frame with the caller's {@code clientMsgId} (a retry reuses the same one). */
    public void send(String kind, String clientMsgId, Map<String, ?> fields) {
        ObjectNode n = JSON.createObjectNode().put("type", "send").put("kind", kind).put("clientMsgId", clientMsgId);
        fields.forEach((k, v) -> n.set(k, JSON.valueToTree(v)));
        sendFrame(n.toString());
    }

    /** Sends any JSON text as one text frame (a {@code resume}, a {@code delete}, a presence update). */
    public void sendFrame(String json) {
        channel.writeAndFlush(new TextWebSocketFrame(json));
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Closes the socket with 1000; the returned future completes when the channel is closed. */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye"));
        }
        channel.close().addListener(f -> done.complete(null));
        return done;
    }

    @Override
    public void close() {
        closeAsync();
    }

    /** Joins after the handshake, hands text frames to the listener, reports the close once. */
    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final ChatJoin join;
        private final ChatListener listener;
        private final String prefix;
        private final CompletableFuture<ChatClient> result;
        private final AtomicBoolean closeReported = new AtomicBoolean();
        private ChatClient client;
        private byte[] scratch = new byte[256]; // a direct buffer's bytes, copied for the listener (event loop only)

        FrameHandler(ChatJoin join, ChatListener listener, String prefix, CompletableFuture<ChatClient> result) {
            this.join = join;
            this.listener = listener;
            this.prefix = prefix;
            this.result = result;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                client = new ChatClient(ctx.channel(), prefix);
                ctx.writeAndFlush(new TextWebSocketFrame(join.toJson()));
                result.complete(client);
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                result.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
                ctx.close();
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                ByteBuf content = text.content();
                int length = content.readableBytes();
                if (content.hasArray()) {
                    listener.onFrameUtf8(client, content.array(), content.arrayOffset() + content.readerIndex(), length);
                } else {
                    if (scratch.length < length) {
                        scratch = new byte[Math.max(length, 2 * scratch.length)];
                    }
                    content.getBytes(content.readerIndex(), scratch, 0, length);
                    listener.onFrameUtf8(client, scratch, 0, length);
                }
            } else if (frame instanceof CloseWebSocketFrame close) {
                reportClose(close.statusCode(), close.reasonText());
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            result.completeExceptionally(new IllegalStateException("connection closed before the handshake"));
            reportClose(1006, "connection closed");
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.completeExceptionally(cause);
            ctx.close();
        }

        private void reportClose(int code, String reason) {
            if (client != null && closeReported.compareAndSet(false, true)) {
                listener.onClose(client, code, reason);
            }
        }
    }
}
