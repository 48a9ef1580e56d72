package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.Candidate;
import dev.onair.protocol.sdp.Direction;
import dev.onair.protocol.sdp.Group;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.MsidSemantic;
import dev.onair.protocol.sdp.Origin;
import dev.onair.protocol.sdp.SdpWriter;
import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.protocol.sdp.SessionDescriptionBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers WHIP (publish) and WHEP (subscribe) offers as an ICE-lite, BUNDLE-only, rtcp-mux-only SFU
 * (RFC 8829 section 5.3, RFC 8843, RFC 8445 section 2.5). Never throws: a bad offer gives a
 * {@link NegotiationError}.
 *
 * <pre>
 * v=0
 * o=- &lt;sessionId&gt; 2 IN IP4 0.0.0.0
 * s=-
 * t=0 0
 * a=group:BUNDLE &lt;accepted mids in offer order&gt;
 * a=ice-lite
 * a=msid-semantic: WMS *
 * m=... one per offered m-line, in offer order (see {@link MediaAnswerer})
 * </pre>
 */
public final class SdpNegotiator {
    /** The allocator key of an m-line's RTX SSRC: its mid plus this suffix. */
    public static final String RTX_KEY_SUFFIX = "/rtx";

    private SdpNegotiator() {
    }

    /** WHIP: every bundled audio/video m-line that sends is answered {@code recvonly} with one codec. */
    public static NegotiationResult answerPublish(SessionDescription offer, LocalParams local) {
        return answer(offer, local, true, mid -> -1L, false);
    }

    /**
     * A publisher connection of the signalling protocol, first offer or renegotiation: like
     * {@link #answerPublish}, but a bundled m-line that does not send (any more) is answered {@code inactive}
     * and stays in the BUNDLE group instead of being rejected, so the connection survives having nothing to
     * publish and the m-line can be reused.
     */
    public static NegotiationResult answerPublishConnection(SessionDescription offer, LocalParams local) {
        return answer(offer, local, true, mid -> -1L, true);
    }

    /**
     * WHEP: every bundled audio/video m-line that receives is answered {@code sendonly} with all supported
     * codecs of the offer and one SSRC from {@code ssrcs}.
     */
    public static NegotiationResult answerSubscribe(SessionDescription offer, LocalParams local, SsrcAllocator ssrcs) {
        return answer(offer, local, false, ssrcs, false);
    }

    /**
     * A subscriber connection of the signalling protocol: like {@link #answerSubscribe}, but a bundled m-line
     * that does not receive is answered {@code inactive} and kept in the BUNDLE group (see
     * {@link #answerPublishConnection}).
     */
    public static NegotiationResult answerSubscribeConnection(SessionDescription offer, LocalParams local,
            SsrcAllocator ssrcs) {
        return answer(offer, local, false, ssrcs, true);
    }

    private static NegotiationResult answer(SessionDescription offer, LocalParams local, boolean publish,
            SsrcAllocator ssrcs, boolean keepIdle) {
        if (offer.media().isEmpty()) {
            return NegotiationResult.fail(NegotiationErrorCode.MALFORMED, "offer has no m-lines");
        }
        Group bundle = offer.bundleGroup();
        if (bundle == null || bundle.mids().isEmpty()) {
            return NegotiationResult.fail(NegotiationErrorCode.MALFORMED, "offer has no a=group:BUNDLE");
        }
        List<MediaDescription> bundled = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            if (isBundledRtp(m, bundle)) {
                if (!m.rtcpMux()) {
                    return NegotiationResult.fail(NegotiationErrorCode.MALFORMED,
                            "m-line " + m.mid() + " has no a=rtcp-mux");
                }
                bundled.add(m);
            }
        }
        if (bundled.isEmpty()) {
            return NegotiationResult.fail(NegotiationErrorCode.UNSUPPORTED, "offer has no bundled audio or video m-line");
        }
        MediaDescription tag = offer.mediaByMid(bundle.mids().get(0));
        Checked<RemoteTransport> transport = RemoteTransport.from(offer, bundled.contains(tag) ? tag : bundled.get(0));
        if (transport.error() != null) {
            return new NegotiationResult(null, null, transport.error());
        }
        boolean anyDirection = bundled.stream().anyMatch(m -> wantsDirection(m.effectiveDirection(offer), publish));
        if (!anyDirection && !keepIdle) {
            return NegotiationResult.fail(NegotiationErrorCode.UNSUPPORTED,
                    publish ? "publish offer sends no audio or video" : "subscribe offer receives no audio or video");
        }
        return build(offer, local, publish, ssrcs, bundled, transport.value(), keepIdle);
    }

    private static NegotiationResult build(SessionDescription offer, LocalParams local, boolean publish,
            SsrcAllocator ssrcs, List<MediaDescription> bundled, RemoteTransport transport, boolean keepIdle) {
        List<Candidate> candidates = AnswerCandidates.of(local.candidates());
        List<MediaDescription> answers = new ArrayList<>();
        List<NegotiatedMedia> accepted = new ArrayList<>();
        List<String> acceptedMids = new ArrayList<>();
        boolean allRsize = true;
        for (MediaDescription m : offer.media()) {
            MediaKind kind = MediaKind.fromSdpName(m.kind());
            boolean active = wantsDirection(m.effectiveDirection(offer), publish);
            List<NegotiatedCodec> codecs = bundled.contains(m) && (active || keepIdle)
                    ? CodecSelection.select(m, kind, publish) : List.of();
            if (codecs.isEmpty()) {
                answers.add(MediaAnswerer.reject(m));
                continue;
            }
            long ssrc = publish || !active ? -1 : ssrcs.next(m.mid()) & 0xFFFF_FFFFL;
            long rtxSsrc = ssrc < 0 || codecs.stream().noneMatch(NegotiatedCodec::hasRtx) ? -1
                    : ssrcs.next(m.mid() + RTX_KEY_SUFFIX) & 0xFFFF_FFFFL;
            MediaAnswerer.Answered a = MediaAnswerer.accept(m, kind, publish, active, codecs, transport, local,
                    candidates, ssrc, rtxSsrc);
            answers.add(a.answer());
            if (active) {
                accepted.add(a.media());
            }
            acceptedMids.add(m.mid());
            allRsize &= m.rtcpRsize();
        }
        if (acceptedMids.isEmpty()) {
            return NegotiationResult.fail(NegotiationErrorCode.UNSUPPORTED,
                    "no common codec in any m-line (we take opus, VP8, H264 packetization-mode=1 42e01f/42001f)");
        }
        SessionDescriptionBuilder sb = new SessionDescriptionBuilder(
                new Origin("-", local.sessionId(), "2", "IN", "IP4", "0.0.0.0"))
                .iceLite(true).addGroup(new Group("BUNDLE", acceptedMids))
                .msidSemantic(new MsidSemantic("WMS", List.of("*")));
        answers.forEach(sb::addMedia);
        NegotiatedSession session = new NegotiatedSession(transport.iceUfrag(), transport.icePwd(),
                transport.fingerprint(), transport.localRole(), allRsize, accepted);
        return NegotiationResult.ok(session, SdpWriter.write(sb.build()));
    }

    /** Audio or video, in the first BUNDLE group, not rejected by the offerer, on an RTP/SAVPF profile. */
    private static boolean isBundledRtp(MediaDescription m, Group bundle) {
        return MediaKind.fromSdpName(m.kind()) != null && m.port() != 0 && m.mid() != null
                && bundle.mids().contains(m.mid()) && m.proto().endsWith("RTP/SAVPF");
    }

    private static boolean wantsDirection(Direction offered, boolean publish) {
        return publish ? offered.sends() : offered.receives();
    }
}
