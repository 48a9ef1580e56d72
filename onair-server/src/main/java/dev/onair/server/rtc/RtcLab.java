package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.lab.impair.Presets;
import dev.onair.server.lab.ImpairmentRequest;
import dev.onair.server.lab.LinkDirection;
import dev.onair.sfu.api.CommandResult;
import dev.onair.sfu.api.MediaService;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The network lab over {@code /rtc}: a joined participant whose token holds {@code lab} impairs its own network
 * with {@code set_impairment} {@code {preset, seed?, direction?}} (direction {@code uplink}, {@code downlink} or
 * {@code both}, the default) and lifts it with {@code clear_impairment}. Only presets, only itself: the body is
 * validated by the admin API's {@link ImpairmentRequest}. Replies: {@code impairment} with what is applied
 * ({@code enabled}, {@code preset}, {@code seed}, {@code direction}), or an error frame ({@code forbidden},
 * {@code unknown_preset}, {@code bad_request}); the socket stays open either way.
 */
final class RtcLab {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, LinkDirection> DIRECTIONS = Map.of(
            "uplink", LinkDirection.UP, "downlink", LinkDirection.DOWN, "both", LinkDirection.BOTH);
    private static final String DEFAULT_DIRECTION = "both";

    private final MediaService media;
    private final RtcMessages messages;
    private final LongSupplier seeds;

    /** @param seeds draws the seed of a request that names none (it is sent back) */
    RtcLab(MediaService media, RtcMessages messages, LongSupplier seeds) {
        this.media = media;
        this.messages = messages;
        this.seeds = seeds;
    }

    /** Adds {@code lab: {presets: [...]}} to a {@code joined} frame. */
    static void describe(ObjectNode joined) {
        ArrayNode presets = joined.putObject("lab").putArray("presets");
        Presets.names().forEach(presets::add);
    }

    void set(RtcParticipant p, JsonNode msg, String id) {
        if (!p.mayUseLab()) {
            p.send(messages.error(RtcError.FORBIDDEN, "set_impairment needs the lab permission in the token", id));
            return;
        }
        JsonNode preset = msg.get("preset");
        if (preset == null || !preset.isTextual()) {
            p.send(messages.error(RtcError.BAD_REQUEST, "set_impairment needs a string \"preset\", one of "
                    + String.join(", ", Presets.names()), id));
            return;
        }
        if (Presets.named(preset.asText()).isEmpty()) {
            p.send(messages.error(RtcError.UNKNOWN_PRESET, "unknown preset \"" + preset.asText() + "\"; known: "
                    + String.join(", ", Presets.names()), id));
            return;
        }
        JsonNode dir = msg.get("direction");
        String direction = dir == null || dir.isNull() ? DEFAULT_DIRECTION : dir.isTextual() ? dir.asText() : "";
        if (!DIRECTIONS.containsKey(direction)) {
            p.send(messages.error(RtcError.BAD_REQUEST, "direction must be \"uplink\", \"downlink\" or \"both\"", id));
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("preset", preset.asText())
                .put("direction", DIRECTIONS.get(direction).wireName());
        JsonNode seed = msg.get("seed");
        if (seed != null && !seed.isNull()) {
            body.set("seed", seed);
        }
        ImpairmentRequest.Parsed parsed = ImpairmentRequest.parse(body, seeds);
        if (parsed.error() != null) {
            p.send(messages.error(RtcError.BAD_REQUEST, parsed.error(), id));
            return;
        }
        ImpairmentRequest req = parsed.request();
        media.setImpairment(p.room(), p.identity(), req.setting()).whenComplete((r, failure) -> {
            if (r != null && r.isOk()) {
                p.send(messages.frame("impairment", id).put("enabled", true).put("preset", req.preset())
                        .put("seed", req.seed()).put("direction", direction));
            } else {
                p.send(failed(r, id));
            }
        });
    }

    void clear(RtcParticipant p, String id) {
        if (!p.mayUseLab()) {
            p.send(messages.error(RtcError.FORBIDDEN, "clear_impairment needs the lab permission in the token", id));
            return;
        }
        media.clearImpairment(p.room(), p.identity()).whenComplete((r, failure) -> {
            if (r != null && r.isOk()) {
                p.send(messages.frame("impairment", id).put("enabled", false));
            } else {
                p.send(failed(r, id));
            }
        });
    }

    private ObjectNode failed(CommandResult r, String id) {
        return messages.error(r == null ? RtcError.INTERNAL : RtcSocketHandler.errorOf(r.error()),
                r == null ? "the network lab failed inside the server" : r.reason(), id);
    }
}
