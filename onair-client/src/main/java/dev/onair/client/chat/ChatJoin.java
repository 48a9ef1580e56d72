package dev.onair.client.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The first frame of a {@code /chat} socket: the token, the room, and optionally the resume point ({@code epoch} and
 * {@code lastSeq} go together; absent: a fresh join).
 */
public record ChatJoin(String token, String room, Long epoch, Long lastSeq) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChatJoin {
        Objects.requireNonNull(token, "token");
        if ((epoch == null) != (lastSeq == null)) {
            throw new IllegalArgumentException("epoch and lastSeq go together");
        }
    }

    /** A fresh join: the server answers {@code resumed} with {@code fresh: true} and a snapshot. */
    public static ChatJoin fresh(String token, String room) {
        return new ChatJoin(token, room, null, null);
    }

    /** A join that resumes after {@code lastSeq} of {@code epoch}. */
    public static ChatJoin resume(String token, String room, long epoch, long lastSeq) {
        return new ChatJoin(token, room, epoch, lastSeq);
    }

    /** The join frame's JSON text. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode().put("type", "join").put("token", token);
        if (room != null) {
            n.put("room", room);
        }
        if (epoch != null) {
            n.put("epoch", epoch).put("lastSeq", lastSeq);
        }
        return n.toString();
    }
}
