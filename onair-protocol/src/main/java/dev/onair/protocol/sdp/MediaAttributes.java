package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps media-level attributes between their generic form and the typed fields of {@link MediaDescription}
 * (RFC 8866 section 6 and the RFCs named on each typed record).
 *
 * <pre>
 * a=&lt;name&gt;[:&lt;value&gt;]  --accept--&gt;  typed field, or otherAttributes when unknown / malformed / repeated
 * typed fields     --render--&gt;  ice, dtls, mid, extmap, direction, msid, rtcp, codecs, ssrc, rid, candidates
 * </pre>
 */
final class MediaAttributes {
    private MediaAttributes() {
    }

    /** Stores one attribute in its typed slot when it parses and the slot is free; else as a generic one. */
    static void accept(MediaDescriptionBuilder b, Attribute a) {
        if (!acceptTyped(b, a)) {
            b.addOtherAttribute(a);
        }
    }

    private static boolean acceptTyped(MediaDescriptionBuilder b, Attribute a) {
        String v = a.value();
        Direction dir = Direction.fromSdpName(a.name());
        if (dir != null || v == null) {
            return acceptFlag(b, a.name(), dir, v);
        }
        switch (a.name()) {
            case "mid":
                if (b.mid() != null || !SdpTokens.isToken(v)) {
                    return false;
                }
                b.mid(v);
                return true;
            case "ice-ufrag":
                if (b.iceUfrag() != null || !SdpTokens.isToken(v)) {
                    return false;
                }
                b.iceUfrag(v);
                return true;
            case "ice-pwd":
                if (b.icePwd() != null || !SdpTokens.isToken(v)) {
                    return false;
                }
                b.icePwd(v);
                return true;
            case "ice-options":
                List<String> t = SdpTokens.split(v);
                if (!b.iceOptions().isEmpty() || t.isEmpty()) {
                    return false;
                }
                b.iceOptions(t);
                return true;
            case "setup":
                SetupRole r = SetupRole.fromSdpName(v);
                if (b.setup() != null || r == null) {
                    return false;
                }
                b.setup(r);
                return true;
            default:
                return acceptList(b, a.name(), v);
        }
    }

    private static boolean acceptFlag(MediaDescriptionBuilder b, String name, Direction dir, String v) {
        if (v != null) {
            return false;
        }
        if (dir != null) {
            if (b.direction() != null) {
                return false;
            }
            b.direction(dir);
            return true;
        }
        switch (name) {
            case "rtcp-mux":
                if (b.rtcpMux()) {
                    return false;
                }
                b.rtcpMux(true);
                return true;
            case "rtcp-rsize":
                if (b.rtcpRsize()) {
                    return false;
                }
                b.rtcpRsize(true);
                return true;
            case "end-of-candidates":
                if (b.endOfCandidates()) {
                    return false;
                }
                b.endOfCandidates(true);
                return true;
            default:
                return false;
        }
    }

    private static boolean acceptList(MediaDescriptionBuilder b, String name, String v) {
        Object parsed = switch (name) {
            case "fingerprint" -> Fingerprint.parse(v);
            case "rtpmap" -> RtpMap.parse(v);
            case "fmtp" -> Fmtp.parse(v);
            case "rtcp-fb" -> RtcpFb.parse(v);
            case "extmap" -> ExtMap.parse(v);
            case "ssrc" -> SsrcAttribute.parse(v);
            case "ssrc-group" -> SsrcGroup.parse(v);
            case "msid" -> Msid.parse(v);
            case "rid" -> Rid.parse(v);
            case "candidate" -> Candidate.parse(v);
            case "simulcast" -> b.simulcast() == null ? Simulcast.parse(v) : null;
            default -> null;
        };
        if (parsed == null) {
            return false;
        }
        b.addTyped(parsed);
        return true;
    }

    /** Every attribute of a media section in writer order. */
    static List<Attribute> render(MediaDescription m) {
        List<Attribute> out = new ArrayList<>();
        addValue(out, "ice-ufrag", m.iceUfrag());
        addValue(out, "ice-pwd", m.icePwd());
        if (!m.iceOptions().isEmpty()) {
            out.add(new Attribute("ice-options", String.join(" ", m.iceOptions())));
        }
        m.fingerprints().forEach(f -> out.add(new Attribute("fingerprint", f.toAttributeValue())));
        addValue(out, "setup", m.setup() == null ? null : m.setup().sdpName());
        addValue(out, "mid", m.mid());
        m.extMaps().forEach(e -> out.add(new Attribute("extmap", e.toAttributeValue())));
        if (m.direction() != null) {
            out.add(Attribute.flag(m.direction().sdpName()));
        }
        m.msids().forEach(x -> out.add(new Attribute("msid", x.toAttributeValue())));
        addFlag(out, "rtcp-mux", m.rtcpMux());
        addFlag(out, "rtcp-rsize", m.rtcpRsize());
        m.rtpMaps().forEach(x -> out.add(new Attribute("rtpmap", x.toAttributeValue())));
        m.fmtps().forEach(x -> out.add(new Attribute("fmtp", x.toAttributeValue())));
        m.rtcpFbs().forEach(x -> out.add(new Attribute("rtcp-fb", x.toAttributeValue())));
        m.ssrcGroups().forEach(x -> out.add(new Attribute("ssrc-group", x.toAttributeValue())));
        m.ssrcs().forEach(x -> out.add(new Attribute("ssrc", x.toAttributeValue())));
        m.rids().forEach(x -> out.add(new Attribute("rid", x.toAttributeValue())));
        if (m.simulcast() != null && m.simulcast().toAttributeValue() != null) {
            out.add(new Attribute("simulcast", m.simulcast().toAttributeValue()));
        }
        m.candidates().forEach(x -> out.add(new Attribute("candidate", x.toAttributeValue())));
        addFlag(out, "end-of-candidates", m.endOfCandidates());
        out.addAll(m.otherAttributes());
        return out;
    }

    static void addValue(List<Attribute> out, String name, String value) {
        if (value != null) {
            out.add(new Attribute(name, value));
        }
    }

    static void addFlag(List<Attribute> out, String name, boolean present) {
        if (present) {
            out.add(Attribute.flag(name));
        }
    }
}
