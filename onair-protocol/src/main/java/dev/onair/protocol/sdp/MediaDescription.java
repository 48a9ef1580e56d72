package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One media section (RFC 8866 section 5.14) with the attributes WebRTC uses typed, and every other
 * attribute kept generically in {@link #otherAttributes}. Build one with {@link MediaDescriptionBuilder}.
 *
 * <pre>
 * m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; 1*(SP &lt;fmt&gt;)
 * m=video 9 UDP/TLS/RTP/SAVPF 96 97 102
 * c=IN IP4 0.0.0.0
 * a=...
 * </pre>
 *
 * Nullable components: {@code connection, mid, direction, iceUfrag, icePwd, setup, simulcast} (null = absent).
 *
 * @param kind       {@code audio}, {@code video}, {@code application} or another token as written
 * @param port       0..65535; 0 marks a rejected (or bundle-only) section
 * @param portCount  the {@code /<number of ports>} suffix, or 0 when absent
 * @param proto      e.g. {@code UDP/TLS/RTP/SAVPF}
 * @param formats    the fmt list (payload types as text, or e.g. {@code webrtc-datachannel})
 * @param otherLines media-level lines other than m/c/a (b=, i=, k=, unknown), in RFC 8866 order
 */
public record MediaDescription(String kind, int port, int portCount, String proto, List<String> formats,
        Connection connection, String mid, Direction direction, String iceUfrag, String icePwd,
        List<String> iceOptions, List<Fingerprint> fingerprints, SetupRole setup, boolean rtcpMux,
        boolean rtcpRsize, List<RtpMap> rtpMaps, List<Fmtp> fmtps, List<RtcpFb> rtcpFbs, List<ExtMap> extMaps,
        List<SsrcAttribute> ssrcs, List<SsrcGroup> ssrcGroups, List<Msid> msids, List<Rid> rids,
        Simulcast simulcast, List<Candidate> candidates, boolean endOfCandidates, List<Attribute> otherAttributes,
        List<SdpLine> otherLines) {

    public MediaDescription {
        formats = List.copyOf(formats);
        iceOptions = List.copyOf(iceOptions);
        fingerprints = List.copyOf(fingerprints);
        rtpMaps = List.copyOf(rtpMaps);
        fmtps = List.copyOf(fmtps);
        rtcpFbs = List.copyOf(rtcpFbs);
        extMaps = List.copyOf(extMaps);
        ssrcs = List.copyOf(ssrcs);
        ssrcGroups = List.copyOf(ssrcGroups);
        msids = List.copyOf(msids);
        rids = List.copyOf(rids);
        candidates = List.copyOf(candidates);
        otherAttributes = List.copyOf(otherAttributes);
        otherLines = List.copyOf(otherLines);
    }

    /** True when the port is 0. */
    public boolean isRejected() {
        return port == 0;
    }

    /** The direction, {@code sendrecv} when absent here and at session level (RFC 8866 section 6.7). */
    public Direction effectiveDirection(SessionDescription session) {
        if (direction != null) {
            return direction;
        }
        return session.direction() != null ? session.direction() : Direction.SENDRECV;
    }

    /** The rtpmap for a payload type, or null. */
    public RtpMap rtpMap(int payloadType) {
        for (RtpMap m : rtpMaps) {
            if (m.payloadType() == payloadType) {
                return m;
            }
        }
        return null;
    }

    /** The first fmtp for a payload type, or null. */
    public Fmtp fmtp(int payloadType) {
        for (Fmtp f : fmtps) {
            if (f.payloadType() == payloadType) {
                return f;
            }
        }
        return null;
    }

    /** The rtcp-fb lines that apply to a payload type, wildcard lines included, in order. */
    public List<RtcpFb> rtcpFeedback(int payloadType) {
        List<RtcpFb> out = new ArrayList<>();
        for (RtcpFb fb : rtcpFbs) {
            if (fb.appliesTo(payloadType)) {
                out.add(fb);
            }
        }
        return out;
    }

    /** The extmap id of a URI, or 0 when it is not offered. */
    public int extMapId(String uri) {
        for (ExtMap e : extMaps) {
            if (e.uri().equals(uri)) {
                return e.id();
            }
        }
        return 0;
    }

    /** The distinct SSRCs of the {@code a=ssrc} lines, in order of appearance. */
    public List<Long> ssrcIds() {
        Set<Long> out = new LinkedHashSet<>();
        for (SsrcAttribute s : ssrcs) {
            out.add(s.ssrc());
        }
        return List.copyOf(out);
    }

    /** The value of a source attribute such as {@code cname}, or null. */
    public String ssrcAttribute(long ssrc, String name) {
        for (SsrcAttribute s : ssrcs) {
            if (s.ssrc() == ssrc && s.name().equals(name)) {
                return s.value();
            }
        }
        return null;
    }

    /** The first {@code a=msid}, or null. */
    public Msid msid() {
        return msids.isEmpty() ? null : msids.get(0);
    }

    /** Every attribute in the order the writer emits them: typed ones first, then the others. */
    public List<Attribute> attributes() {
        return MediaAttributes.render(this);
    }
}
