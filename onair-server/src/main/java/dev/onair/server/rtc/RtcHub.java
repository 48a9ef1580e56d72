package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.server.auth.TokenService;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomEventListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The joined signalling sockets of every room, and the bridge from the SFU's room events to their frames.
 * Events arrive on the media loop; writing a frame to a Netty channel from there is safe (Netty hops to the
 * channel's own loop) and never blocks.
 */
public final class RtcHub implements RoomEventListener {
    /** Close the socket when no join arrived this long after the upgrade. */
    static final long JOIN_TIMEOUT_MILLIS = 10_000;
    /** The largest text frame we read; larger ones get an error frame. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final TokenService tokens;
    private final MediaService media;
    private final RtcMessages messages = new RtcMessages(new ObjectMapper());
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<ChannelHandlerContext>> joined = new ConcurrentHashMap<>();
    private final long joinTimeoutMillis;

    public RtcHub(TokenService tokens, MediaService media) {
        this(tokens, media, JOIN_TIMEOUT_MILLIS);
    }

    /** With another join timeout (tests). */
    public RtcHub(TokenService tokens, MediaService media, long joinTimeoutMillis) {
        this.tokens = tokens;
        this.media = media;
        this.joinTimeoutMillis = joinTimeoutMillis;
        media.addListener(this);
    }

    /** A new handler for one connection (handlers hold per-socket state). */
    public ChannelHandler newHandler() {
        return new RtcSocketHandler(this, tokens, messages, json, joinTimeoutMillis);
    }

    void join(String room, ChannelHandlerContext ctx) {
        joined.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(ctx);
    }

    void leave(String room, ChannelHandlerContext ctx) {
        joined.computeIfPresent(room, (r, set) -> {
            set.remove(ctx);
            return set.isEmpty() ? null : set;
        });
    }

    /** The participants with media in the room now, one entry per identity. */
    ArrayNode snapshot(String room) {
        Map<String, ObjectNode> byIdentity = new TreeMap<>();
        for (MediaStatus.SessionInfo s : media.status().sessions()) {
            if (s.room().equals(room)) {
                ObjectNode p = byIdentity.computeIfAbsent(s.identity(), id -> {
                    ObjectNode n = json.createObjectNode();
                    n.put("identity", id);
                    n.put("publishing", false);
                    return n;
                });
                if ("publish".equals(s.kind())) {
                    p.put("publishing", true);
                }
            }
        }
        ArrayNode out = json.createArrayNode();
        byIdentity.values().forEach(out::add);
        return out;
    }

    @Override
    public void onEvent(RoomEvent event) {
        Set<ChannelHandlerContext> sockets = joined.get(event.room());
        if (sockets == null || sockets.isEmpty()) {
            return;
        }
        ObjectNode frame = messages.event(event);
        if (frame == null) {
            return;
        }
        String text = messages.write(frame);
        for (ChannelHandlerContext ctx : sockets) {
            RtcSocketHandler.send(ctx, text);
        }
    }
}
