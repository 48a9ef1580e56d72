package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.Candidate;
import dev.onair.protocol.sdp.Connection;
import dev.onair.protocol.sdp.Direction;
import dev.onair.protocol.sdp.ExtMap;
import dev.onair.protocol.sdp.Fingerprint;
import dev.onair.protocol.sdp.Fmtp;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.MediaDescriptionBuilder;
import dev.onair.protocol.sdp.Msid;
import dev.onair.protocol.sdp.Rid;
import dev.onair.protocol.sdp.RtcpFb;
import dev.onair.protocol.sdp.RtpMap;
import dev.onair.protocol.sdp.Simulcast;
import dev.onair.protocol.sdp.SsrcAttribute;
import dev.onair.protocol.sdp.SsrcGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the answer for one m-line (RFC 8829 section 5.3.1) and records what it agreed to.
 *
 * <pre>
 * m=video 9 UDP/TLS/RTP/SAVPF 96            rejected: m=video 0 UDP/TLS/RTP/SAVPF 96
 * c=IN IP4 0.0.0.0                                     c=IN IP4 0.0.0.0
 * a=ice-ufrag a=ice-pwd a=fingerprint a=setup          a=mid:1
 * a=mid a=extmap a=recvonly|sendonly [a=msid]          a=inactive
 * a=rtcp-mux [a=rtcp-rsize] a=rtpmap a=fmtp a=rtcp-fb [a=rtpmap rtx a=fmtp apt]
 * [[a=ssrc-group:FID] a=ssrc cname/msid | a=rid a=simulcast] a=candidate a=end-of-candidates
 * </pre>
 */
final class MediaAnswerer {
    /** The msid stream id of everything we send. */
    static final String STREAM_ID = "onair";

    record Answered(MediaDescription answer, NegotiatedMedia media) {
    }

    private MediaAnswerer() {
    }

    static Answered accept(MediaDescription offered, MediaKind kind, boolean publish, boolean active,
            List<NegotiatedCodec> codecs, RemoteTransport transport, LocalParams local, List<Candidate> candidates,
            long localSsrc) {
        return accept(offered, kind, publish, active, codecs, transport, local, candidates, localSsrc, -1);
    }

    /**
     * Like the other {@code accept}, with {@code localRtxSsrc} (or -1) the RTX SSRC we announce on a subscribe
     * m-line whose codecs have rtx ({@code a=ssrc-group:FID <media> <rtx>}, RFC 4588 section 8.1).
     */
    static Answered accept(MediaDescription offered, MediaKind kind, boolean publish, boolean active,
            List<NegotiatedCodec> codecs, RemoteTransport transport, LocalParams local, List<Candidate> candidates,
            long localSsrc, long localRtxSsrc) {
        Direction dir = !active ? Direction.INACTIVE : publish ? Direction.RECVONLY : Direction.SENDONLY;
        List<String> pts = new ArrayList<>();
        for (NegotiatedCodec c : codecs) {
            pts.add(Integer.toString(c.payloadType()));
            if (c.hasRtx()) {
                pts.add(Integer.toString(c.rtxPayloadType()));
            }
        }
        MediaDescriptionBuilder b = new MediaDescriptionBuilder(kind.sdpName(), 9, offered.proto(), pts)
                .connection(Connection.UNSPECIFIED_IP4).iceUfrag(local.iceUfrag()).icePwd(local.icePwd())
                .addFingerprint(new Fingerprint(local.fingerprintAlgorithm(), local.fingerprintHex()))
                .setup(transport.answerSetup()).mid(offered.mid()).direction(dir).rtcpMux(true)
                .rtcpRsize(offered.rtcpRsize());
        List<NegotiatedExtension> extensions = new ArrayList<>();
        for (ExtMap e : offered.extMaps()) {
            if (ExtensionRules.isAccepted(e.uri(), publish) && e.id() <= 14) {
                Direction extDir = e.direction() == null ? null : e.direction().reverse();
                b.addExtMap(new ExtMap(e.id(), extDir, e.uri(), ""));
                extensions.add(new NegotiatedExtension(e.id(), e.uri()));
            }
        }
        for (NegotiatedCodec c : codecs) {
            addCodec(b, offered, c);
        }
        if (publish) {
            mirrorRids(b, offered);
        } else if (active) {
            String trackId = kind.sdpName() + "-" + offered.mid();
            Msid msid = new Msid(STREAM_ID, trackId);
            b.addMsid(msid);
            boolean rtx = localRtxSsrc >= 0 && codecs.stream().anyMatch(NegotiatedCodec::hasRtx);
            if (rtx) {
                b.addSsrcGroup(new SsrcGroup("FID", List.of(localSsrc, localRtxSsrc)));
            }
            b.addSsrc(new SsrcAttribute(localSsrc, "cname", local.cname()))
                    .addSsrc(new SsrcAttribute(localSsrc, "msid", msid.toAttributeValue()));
            if (rtx) {
                b.addSsrc(new SsrcAttribute(localRtxSsrc, "cname", local.cname()))
                        .addSsrc(new SsrcAttribute(localRtxSsrc, "msid", msid.toAttributeValue()));
            }
        }
        candidates.forEach(b::addCandidate);
        b.endOfCandidates(true);
        NegotiatedMedia media = new NegotiatedMedia(offered.mid(), kind, dir, codecs, extensions,
                remoteSsrcs(offered), offered.ssrcGroups(), offered.msid(), offered.rids(), offered.simulcast(),
                publish ? -1 : localSsrc, publish ? -1 : localRtxSsrc);
        return new Answered(b.build(), media);
    }

    /** {@code m=<kind> 0 <proto> <first fmt>}, {@code a=mid}, {@code a=inactive} (JSEP section 5.3.1). */
    static MediaDescription reject(MediaDescription offered) {
        List<String> fmt = offered.formats().isEmpty() ? List.of("0") : List.of(offered.formats().get(0));
        return new MediaDescriptionBuilder(offered.kind(), 0, offered.proto(), fmt)
                .connection(Connection.UNSPECIFIED_IP4).mid(offered.mid()).direction(Direction.INACTIVE).build();
    }

    private static void addCodec(MediaDescriptionBuilder b, MediaDescription offered, NegotiatedCodec c) {
        int pt = c.payloadType();
        b.addRtpMap(new RtpMap(pt, c.name(), c.clockRateHz(), c.channels()));
        if (!c.fmtp().isEmpty()) {
            Fmtp offeredFmtp = offered.fmtp(pt);
            boolean echo = "H264".equalsIgnoreCase(c.name()) && offeredFmtp != null;
            b.addFmtp(echo ? Fmtp.of(pt, offeredFmtp.raw()) : Fmtp.of(pt, c.fmtp()));
        }
        for (String fb : c.rtcpFeedback()) {
            int sp = fb.indexOf(' ');
            b.addRtcpFb(sp < 0 ? new RtcpFb(pt, fb, "") : new RtcpFb(pt, fb.substring(0, sp), fb.substring(sp + 1)));
        }
        if (c.hasRtx()) {
            b.addRtpMap(new RtpMap(c.rtxPayloadType(), "rtx", c.clockRateHz(), 0));
            b.addFmtp(Fmtp.of(c.rtxPayloadType(), "apt=" + pt));
        }
    }

    private static void mirrorRids(MediaDescriptionBuilder b, MediaDescription offered) {
        for (Rid r : offered.rids()) {
            b.addRid(new Rid(r.id(), r.direction().reverse(), ""));
        }
        Simulcast s = offered.simulcast();
        if (s != null && !offered.rids().isEmpty()) {
            b.simulcast(new Simulcast(s.recv(), s.send()));
        }
    }

    /** Media SSRCs (not the second member of a FID group) with their RTX partner and cname. */
    static List<RemoteSsrc> remoteSsrcs(MediaDescription offered) {
        List<RemoteSsrc> out = new ArrayList<>();
        for (Long ssrc : offered.ssrcIds()) {
            long rtx = -1;
            boolean isRtx = false;
            for (SsrcGroup g : offered.ssrcGroups()) {
                if ("FID".equals(g.semantics()) && g.ssrcs().size() == 2) {
                    isRtx |= g.ssrcs().get(1).equals(ssrc);
                    rtx = g.ssrcs().get(0).equals(ssrc) ? g.ssrcs().get(1) : rtx;
                }
            }
            if (!isRtx) {
                out.add(new RemoteSsrc(ssrc, rtx, offered.ssrcAttribute(ssrc, "cname")));
            }
        }
        return out;
    }
}
