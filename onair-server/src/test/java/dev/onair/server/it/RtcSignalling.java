package dev.onair.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.client.Signalling;
import dev.onair.client.SignallingException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@link Signalling} for a {@link dev.onair.client.WebRtcPeer} over a joined {@code /rtc} socket: the peer's
 * offer goes out as {@code publish} (mid 0 microphone, mid 1 camera) or {@code subscribe} (the given sids per
 * mid), and the answer's SDP comes back. The last answer frame is kept for its {@code tracks}. A test can
 * rewrite the offer before it is sent (extra m-lines) and send further offers ({@link #offer}) itself.
 */
final class RtcSignalling implements Signalling {
    private final RtcClient client;
    private final boolean publish;
    private final Map<String, String> sidByMid;
    private final UnaryOperator<String> editOffer;
    private volatile JsonNode lastAnswer;

    private RtcSignalling(RtcClient client, boolean publish, Map<String, String> sidByMid,
                          UnaryOperator<String> editOffer) {
        this.client = client;
        this.publish = publish;
        this.sidByMid = new TreeMap<>(sidByMid);
        this.editOffer = editOffer;
    }

    /** Publishes the peer's audio (mid 0, microphone) and video (mid 1, camera). */
    static RtcSignalling publisher(RtcClient client) {
        return new RtcSignalling(client, true, Map.of(), UnaryOperator.identity());
    }

    /** Subscribes m-line {@code mid} to track {@code sid}, for each entry. */
    static RtcSignalling subscriber(RtcClient client, Map<String, String> sidByMid) {
        return subscriber(client, sidByMid, UnaryOperator.identity());
    }

    /** As {@link #subscriber(RtcClient, Map)}, sending {@code editOffer(offer)} instead of the peer's offer. */
    static RtcSignalling subscriber(RtcClient client, Map<String, String> sidByMid, UnaryOperator<String> editOffer) {
        return new RtcSignalling(client, false, sidByMid, editOffer);
    }

    @Override
    public Answer exchange(String sdpOffer) throws SignallingException {
        JsonNode reply = offer(editOffer.apply(sdpOffer));
        if (!reply.path("type").asText().endsWith("_answer")) {
            throw new SignallingException(400, reply.path("code").asText() + ": " + reply.path("message").asText());
        }
        return new Answer(reply.path("sdp").asText(), publish ? "rtc:publisher" : "rtc:subscriber");
    }

    /** Sends {@code sdp} as this connection's offer, with its tracks; returns the reply (answer or error). */
    JsonNode offer(String sdp) {
        ObjectNode msg = RtcClient.message(publish ? "publish" : "subscribe").put("sdp", sdp);
        ArrayNode tracks = msg.putArray("tracks");
        if (publish) {
            tracks.addObject().put("mid", "0").put("source", "microphone");
            tracks.addObject().put("mid", "1").put("source", "camera");
        } else {
            sidByMid.forEach((mid, sid) -> tracks.addObject().put("mid", mid).put("sid", sid));
        }
        JsonNode reply = client.request(msg);
        if (reply.path("type").asText().endsWith("_answer")) {
            lastAnswer = reply;
        }
        return reply;
    }

    /** The last {@code publish_answer} or {@code subscribe_answer}, or null. */
    JsonNode lastAnswer() {
        return lastAnswer;
    }

    /** The sid the last answer gave m-line {@code mid}, or null. */
    String sid(String mid) {
        return answerTrack(mid).path("sid").asText(null);
    }

    /** The state ({@code active}, {@code paused}, {@code unavailable}) the last answer gave m-line {@code mid}. */
    String state(String mid) {
        return answerTrack(mid).path("state").asText(null);
    }

    private JsonNode answerTrack(String mid) {
        JsonNode a = lastAnswer;
        if (a != null) {
            for (JsonNode t : a.path("tracks")) {
                if (mid.equals(t.path("mid").asText())) {
                    return t;
                }
            }
        }
        return MissingNode.getInstance();
    }

    /** Nothing to delete: a signalling participant's connections end with {@code leave} or its removal. */
    @Override
    public void end(String resource) {
    }
}
