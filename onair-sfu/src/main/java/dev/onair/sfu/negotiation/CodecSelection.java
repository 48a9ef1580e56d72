package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.Fmtp;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.RtpMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks the codecs we answer on one m-line from its offered formats, in the offer's order
 * (RFC 8829 section 5.3.1: the answer keeps the offerer's payload types).
 */
final class CodecSelection {
    private CodecSelection() {
    }

    /**
     * The supported codecs of an m-line: all of them for a subscriber (the publisher may bring either
     * VP8 or H.264), only the offerer's most preferred one for a publisher.
     */
    static List<NegotiatedCodec> select(MediaDescription offered, MediaKind kind, boolean publish) {
        List<NegotiatedCodec> out = new ArrayList<>();
        for (String format : offered.formats()) {
            int pt = parsePayloadType(format);
            RtpMap map = pt < 0 ? null : offered.rtpMap(pt);
            if (map == null) {
                continue;
            }
            Fmtp fmtp = offered.fmtp(pt);
            if (!CodecRules.isSupported(kind, map, fmtp)) {
                continue;
            }
            int rtxPt = kind == MediaKind.VIDEO ? CodecRules.rtxFor(pt, offered) : -1;
            out.add(new NegotiatedCodec(map.encodingName(), pt, map.clockRateHz(), map.channels(),
                    CodecRules.answerFmtp(map, fmtp), CodecRules.answerFeedback(kind, offered.rtcpFeedback(pt)),
                    rtxPt));
            if (publish) {
                break;
            }
        }
        if (kind == MediaKind.AUDIO) {
            addRed(offered, publish, out);
        }
        return out;
    }

    /**
     * Adds the offered RFC 2198 {@code red/48000/2} whose blocks all name a selected opus payload type: first for a
     * publisher (libwebrtc sends RED only when it comes before the codec it carries), in offer order otherwise.
     */
    private static void addRed(MediaDescription offered, boolean publish, List<NegotiatedCodec> selected) {
        for (String format : offered.formats()) {
            int pt = parsePayloadType(format);
            RtpMap map = pt < 0 ? null : offered.rtpMap(pt);
            if (map == null || !CodecRules.isRed(map)) {
                continue;
            }
            int primary = CodecRules.redPrimary(offered.fmtp(pt));
            NegotiatedCodec opus = null;
            for (NegotiatedCodec c : selected) {
                opus = c.payloadType() == primary && c.name().equalsIgnoreCase("opus") ? c : opus;
            }
            if (opus == null) {
                continue;
            }
            NegotiatedCodec red = new NegotiatedCodec(map.encodingName(), pt, map.clockRateHz(), map.channels(),
                    Map.of(offered.fmtp(pt).raw().trim(), ""), CodecRules.answerFeedback(MediaKind.AUDIO,
                            offered.rtcpFeedback(pt)));
            if (publish) {
                selected.add(0, red);
            } else {
                selected.add(offered.formats().indexOf(format) < offered.formats().indexOf(
                        Integer.toString(opus.payloadType())) ? selected.indexOf(opus) : selected.size(), red);
            }
            return;
        }
    }

    private static int parsePayloadType(String format) {
        if (format.isEmpty() || format.length() > 3) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 127 ? v : -1;
    }
}
