package dev.onair.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ChatClient} against a local Netty WebSocket server that records what it receives and answers on cue. */
class ChatClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 10;
    private EventLoopGroup group;
    private Channel server;
    private final BlockingQueue<String> atServer = new LinkedBlockingQueue<>();
    private final CompletableFuture<Channel> serverSide = new CompletableFuture<>();

    @BeforeEach
    void startServer() throws Exception {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                new WebSocketServerProtocolHandler("/chat"),
                                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                                        serverSide.complete(ctx.channel());
                                        atServer.add(f.text());
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    @AfterEach
    void stop() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/chat");
    }

    @Test
    void joinsWithTheResumePointThenSendsFramesWithClientMsgIds() throws Exception {
        ChatClient c = ChatClient.connect(group, uri(), ChatJoin.resume("tok", "room1", 7, 42), (cl, json) -> { })
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        JsonNode join = JSON.readTree(atServer.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(join.toString()).isEqualTo(
                "{\"type\":\"join\",\"token\":\"tok\",\"room\":\"room1\",\"epoch\":7,\"lastSeq\":42}");

        String id1 = c.send("chat", Map.of("text", "hi"));
        String id2 = c.send("event", Map.of("data", Map.of("n", 3)));
        c.send("chat", "mine-1", Map.of("text", "again"));
        JsonNode s1 = JSON.readTree(atServer.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        JsonNode s2 = JSON.readTree(atServer.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        JsonNode s3 = JSON.readTree(atServer.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(id1).isNotEqualTo(id2);
        assertThat(s1.path("type").asText()).isEqualTo("send");
        assertThat(s1.path("kind").asText()).isEqualTo("chat");
        assertThat(s1.path("clientMsgId").asText()).isEqualTo(id1);
        assertThat(s1.path("text").asText()).isEqualTo("hi");
        assertThat(s2.path("clientMsgId").asText()).isEqualTo(id2);
        assertThat(s2.path("data").path("n").asInt()).isEqualTo(3);
        assertThat(s3.path("clientMsgId").asText()).isEqualTo("mine-1");
        c.closeAsync().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void aFreshJoinHasNoResumePoint() {
        assertThat(ChatJoin.fresh("t", "r").toJson()).isEqualTo("{\"type\":\"join\",\"token\":\"t\",\"room\":\"r\"}");
    }

    @Test
    void serverFramesReachTheListenerInOrderAndTheCloseCodeIsReported() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        ChatClient.connect(group, uri(), ChatJoin.fresh("tok", "r"), new ChatListener() {
            @Override
            public void onFrame(ChatClient client, String json) {
                frames.add(json);
            }

            @Override
            public void onClose(ChatClient client, int code, String reason) {
                closed.complete(code);
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        atServer.poll(WAIT_SECONDS, TimeUnit.SECONDS); // the join
        Channel ch = serverSide.get(WAIT_SECONDS, TimeUnit.SECONDS);
        for (int i = 1; i <= 100; i++) {
            ch.write(new TextWebSocketFrame("{\"type\":\"msg\",\"seq\":" + i + "}"));
        }
        ch.writeAndFlush(new CloseWebSocketFrame(4429, "slow_consumer"));
        assertThat(closed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4429);
        List<Long> seqs = frames.stream().map(f -> {
            try {
                return JSON.readTree(f).path("seq").asLong();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(seqs).hasSize(100).isSorted().startsWith(1L).endsWith(100L);
    }

    @Test
    void framesReachAByteListenerAsTheirUtf8AndTheTextListenerDecoded() throws Exception {
        BlockingQueue<String> asBytes = new LinkedBlockingQueue<>();
        BlockingQueue<String> asText = new LinkedBlockingQueue<>();
        ChatClient.connect(group, uri(), ChatJoin.fresh("tok", "r"), new ChatListener() {
            @Override
            public void onFrame(ChatClient client, String json) {
                throw new AssertionError("onFrameUtf8 is overridden");
            }

            @Override
            public void onFrameUtf8(ChatClient client, byte[] utf8, int offset, int length) {
                asBytes.add(new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8));
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        atServer.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        Channel first = serverSide.get(WAIT_SECONDS, TimeUnit.SECONDS);
        String small = "{\"text\":\"h\u00e9llo \u20ac\"}";
        String large = "{\"text\":\"" + "\u00e9".repeat(3000) + "\"}"; // larger than the first scratch array
        first.write(new TextWebSocketFrame(small));
        first.write(new TextWebSocketFrame(large));
        first.writeAndFlush(new TextWebSocketFrame(small));
        assertThat(asBytes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(small);
        assertThat(asBytes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(large);
        assertThat(asBytes.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(small);

        ChatListener decoding = (client, json) -> asText.add(json);
        byte[] utf8 = ("xx" + small).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        decoding.onFrameUtf8(null, utf8, 2, utf8.length - 2);
        assertThat(asText.poll()).as("the default decodes the bytes for onFrame").isEqualTo(small);
    }

    @Test
    void aRefusedConnectionFailsTheFuture() {
        URI nowhere = URI.create("ws://127.0.0.1:1/chat");
        CompletableFuture<ChatClient> f = ChatClient.connect(group, nowhere, ChatJoin.fresh("t", "r"), (c, j) -> { });
        assertThat(f).failsWithin(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
