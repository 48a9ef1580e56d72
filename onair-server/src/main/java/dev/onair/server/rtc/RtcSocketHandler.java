package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Grant;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signalling socket: waits for {@code join} (10 s), authenticates it with the same tokens as WHIP/WHEP,
 * answers {@code joined} with the room snapshot, relays room events, answers {@code ping}, and turns every
 * bad frame into an {@code error} frame; only authentication failures, the join timeout and {@code leave}
 * close the socket. One bad socket never touches another or the room.
 */
final class RtcSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(RtcSocketHandler.class);
    /** Close codes (RFC 6455 §7.4.2 application range). */
    static final int CLOSE_UNAUTHENTICATED = 4401;
    static final int CLOSE_FORBIDDEN = 4403;
    static final int CLOSE_JOIN_TIMEOUT = 4408;

    private final RtcHub hub;
    private final TokenService tokens;
    private final RtcMessages messages;
    private final ObjectMapper json;
    private final long joinTimeoutMillis;
    private ScheduledFuture<?> joinTimer;
    private String room;
    private Grant grant;

    RtcSocketHandler(RtcHub hub, TokenService tokens, RtcMessages messages, ObjectMapper json, long joinTimeoutMillis) {
        this.hub = hub;
        this.tokens = tokens;
        this.messages = messages;
        this.json = json;
        this.joinTimeoutMillis = joinTimeoutMillis;
    }

    static void send(ChannelHandlerContext ctx, String text) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new TextWebSocketFrame(text), ctx.voidPromise());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            joinTimer = ctx.executor().schedule(() -> {
                if (grant == null) {
                    close(ctx, CLOSE_JOIN_TIMEOUT, RtcError.JOIN_TIMEOUT, "no join within 10 s");
                }
            }, joinTimeoutMillis, TimeUnit.MILLISECONDS);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof BinaryWebSocketFrame) {
            reply(ctx, messages.error(RtcError.BINARY_NOT_SUPPORTED, "only text frames with JSON are accepted", null));
            return;
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            return; // ping/pong/close frames are handled by Netty's protocol handler
        }
        if (text.content().readableBytes() > RtcHub.MAX_MESSAGE_BYTES) {
            reply(ctx, messages.error(RtcError.FRAME_TOO_LARGE, "messages are limited to 64 KiB", null));
            return;
        }
        JsonNode msg;
        try {
            msg = json.readTree(text.text());
        } catch (java.io.IOException | RuntimeException e) {
            reply(ctx, messages.error(RtcError.MALFORMED_JSON, "the frame is not valid JSON", null));
            return;
        }
        if (msg == null || !msg.isObject()) {
            reply(ctx, messages.error(RtcError.MALFORMED_JSON, "a message is a JSON object", null));
            return;
        }
        String id = msg.path("id").isTextual() ? msg.get("id").asText() : null;
        if (msg.has("v") && msg.get("v").asInt(-1) != RtcMessages.VERSION) {
            reply(ctx, messages.error(RtcError.UNSUPPORTED_VERSION, "this server speaks protocol v1", id));
            return;
        }
        JsonNode type = msg.get("type");
        if (type == null || !type.isTextual()) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "a message needs a string \"type\"", id));
            return;
        }
        dispatch(ctx, type.asText(), msg, id);
    }

    private void dispatch(ChannelHandlerContext ctx, String type, JsonNode msg, String id) {
        switch (type) {
            case "ping" -> {
                ObjectNode pong = messages.frame("pong", id);
                if (msg.has("ts")) {
                    pong.set("ts", msg.get("ts"));
                }
                reply(ctx, pong);
            }
            case "join" -> join(ctx, msg, id);
            case "leave" -> {
                if (grant == null) {
                    reply(ctx, messages.error(RtcError.NOT_JOINED, "join first", id));
                } else {
                    ctx.writeAndFlush(new CloseWebSocketFrame(1000, "left")).addListener(ChannelFutureListener.CLOSE);
                }
            }
            default -> {
                if (grant == null) {
                    reply(ctx, messages.error(RtcError.NOT_JOINED, "join first", id));
                } else {
                    reply(ctx, messages.error(RtcError.UNKNOWN_TYPE, "unknown message type \"" + type + "\"", id));
                }
            }
        }
    }

    private void join(ChannelHandlerContext ctx, JsonNode msg, String id) {
        if (grant != null) {
            reply(ctx, messages.error(RtcError.ALREADY_JOINED, "this socket already joined " + room, id));
            return;
        }
        JsonNode token = msg.get("token");
        JsonNode roomNode = msg.get("room");
        if (token == null || !token.isTextual() || (roomNode != null && !roomNode.isTextual())) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "join needs a string \"token\" (and optional \"room\")", id));
            return;
        }
        String wanted = roomNode == null ? null : roomNode.asText();
        AuthResult auth = tokens.verify("Bearer " + token.asText(), wanted, Permission.SUBSCRIBE);
        if (auth instanceof AuthResult.Denied d && d.error() == dev.onair.server.auth.AuthError.FORBIDDEN) {
            AuthResult asPublisher = tokens.verify("Bearer " + token.asText(), wanted, Permission.PUBLISH);
            if (asPublisher instanceof AuthResult.Granted) {
                auth = asPublisher; // joining needs publish or subscribe
            }
        }
        if (auth instanceof AuthResult.Denied denied) {
            boolean forbidden = denied.error() == dev.onair.server.auth.AuthError.FORBIDDEN;
            close(ctx, forbidden ? CLOSE_FORBIDDEN : CLOSE_UNAUTHENTICATED,
                    forbidden ? RtcError.FORBIDDEN : RtcError.UNAUTHENTICATED, denied.reason());
            return;
        }
        Grant g = ((AuthResult.Granted) auth).grant();
        String joinedRoom = wanted != null ? wanted : g.room();
        if ("*".equals(joinedRoom)) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "a wildcard token needs \"room\" in join", id));
            return;
        }
        grant = g;
        room = joinedRoom;
        if (joinTimer != null) {
            joinTimer.cancel(false);
        }
        hub.join(room, ctx);
        ObjectNode joined = messages.frame("joined", id);
        joined.putObject("room").put("name", room);
        RtcMessages.participant(joined.putObject("participant"), g.identity(), g.name());
        joined.set("participants", hub.snapshot(room));
        reply(ctx, joined);
        LOG.info("signalling joined room={} identity={}", room, g.identity());
    }

    private void reply(ChannelHandlerContext ctx, ObjectNode frame) {
        send(ctx, messages.write(frame));
    }

    private void close(ChannelHandlerContext ctx, int closeCode, RtcError error, String reason) {
        reply(ctx, messages.error(error, reason, null));
        ctx.writeAndFlush(new CloseWebSocketFrame(closeCode, error.code())).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (joinTimer != null) {
            joinTimer.cancel(false);
        }
        if (room != null) {
            hub.leave(room, ctx);
            LOG.info("signalling left room={} identity={}", room, grant.identity());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("signalling socket error: {}", cause.toString());
        ctx.close();
    }
}
