package dev.onair.server.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.messaging.service.Session;
import dev.onair.messaging.wire.ErrorCode;
import dev.onair.messaging.wire.ServerFrames;
import dev.onair.server.auth.AuthError;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Grant;
import dev.onair.server.auth.Permission;
import dev.onair.server.http.RouteParser;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code /chat} socket: waits for {@code join} ({@link ChatHub#JOIN_TIMEOUT_MILLIS}), checks its token (any
 * valid token for the room may read; sending needs {@code chat}, deleting {@code admin}), joins or resumes the room in
 * the messaging service, then hands each text frame to the session. A bad join gets an {@code error} frame and a
 * close (4400/4401/4403/4408); after the join, binary and oversize frames get an error frame and the socket stays.
 */
final class ChatSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(ChatSocketHandler.class);
    /** Permissions that let a token read a room, tried in this order. */
    private static final List<Permission> READERS = List.of(Permission.CHAT, Permission.SUBSCRIBE,
            Permission.PUBLISH, Permission.ADMIN);

    private final ChatHub hub;
    private ScheduledFuture<?> joinTimer;
    private boolean upgraded;
    /** The join was refused: the socket is closing and later frames are ignored. */
    private boolean refused;
    private ChatConnection connection;
    private volatile Session session;

    ChatSocketHandler(ChatHub hub) {
        this.hub = hub;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            upgraded = true;
            hub.opened();
            joinTimer = ctx.executor().schedule(() -> {
                if (connection == null && !refused) {
                    refuseJoin(ctx, JoinError.JOIN_TIMEOUT, "no join within " + hub.joinTimeoutMillis()
                            + " ms of the upgrade");
                }
            }, hub.joinTimeoutMillis(), TimeUnit.MILLISECONDS);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        boolean binary = frame instanceof BinaryWebSocketFrame;
        if (!binary && !(frame instanceof TextWebSocketFrame)) {
            return; // ping/pong/close are handled by Netty's protocol handler
        }
        int bytes = frame.content().readableBytes();
        if (refused) {
            return;
        }
        if (connection == null) {
            if (binary || bytes > ChatHub.MAX_FRAME_BYTES) {
                refuseJoin(ctx, JoinError.BAD_REQUEST, binary ? "the join must be a JSON text frame"
                        : "frames are limited to " + ChatHub.MAX_FRAME_BYTES + " bytes");
                return;
            }
            join(ctx, ((TextWebSocketFrame) frame).text());
            return;
        }
        if (binary) {
            hub.countFrameError(ErrorCode.MALFORMED_JSON);
            reply(ctx, ServerFrames.error(ErrorCode.MALFORMED_JSON, "binary frames are not accepted: send JSON in "
                    + "text frames", null));
            return;
        }
        if (bytes > ChatHub.MAX_FRAME_BYTES) {
            hub.countFrameError(ErrorCode.PAYLOAD_TOO_LARGE);
            reply(ctx, ServerFrames.error(ErrorCode.PAYLOAD_TOO_LARGE, "frames are limited to "
                    + ChatHub.MAX_FRAME_BYTES + " bytes", null));
            return;
        }
        Session s = session;
        if (s != null) {
            s.onFrame(((TextWebSocketFrame) frame).text());
        }
    }

    private void join(ChannelHandlerContext ctx, String text) {
        ChatJoin.Parsed parsed = ChatJoin.parse(text);
        if (parsed.error() != null) {
            refuseJoin(ctx, JoinError.BAD_REQUEST, parsed.error());
            return;
        }
        ChatJoin j = parsed.join();
        if (j.room() != null && !RouteParser.ROOM.matcher(j.room()).matches()) {
            refuseJoin(ctx, JoinError.BAD_REQUEST, "invalid room name: use 1 to 64 of A-Z a-z 0-9 _ . -");
            return;
        }
        AuthResult auth = authenticate(j.token(), j.room());
        if (auth instanceof AuthResult.Denied denied) {
            boolean forbidden = denied.error() == AuthError.FORBIDDEN;
            refuseJoin(ctx, forbidden ? JoinError.FORBIDDEN : JoinError.UNAUTHENTICATED, denied.reason());
            return;
        }
        Grant g = ((AuthResult.Granted) auth).grant();
        String room = j.room() != null ? j.room() : g.room();
        if ("*".equals(room)) {
            refuseJoin(ctx, JoinError.BAD_REQUEST, "a wildcard token needs \"room\" in join");
            return;
        }
        if (joinTimer != null) {
            joinTimer.cancel(false);
        }
        connection = new ChatConnection(ctx.channel(), hub.outbox(ctx.channel().eventLoop()), g.identity(), g.name(),
                g.allows(Permission.CHAT), g.allows(Permission.ADMIN), hub.service().config().maxOutboundBytes());
        session = j.resume() ? hub.service().join(connection, room, j.epoch(), j.lastSeq())
                : hub.service().join(connection, room);
        LOG.debug("chat joined room={} identity={} resume={}", room, g.identity(), j.resume());
    }

    private AuthResult authenticate(String token, String room) {
        AuthResult first = null;
        for (Permission p : READERS) {
            AuthResult r = hub.tokens().verify("Bearer " + token, room, p);
            if (r instanceof AuthResult.Granted) {
                return r;
            }
            if (first == null) {
                first = r;
            }
            if (((AuthResult.Denied) r).error() != AuthError.FORBIDDEN) {
                return r; // a bad token is bad for every permission
            }
        }
        return first;
    }

    private void refuseJoin(ChannelHandlerContext ctx, JoinError error, String reason) {
        if (refused || !ctx.channel().isActive()) {
            return;
        }
        refused = true;
        hub.countJoinError(error);
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.put("type", "error").put("code", error.wireName()).put("reason", reason);
        reply(ctx, frame.toString());
        ctx.writeAndFlush(new CloseWebSocketFrame(error.closeCode(), error.wireName()))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static void reply(ChannelHandlerContext ctx, String frame) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new TextWebSocketFrame(frame), ctx.voidPromise());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (joinTimer != null) {
            joinTimer.cancel(false);
        }
        if (upgraded) {
            upgraded = false;
            hub.closed();
        }
        if (connection != null) {
            connection.markClosed();
        }
        Session s = session;
        if (s != null) {
            s.close();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("chat socket error: {}", cause.toString());
        if (cause instanceof TooLongFrameException && ctx.channel().isActive()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.close();
    }
}
