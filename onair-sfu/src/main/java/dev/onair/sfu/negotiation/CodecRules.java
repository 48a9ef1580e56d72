package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.Fmtp;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.RtcpFb;
import dev.onair.protocol.sdp.RtpMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The codecs and RTCP feedback the SFU accepts: opus/48000/2 (RFC 7587), VP8/90000 (RFC 7741) and
 * H264/90000 (RFC 6184) with packetization-mode=1 and profile-level-id 42e01f or 42001f, each video codec
 * with its RFC 4588 {@code rtx} format when offered, and RFC 2198 {@code red/48000/2} over opus (audio
 * redundancy; see {@link CodecSelection}). No ulpfec or flexfec.
 */
final class CodecRules {
    private static final Set<String> H264_PROFILES = Set.of("42e01f", "42001f");
    private static final Set<String> VIDEO_FEEDBACK = Set.of("nack", "nack pli", "ccm fir", "goog-remb");
    /** Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01), any kind. */
    static final String TRANSPORT_CC = "transport-cc";

    private CodecRules() {
    }

    /** True when we can take this offered format. */
    static boolean isSupported(MediaKind kind, RtpMap map, Fmtp fmtp) {
        if (kind == MediaKind.AUDIO) {
            return map.is("opus") && map.clockRateHz() == 48000 && map.channels() == 2;
        }
        if (map.clockRateHz() != 90000) {
            return false;
        }
        if (map.is("VP8")) {
            return true;
        }
        if (!map.is("H264") || fmtp == null) {
            return false;
        }
        String profile = fmtp.parameter("profile-level-id");
        return "1".equals(fmtp.parameter("packetization-mode")) && profile != null
                && H264_PROFILES.contains(profile.toLowerCase(Locale.ROOT));
    }

    /** True for {@code red/48000/2} (RFC 2198 over opus, as Chromium offers it). */
    static boolean isRed(RtpMap map) {
        return map.is("red") && map.clockRateHz() == 48000 && map.channels() == 2;
    }

    /**
     * The payload type every block of a RED fmtp names ({@code 111/111}: primary and redundant blocks all opus
     * 111, RFC 2198 section 5), or -1 when the fmtp is missing, malformed or mixes payload types.
     */
    static int redPrimary(Fmtp fmtp) {
        if (fmtp == null) {
            return -1;
        }
        String raw = fmtp.raw().trim();
        if (raw.isEmpty() || raw.length() > 64) {
            return -1;
        }
        int pt = -1;
        for (String part : raw.split("/", -1)) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            int v = Integer.parseInt(part);
            if (v > 127 || (pt >= 0 && v != pt)) {
                return -1;
            }
            pt = v;
        }
        return pt;
    }

    /**
     * The fmtp we answer for a supported format: for opus minptime=10, useinbandfec=1 (RFC 7587 section 6.1: we
     * forward the publisher's in-band FEC) and usedtx as offered (DTX passes through: gaps in the RTP timestamps,
     * not in sequence numbers); none for VP8; the offer's for H.264.
     */
    static Map<String, String> answerFmtp(RtpMap map, Fmtp offered) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map.is("opus")) {
            out.put("minptime", "10");
            out.put("useinbandfec", "1");
            String dtx = offered == null ? null : offered.parameter("usedtx");
            if (dtx != null) {
                out.put("usedtx", dtx);
            }
        } else if (map.is("H264") && offered != null) {
            out.putAll(offered.parameters());
        }
        return out;
    }

    /**
     * The offered feedback we answer, in offer order: video nack, nack pli, ccm fir, goog-remb; audio none; and
     * transport-cc on both kinds.
     */
    static Set<String> answerFeedback(MediaKind kind, List<RtcpFb> offered) {
        Set<String> out = new LinkedHashSet<>();
        if (kind == MediaKind.VIDEO) {
            for (RtcpFb fb : offered) {
                if (VIDEO_FEEDBACK.contains(fb.feedback())) {
                    out.add(fb.feedback());
                }
            }
        }
        for (RtcpFb fb : offered) {
            if (TRANSPORT_CC.equals(fb.feedback())) {
                out.add(TRANSPORT_CC);
            }
        }
        return out;
    }

    /**
     * The offered {@code rtx/90000} payload type whose {@code apt} names {@code payloadType} (RFC 4588 section
     * 8.1), or -1.
     */
    static int rtxFor(int payloadType, MediaDescription offered) {
        for (RtpMap m : offered.rtpMaps()) {
            if (m.is("rtx") && m.clockRateHz() == 90000) {
                Fmtp f = offered.fmtp(m.payloadType());
                String apt = f == null ? null : f.parameter("apt");
                if (apt != null && apt.equals(Integer.toString(payloadType))) {
                    return m.payloadType();
                }
            }
        }
        return -1;
    }

    /** Same codec for forwarding purposes (see {@link NegotiatedCodec#isCompatibleWith}). */
    static boolean compatible(NegotiatedCodec a, NegotiatedCodec b) {
        if (!a.name().equalsIgnoreCase(b.name()) || a.clockRateHz() != b.clockRateHz() || a.channels() != b.channels()) {
            return false;
        }
        if (!a.name().equalsIgnoreCase("H264")) {
            return true;
        }
        String pmA = a.fmtp().getOrDefault("packetization-mode", "0");
        String pmB = b.fmtp().getOrDefault("packetization-mode", "0");
        return pmA.equals(pmB) && h264ProfileFamily(a).equals(h264ProfileFamily(b));
    }

    /**
     * The profile part of profile-level-id without the level: profile_idc 0x42 (baseline) with or without
     * the constrained flag counts as one family, otherwise profile_idc plus constraint flags.
     */
    private static String h264ProfileFamily(NegotiatedCodec c) {
        String id = c.fmtp().getOrDefault("profile-level-id", "42001f").toLowerCase(Locale.ROOT);
        if (id.length() != 6) {
            return id;
        }
        return id.startsWith("42") ? "42" : id.substring(0, 4);
    }
}
