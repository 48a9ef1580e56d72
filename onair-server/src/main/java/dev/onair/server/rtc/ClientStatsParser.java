package dev.onair.server.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.sfu.api.ClientStats;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a {@code client_stats} message (docs/protocol.md) into {@link ClientStats}. Never throws: a bad
 * message gives a one-line reason naming the field. Field names and units are the W3C webrtc-stats ones
 * (seconds for {@code jitter}, {@code totalFreezesDuration}, {@code jitterBufferDelay},
 * {@code currentRoundTripTime}); every field but {@code ssrc} and {@code kind} is optional; numbers must be finite
 * and not negative, counters whole.
 */
final class ClientStatsParser {
    /** The largest {@code client_stats} frame accepted (a few hundred bytes per entry are plenty). */
    static final int MAX_BYTES = 16 * 1024;
    /** Entries per list: a peer connection rarely carries more than a handful of streams. */
    static final int MAX_ENTRIES = 32;
    private static final long MAX_SSRC = 0xFFFF_FFFFL;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final String[] INBOUND_COUNTERS = {"packetsReceived", "packetsLost", "framesDecoded",
        "frameWidth", "frameHeight", "freezeCount", "concealedSamples", "totalSamplesReceived",
        "jitterBufferEmittedCount", "nackCount"};
    private static final String[] INBOUND_REALS = {"jitter", "framesPerSecond", "totalFreezesDuration",
        "jitterBufferDelay"};
    private static final String[] OUTBOUND_COUNTERS = {"packetsSent", "framesEncoded", "frameWidth", "frameHeight"};

    /** Either {@code stats} or {@code error}. */
    record Parsed(ClientStats stats, String error) {
        static Parsed fail(String error) {
            return new Parsed(null, error);
        }
    }

    private ClientStatsParser() {
    }

    static Parsed parse(JsonNode msg) {
        JsonNode in = msg.get("inbound");
        JsonNode out = msg.get("outbound");
        for (var e : new Object[][] {{"inbound", in}, {"outbound", out}}) {
            JsonNode list = (JsonNode) e[1];
            if (list != null && !list.isNull() && !list.isArray()) {
                return Parsed.fail("\"" + e[0] + "\" must be an array");
            }
            if (list != null && list.size() > MAX_ENTRIES) {
                return Parsed.fail("\"" + e[0] + "\" has more than " + MAX_ENTRIES + " entries");
            }
        }
        String rttError = checkReal(msg, "currentRoundTripTime");
        if (rttError != null) {
            return Parsed.fail(rttError);
        }
        Double rttSeconds = real(msg, "currentRoundTripTime");
        List<ClientStats.Inbound> inbound = new ArrayList<>();
        if (in != null && in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                JsonNode e = in.get(i);
                String error = checkEntry(e, INBOUND_COUNTERS, INBOUND_REALS);
                if (error == null) {
                    error = checkToken(e, "mid");
                }
                if (error != null) {
                    return Parsed.fail("inbound[" + i + "]: " + error);
                }
                inbound.add(new ClientStats.Inbound(e.get("ssrc").asLong(), e.get("kind").asText(), text(e, "mid"),
                        count(e, "packetsReceived"), count(e, "packetsLost"), real(e, "jitter"),
                        count(e, "framesDecoded"), real(e, "framesPerSecond"), count(e, "frameWidth"),
                        count(e, "frameHeight"), count(e, "freezeCount"), real(e, "totalFreezesDuration"),
                        count(e, "concealedSamples"), count(e, "totalSamplesReceived"), real(e, "jitterBufferDelay"),
                        count(e, "jitterBufferEmittedCount"), count(e, "nackCount")));
            }
        }
        List<ClientStats.Outbound> outbound = new ArrayList<>();
        if (out != null && out.isArray()) {
            for (int i = 0; i < out.size(); i++) {
                JsonNode e = out.get(i);
                String error = checkEntry(e, OUTBOUND_COUNTERS, new String[] {"framesPerSecond"});
                if (error == null) {
                    error = checkToken(e, "qualityLimitationReason");
                }
                if (error != null) {
                    return Parsed.fail("outbound[" + i + "]: " + error);
                }
                outbound.add(new ClientStats.Outbound(e.get("ssrc").asLong(), e.get("kind").asText(),
                        count(e, "packetsSent"), count(e, "framesEncoded"), real(e, "framesPerSecond"),
                        count(e, "frameWidth"), count(e, "frameHeight"), text(e, "qualityLimitationReason")));
            }
        }
        return new Parsed(new ClientStats(inbound, outbound, rttSeconds == null ? null : rttSeconds * 1000), null);
    }

    /** Null when the entry is an object with a valid ssrc, kind, counters and reals; else the reason. */
    private static String checkEntry(JsonNode e, String[] counters, String[] reals) {
        if (e == null || !e.isObject()) {
            return "an entry is an object";
        }
        JsonNode ssrc = e.get("ssrc");
        if (ssrc == null || !ssrc.isIntegralNumber() || !ssrc.canConvertToLong() || ssrc.asLong() < 0
                || ssrc.asLong() > MAX_SSRC) {
            return "\"ssrc\" must be an integer 0..4294967295";
        }
        JsonNode kind = e.get("kind");
        if (kind == null || !kind.isTextual() || !("audio".equals(kind.asText()) || "video".equals(kind.asText()))) {
            return "\"kind\" must be \"audio\" or \"video\"";
        }
        for (String name : counters) {
            JsonNode n = e.get(name);
            if (n != null && !n.isNull() && (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0)) {
                return "\"" + name + "\" must be a whole number, not negative";
            }
        }
        for (String name : reals) {
            String error = checkReal(e, name);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private static String checkReal(JsonNode e, String name) {
        JsonNode n = e.get(name);
        if (n != null && !n.isNull() && (!n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() < 0)) {
            return "\"" + name + "\" must be a finite number, not negative";
        }
        return null;
    }

    private static String checkToken(JsonNode e, String name) {
        JsonNode n = e.get(name);
        if (n != null && !n.isNull() && (!n.isTextual() || !TOKEN.matcher(n.asText()).matches())) {
            return "\"" + name + "\" must be a short string of letters, digits, '_', '.' or '-'";
        }
        return null;
    }

    private static Long count(JsonNode e, String name) {
        JsonNode n = e.get(name);
        return n == null || n.isNull() ? null : n.asLong();
    }

    private static Double real(JsonNode e, String name) {
        JsonNode n = e.get(name);
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static String text(JsonNode e, String name) {
        JsonNode n = e.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }
}
