package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.sfu.api.JoinOutcome;
import dev.onair.sfu.api.ParticipantListener;
import dev.onair.sfu.api.RoomEvent;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;

/**
 * One socket's participant, as the SFU sees it: turns the join, the events and a removal into frames on
 * that socket. Called on the media loop; a write from there is queued onto the channel's own loop in order,
 * so {@code joined} always precedes the events that follow it. Never blocks.
 */
final class RtcParticipant implements ParticipantListener {
    /** Close codes (RFC 6455 §7.4.2 application range). */
    static final int CLOSE_REPLACED = 4409;
    static final int CLOSE_REMOVED = 4410;
    static final int CLOSE_ROOM_CLOSED = 4411;

    private final ChannelHandlerContext ctx;
    private final RtcMessages messages;
    private final String room;
    private final String identity;
    private final String joinId;
    private final long resumeWindowSeconds;
    private final boolean lab;
    private volatile boolean joined;
    private volatile boolean gone;

    RtcParticipant(ChannelHandlerContext ctx, RtcMessages messages, String room, String identity, String joinId,
                   long resumeWindowSeconds) {
        this(ctx, messages, room, identity, joinId, resumeWindowSeconds, false);
    }

    /** @param lab the token holds {@code lab}: it may impair its own network, and {@code joined} lists the presets */
    RtcParticipant(ChannelHandlerContext ctx, RtcMessages messages, String room, String identity, String joinId,
                   long resumeWindowSeconds, boolean lab) {
        this.lab = lab;
        this.ctx = ctx;
        this.messages = messages;
        this.room = room;
        this.identity = identity;
        this.joinId = joinId;
        this.resumeWindowSeconds = resumeWindowSeconds;
    }

    String room() {
        return room;
    }

    String identity() {
        return identity;
    }

    /** True when its token holds {@code lab}. */
    boolean mayUseLab() {
        return lab;
    }

    /** True once {@code joined} was sent. */
    boolean isJoined() {
        return joined;
    }

    /** True once the SFU removed it or it left: the socket's close must not start a resume window. */
    boolean isGone() {
        return gone;
    }

    void markGone() {
        gone = true;
    }

    @Override
    public void onJoined(JoinOutcome.Joined outcome) {
        joined = true;
        ObjectNode frame = messages.joined(outcome, joinId, resumeWindowSeconds);
        if (lab) {
            RtcLab.describe(frame);
        }
        send(frame);
    }

    @Override
    public void onEvent(RoomEvent event) {
        ObjectNode frame = messages.event(event);
        if (frame != null) {
            send(frame);
        }
    }

    @Override
    public void onPublisherLayers(String trackSid, List<String> activeRids) {
        send(messages.layers(trackSid, activeRids));
    }

    @Override
    public void onRemoved(RemovalCause cause, String reason) {
        gone = true;
        RtcError error;
        int code;
        switch (cause) {
            case REPLACED -> {
                error = RtcError.REPLACED;
                code = CLOSE_REPLACED;
            }
            case ROOM_CLOSED -> {
                error = RtcError.ROOM_CLOSED;
                code = CLOSE_ROOM_CLOSED;
            }
            default -> {
                error = RtcError.REMOVED;
                code = CLOSE_REMOVED;
            }
        }
        send(messages.error(error, reason, null));
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(code, error.code())).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void send(ObjectNode frame) {
        if (ctx.channel().isActive()) {
            try {
                ctx.writeAndFlush(new TextWebSocketFrame(messages.write(frame)), ctx.voidPromise());
            } catch (java.util.concurrent.RejectedExecutionException e) {
                gone = true; // the server is shutting down its HTTP loops: nobody is left to tell
            }
        }
    }
}
