package dev.onair.client;

import dev.onair.protocol.sdp.Candidate;
import dev.onair.protocol.sdp.Fingerprint;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.RtpMap;
import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.protocol.sdp.SetupRole;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import dev.onair.transport.ice.IceCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Reads an SDP answer (RFC 8866, RFC 8829 §5.3) into an {@link AnswerInfo}. Transport attributes are taken from
 * the first accepted m-line, falling back to session level (BUNDLE, RFC 8843 §7.3.1). Never throws on any text:
 * a problem is returned as an {@link AnswerProblem}.
 *
 * <pre>
 * a=ice-ufrag:&lt;ufrag&gt;  a=ice-pwd:&lt;pwd&gt;  a=fingerprint:sha-256 AB:..  a=setup:passive|active
 * m=audio &lt;port&gt; UDP/TLS/RTP/SAVPF &lt;pt&gt;   a=rtpmap:&lt;pt&gt; opus/48000/2   [a=ssrc:&lt;ssrc&gt; cname:..]
 * m=video &lt;port&gt; UDP/TLS/RTP/SAVPF &lt;pt&gt;   a=rtpmap:&lt;pt&gt; VP8/90000     a=candidate:.. udp .. 127.0.0.1 &lt;port&gt; typ host
 * </pre>
 */
public final class AnswerReader {

    /** Exactly one of {@code info} and {@code problem} is non-null. */
    public record Result(AnswerInfo info, AnswerProblem problem, String detail) {
        public boolean isOk() {
            return info != null;
        }
    }

    private AnswerReader() {
    }

    public static Result read(String sdp) {
        SdpParseResult parsed = SdpParser.parse(sdp);
        if (!parsed.isOk()) {
            return fail(AnswerProblem.MALFORMED_SDP, String.valueOf(parsed.error()));
        }
        SessionDescription d = parsed.description();
        MediaDescription audio = accepted(d, "audio");
        MediaDescription video = accepted(d, "video");
        MediaDescription tag = audio != null ? audio : video;
        if (tag == null) {
            return fail(AnswerProblem.NO_MEDIA, "no accepted audio or video m-line");
        }
        String ufrag = tag.iceUfrag() != null ? tag.iceUfrag() : d.iceUfrag();
        String pwd = tag.icePwd() != null ? tag.icePwd() : d.icePwd();
        if (!IceCredentials.isValidUfrag(ufrag) || !IceCredentials.isValidPwd(pwd)) {
            return fail(AnswerProblem.NO_ICE_CREDENTIALS, "ice-ufrag/ice-pwd missing or invalid");
        }
        RemoteFingerprint fp = fingerprint(tag.fingerprints().isEmpty() ? d.fingerprints() : tag.fingerprints());
        if (fp == null) {
            return fail(AnswerProblem.NO_FINGERPRINT, "no usable a=fingerprint");
        }
        SetupRole setup = tag.setup() != null ? tag.setup() : d.setup();
        if (setup != SetupRole.PASSIVE && setup != SetupRole.ACTIVE) {
            return fail(AnswerProblem.BAD_SETUP, "a=setup must be active or passive, got " + setup);
        }
        InetSocketAddress candidate = candidate(audio, video);
        if (candidate == null) {
            return fail(AnswerProblem.NO_CANDIDATE, "no UDP candidate with an IP address");
        }
        DtlsRole ours = setup == SetupRole.PASSIVE ? DtlsRole.CLIENT : DtlsRole.SERVER;
        return new Result(new AnswerInfo(ufrag, pwd, fp, ours, candidate, payloadType(audio), payloadType(video),
                videoCodec(video), firstSsrc(audio), firstSsrc(video)), null, null);
    }

    private static Result fail(AnswerProblem problem, String detail) {
        return new Result(null, problem, detail);
    }

    private static MediaDescription accepted(SessionDescription d, String kind) {
        for (MediaDescription m : d.media()) {
            if (m.kind().equals(kind) && !m.isRejected()) {
                return m;
            }
        }
        return null;
    }

    private static RemoteFingerprint fingerprint(List<Fingerprint> fps) {
        for (Fingerprint f : fps) {
            RemoteFingerprint r = RemoteFingerprint.parse(f.algorithm() + " " + f.hex());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static InetSocketAddress candidate(MediaDescription audio, MediaDescription video) {
        for (MediaDescription m : new MediaDescription[] {audio, video}) {
            if (m == null) {
                continue;
            }
            for (Candidate c : m.candidates()) {
                InetAddress ip = ipLiteral(c.address());
                if ("udp".equalsIgnoreCase(c.transport()) && ip != null && c.port() > 0) {
                    return new InetSocketAddress(ip, c.port());
                }
            }
        }
        return null;
    }

    /** Only numeric IPv4/IPv6 literals: never a DNS lookup for a name an answer carries. */
    private static InetAddress ipLiteral(String address) {
        boolean v4 = address != null && address.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
        boolean v6 = address != null && address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]{2,45}");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int payloadType(MediaDescription m) {
        if (m == null || m.formats().isEmpty()) {
            return -1;
        }
        try {
            int pt = Integer.parseInt(m.formats().get(0));
            return pt >= 0 && pt <= 127 ? pt : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static VideoCodec videoCodec(MediaDescription video) {
        int pt = payloadType(video);
        RtpMap map = pt < 0 ? null : video.rtpMap(pt);
        if (map == null) {
            return null;
        }
        return map.is("H264") ? VideoCodec.H264 : map.is("VP8") ? VideoCodec.VP8 : null;
    }

    private static long firstSsrc(MediaDescription m) {
        if (m == null) {
            return -1;
        }
        List<Long> ids = m.ssrcIds();
        return ids.isEmpty() ? -1 : ids.get(0);
    }
}
