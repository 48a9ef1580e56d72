package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.server.auth.AuthError;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Grant;
import dev.onair.server.auth.Permission;
import dev.onair.sfu.api.CommandResult;
import dev.onair.sfu.api.JoinOutcome;
import dev.onair.sfu.api.JoinRequest;
import dev.onair.sfu.api.MediaError;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.NegotiationOutcome;
import dev.onair.sfu.api.PublishRequest;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.api.SubscribeRequest;
import dev.onair.sfu.api.TrackSource;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signalling socket: waits for {@code join} (10 s), authenticates it with the same tokens as WHIP/WHEP,
 * joins or resumes the participant in the SFU, and turns {@code publish}, {@code subscribe}, {@code mute},
 * {@code trickle}, {@code ping}, {@code leave}, {@code client_stats}, {@code track_view} and the lab's
 * {@code set_impairment}/{@code clear_impairment} (see {@link RtcLab}) into media-service calls and their answers.
 * Every bad frame becomes an {@code error} frame; only authentication failures, the join timeout, {@code leave} and a
 * removal close the socket. A socket that drops without {@code leave} starts the participant's resume window.
 */
final class RtcSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(RtcSocketHandler.class);
    /** Close codes (RFC 6455 §7.4.2 application range). */
    static final int CLOSE_UNAUTHENTICATED = 4401;
    static final int CLOSE_FORBIDDEN = 4403;
    static final int CLOSE_JOIN_TIMEOUT = 4408;
    private static final int MAX_TRACKS_PER_OFFER = 256;

    private final RtcHub hub;
    private final RtcMessages messages;
    private final ObjectMapper json = new ObjectMapper();
    private ScheduledFuture<?> joinTimer;
    private boolean joining;
    private volatile RtcParticipant participant;
    /** Bytes of the text frame being handled (client_stats has a tighter limit than other messages). */
    private int frameBytes;

    RtcSocketHandler(RtcHub hub) {
        this.hub = hub;
        this.messages = hub.messages();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            joinTimer = ctx.executor().schedule(() -> {
                if (participant == null) {
                    close(ctx, CLOSE_JOIN_TIMEOUT, RtcError.JOIN_TIMEOUT,
                            "no join within " + hub.joinTimeoutMillis() + " ms of the upgrade", null);
                }
            }, hub.joinTimeoutMillis(), TimeUnit.MILLISECONDS);
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
        frameBytes = text.content().readableBytes();
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
        if ("ping".equals(type)) {
            ObjectNode pong = messages.frame("pong", id);
            if (msg.has("ts")) {
                pong.set("ts", msg.get("ts"));
            }
            reply(ctx, pong);
            return;
        }
        if ("join".equals(type)) {
            join(ctx, msg, id);
            return;
        }
        RtcParticipant p = participant;
        if (p == null || !p.isJoined()) {
            reply(ctx, messages.error(RtcError.NOT_JOINED, "join first", id));
            return;
        }
        switch (type) {
            case "leave" -> leave(ctx, p);
            case "publish" -> publish(ctx, p, msg, id);
            case "subscribe" -> subscribe(ctx, p, msg, id);
            case "mute" -> mute(ctx, p, msg, id);
            case "trickle" -> trickle(ctx, msg, id);
            case "set_impairment" -> hub.lab().set(p, msg, id);
            case "clear_impairment" -> hub.lab().clear(p, id);
            case "client_stats" -> clientStats(ctx, p, msg, id);
            case "track_view" -> trackView(ctx, p, msg, id);
            default -> reply(ctx, messages.error(RtcError.UNKNOWN_TYPE, "unknown message type \"" + type + "\"", id));
        }
    }

    // --- join / resume / leave ----------------------------------------------------------------------------

    private void join(ChannelHandlerContext ctx, JsonNode msg, String id) {
        if (participant != null || joining) {
            reply(ctx, messages.error(RtcError.ALREADY_JOINED, "this socket already joined", id));
            return;
        }
        JsonNode token = msg.get("token");
        JsonNode roomNode = msg.get("room");
        JsonNode resumeNode = msg.get("resume");
        if (token == null || !token.isTextual() || (roomNode != null && !roomNode.isTextual())
                || (resumeNode != null && !resumeNode.isTextual() && !resumeNode.isNull())) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST,
                    "join needs a string \"token\" (and optional strings \"room\" and \"resume\")", id));
            return;
        }
        String wanted = roomNode == null ? null : roomNode.asText();
        AuthResult auth = hub.tokens().verify("Bearer " + token.asText(), wanted, Permission.SUBSCRIBE);
        if (auth instanceof AuthResult.Denied d && d.error() == AuthError.FORBIDDEN) {
            AuthResult asPublisher = hub.tokens().verify("Bearer " + token.asText(), wanted, Permission.PUBLISH);
            if (asPublisher instanceof AuthResult.Granted) {
                auth = asPublisher; // joining needs publish or subscribe
            }
        }
        if (auth instanceof AuthResult.Denied denied) {
            boolean forbidden = denied.error() == AuthError.FORBIDDEN;
            close(ctx, forbidden ? CLOSE_FORBIDDEN : CLOSE_UNAUTHENTICATED,
                    forbidden ? RtcError.FORBIDDEN : RtcError.UNAUTHENTICATED, denied.reason(), id);
            return;
        }
        Grant g = ((AuthResult.Granted) auth).grant();
        String room = wanted != null ? wanted : g.room();
        if ("*".equals(room)) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "a wildcard token needs \"room\" in join", id));
            return;
        }
        joining = true;
        RtcParticipant p = new RtcParticipant(ctx, messages, room, g.identity(), id, hub.resumeWindowSeconds(),
                g.allows(Permission.LAB));
        participant = p;
        JoinRequest request = new JoinRequest(room, g.identity(), g.name(), g.metadata(),
                g.allows(Permission.PUBLISH), RoomKind.fromWire(g.roomKind()));
        String resumeKey = resumeNode != null && resumeNode.isTextual() ? resumeNode.asText() : null;
        CompletableFuture<JoinOutcome> outcome = resumeKey == null
                ? hub.media().join(request, p)
                : hub.media().resume(room, g.identity(), resumeKey, p).thenCompose(r ->
                        r instanceof JoinOutcome.Rejected ? hub.media().join(request, p)
                                : CompletableFuture.completedFuture(r));
        outcome.whenComplete((r, failure) -> ctx.executor().execute(() -> {
            joining = false;
            if (r instanceof JoinOutcome.Joined) {
                if (joinTimer != null) {
                    joinTimer.cancel(false);
                }
                LOG.info("signalling joined room={} identity={} resumed={}", room, g.identity(),
                        ((JoinOutcome.Joined) r).resumed());
                if (!ctx.channel().isActive()) {
                    hub.media().detach(room, g.identity(), p); // the socket died while joining
                }
                return;
            }
            participant = null;
            if (r instanceof JoinOutcome.Rejected rej) {
                reply(ctx, messages.error(errorOf(rej.error()), rej.reason(), id));
            } else {
                reply(ctx, messages.error(RtcError.INTERNAL, "the join failed inside the server", id));
            }
        }));
    }

    private void leave(ChannelHandlerContext ctx, RtcParticipant p) {
        p.markGone();
        hub.media().leave(p.room(), p.identity(), p).whenComplete((left, failure) ->
                ctx.executor().execute(() -> ctx.writeAndFlush(new CloseWebSocketFrame(1000, "left"))
                        .addListener(ChannelFutureListener.CLOSE)));
    }

    // --- publish / subscribe / mute / trickle -------------------------------------------------------------

    private void publish(ChannelHandlerContext ctx, RtcParticipant p, JsonNode msg, String id) {
        JsonNode sdp = msg.get("sdp");
        JsonNode tracks = msg.get("tracks");
        if (sdp == null || !sdp.isTextual() || (tracks != null && !tracks.isArray())
                || (tracks != null && tracks.size() > MAX_TRACKS_PER_OFFER)) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "publish needs a string \"sdp\" and an array \"tracks\"",
                    id));
            return;
        }
        Map<String, PublishRequest.TrackIntent> intents = new HashMap<>();
        if (tracks != null) {
            for (JsonNode t : tracks) {
                JsonNode mid = t.get("mid");
                JsonNode source = t.get("source");
                JsonNode muted = t.get("muted");
                TrackSource parsed = source == null || source.isNull() ? null
                        : source.isTextual() ? TrackSource.fromWire(source.asText()) : null;
                if (!t.isObject() || mid == null || !mid.isTextual() || (source != null && !source.isNull()
                        && parsed == null) || (muted != null && !muted.isBoolean())) {
                    reply(ctx, messages.error(RtcError.BAD_REQUEST, "each track needs a string \"mid\", a \"source\" "
                            + "of camera, microphone, screen, screen_audio, and an optional boolean \"muted\"", id));
                    return;
                }
                intents.put(mid.asText(), new PublishRequest.TrackIntent(parsed, muted != null && muted.asBoolean()));
            }
        }
        answer(hub.media().publishConnection(new PublishRequest(p.room(), p.identity(), sdp.asText(), intents)),
                p, id, a -> p.send(messages.publishAnswer(a, id)));
    }

    private void subscribe(ChannelHandlerContext ctx, RtcParticipant p, JsonNode msg, String id) {
        JsonNode sdp = msg.get("sdp");
        JsonNode tracks = msg.get("tracks");
        if (sdp == null || !sdp.isTextual() || (tracks != null && !tracks.isArray())
                || (tracks != null && tracks.size() > MAX_TRACKS_PER_OFFER)) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST,
                    "subscribe needs a string \"sdp\" and an array \"tracks\"", id));
            return;
        }
        Map<String, String> sidByMid = new HashMap<>();
        if (tracks != null) {
            for (JsonNode t : tracks) {
                JsonNode mid = t.get("mid");
                JsonNode sid = t.get("sid");
                if (!t.isObject() || mid == null || !mid.isTextual() || sid == null || !sid.isTextual()) {
                    reply(ctx, messages.error(RtcError.BAD_REQUEST, "each track needs string \"mid\" and \"sid\"",
                            id));
                    return;
                }
                sidByMid.put(mid.asText(), sid.asText());
            }
        }
        answer(hub.media().subscribeConnection(new SubscribeRequest(p.room(), p.identity(), sdp.asText(), sidByMid)),
                p, id, a -> p.send(messages.subscribeAnswer(a, sidByMid, id)));
    }

    private void answer(CompletableFuture<NegotiationOutcome> future, RtcParticipant p, String id,
                        Consumer<NegotiationOutcome.Answered> onAnswer) {
        future.whenComplete((r, failure) -> {
            if (r instanceof NegotiationOutcome.Answered a) {
                onAnswer.accept(a);
            } else if (r instanceof NegotiationOutcome.Rejected rej) {
                p.send(messages.error(errorOf(rej.error()), rej.reason(), id));
            } else {
                p.send(messages.error(RtcError.INTERNAL, "the negotiation failed inside the server", id));
            }
        });
    }

    private void mute(ChannelHandlerContext ctx, RtcParticipant p, JsonNode msg, String id) {
        JsonNode sid = msg.get("sid");
        JsonNode muted = msg.get("muted");
        if (sid == null || !sid.isTextual() || muted == null || !muted.isBoolean()) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "mute needs a string \"sid\" and a boolean \"muted\"", id));
            return;
        }
        hub.media().setMuted(p.room(), p.identity(), sid.asText(), muted.asBoolean(), false)
                .whenComplete((CommandResult r, Throwable failure) -> {
                    if (r != null && r.isOk()) {
                        p.send(messages.frame("ok", id));
                    } else {
                        p.send(messages.error(r == null ? RtcError.INTERNAL : errorOf(r.error()),
                                r == null ? "mute failed inside the server" : r.reason(), id));
                    }
                });
    }

    private void trickle(ChannelHandlerContext ctx, JsonNode msg, String id) {
        JsonNode pc = msg.get("pc");
        JsonNode candidate = msg.get("candidate");
        boolean pcOk = pc != null && pc.isTextual() && (pc.asText().equals("publisher")
                || pc.asText().equals("subscriber"));
        boolean candidateOk = candidate == null || candidate.isNull()
                || (candidate.isObject() && candidate.path("candidate").isTextual());
        if (!pcOk || !candidateOk) {
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "trickle needs \"pc\" (publisher or subscriber) and a "
                    + "\"candidate\" object with a string \"candidate\", or null", id));
            return;
        }
        hub.countTrickle();
    }

    /**
     * The browser's own getStats() summary: validated ({@link ClientStatsParser}), then handed to the SFU. Silent
     * on success unless the message had an {@code id} (then {@code ok}); bad input gets {@code bad_request}.
     */
    private void clientStats(ChannelHandlerContext ctx, RtcParticipant p, JsonNode msg, String id) {
        if (frameBytes > ClientStatsParser.MAX_BYTES) {
            hub.countClientStatsRejected(MessageRejection.TOO_LARGE);
            reply(ctx, messages.error(RtcError.FRAME_TOO_LARGE, "client_stats is limited to "
                    + ClientStatsParser.MAX_BYTES + " bytes", id));
            return;
        }
        ClientStatsParser.Parsed parsed = ClientStatsParser.parse(msg);
        if (parsed.error() != null) {
            hub.countClientStatsRejected(MessageRejection.MALFORMED);
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "client_stats: " + parsed.error(), id));
            return;
        }
        hub.media().clientStats(p.room(), p.identity(), parsed.stats()).whenComplete((r, failure) -> {
            if (r != null && r.isOk()) {
                hub.countClientStatsAccepted(); // counted once the SFU took it: a refusal is counted as refused only
            } else if (r != null) {
                hub.countClientStatsRejected(MessageRejection.REFUSED);
            }
            if (id == null) {
                return;
            }
            if (r != null && r.isOk()) {
                p.send(messages.frame("ok", id));
            } else {
                p.send(messages.error(r == null ? RtcError.INTERNAL : errorOf(r.error()),
                        r == null ? "client_stats failed inside the server" : r.reason(), id));
            }
        });
    }

    /**
     * The size a subscriber shows a video track at ({@code sid}, {@code width}, {@code height} in device pixels,
     * 0x0 = not visible), stored in the SFU for the layer choice. Silent on success unless the message had an
     * {@code id} (then {@code ok}); malformed input gets {@code bad_request} (counted), a sid the participant does not
     * subscribe to {@code unknown_track}.
     */
    private void trackView(ChannelHandlerContext ctx, RtcParticipant p, JsonNode msg, String id) {
        JsonNode sid = msg.get("sid");
        JsonNode width = msg.get("width");
        JsonNode height = msg.get("height");
        if (sid == null || !sid.isTextual() || sid.asText().isEmpty() || !isViewPx(width) || !isViewPx(height)) {
            hub.countTrackViewRejected(MessageRejection.MALFORMED);
            reply(ctx, messages.error(RtcError.BAD_REQUEST, "track_view needs a string \"sid\" and integer \"width\" "
                    + "and \"height\" in 0.." + MediaService.MAX_VIEW_PX, id));
            return;
        }
        hub.media().setTrackView(p.room(), p.identity(), sid.asText(), width.intValue(), height.intValue())
                .whenComplete((r, failure) -> {
                    if (r != null && r.isOk()) {
                        if (id != null) {
                            p.send(messages.frame("ok", id));
                        }
                    } else {
                        if (r != null) {
                            hub.countTrackViewRejected(MessageRejection.REFUSED);
                        }
                        p.send(messages.error(r == null ? RtcError.INTERNAL : errorOf(r.error()),
                                r == null ? "track_view failed inside the server" : r.reason(), id));
                    }
                });
    }

    private static boolean isViewPx(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0
                && n.intValue() <= MediaService.MAX_VIEW_PX;
    }

    static RtcError errorOf(MediaError e) {
        return switch (e) {
            case MALFORMED_SDP, UNSUPPORTED_SDP -> RtcError.NEGOTIATION_FAILED;
            case AT_CAPACITY -> RtcError.AT_CAPACITY;
            case NOT_FOUND -> RtcError.UNKNOWN_TRACK;
            case FORBIDDEN -> RtcError.FORBIDDEN;
            case INVALID -> RtcError.BAD_REQUEST;
            case CONFLICT -> RtcError.NOT_JOINED;
            case INTERNAL -> RtcError.INTERNAL;
        };
    }

    // --- plumbing -----------------------------------------------------------------------------------------

    private void reply(ChannelHandlerContext ctx, ObjectNode frame) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new TextWebSocketFrame(messages.write(frame)), ctx.voidPromise());
        }
    }

    private void close(ChannelHandlerContext ctx, int closeCode, RtcError error, String reason, String replyTo) {
        reply(ctx, messages.error(error, reason, replyTo));
        ctx.writeAndFlush(new CloseWebSocketFrame(closeCode, error.code())).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (joinTimer != null) {
            joinTimer.cancel(false);
        }
        RtcParticipant p = participant;
        if (p != null && p.isJoined() && !p.isGone()) {
            hub.media().detach(p.room(), p.identity(), p);
            LOG.info("signalling dropped room={} identity={}; resume window open", p.room(), p.identity());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("signalling socket error: {}", cause.toString());
        if (cause instanceof TooLongFrameException && ctx.channel().isActive()) {
            // A message over 128 KiB sent in fragments (one large frame is refused by the decoder itself).
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.close();
    }
}
