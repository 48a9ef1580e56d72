package dev.onair.sfu.negotiation;

import java.util.List;

/**
 * The RTP header extensions (RFC 8285) we answer when offered, keeping the offer's id. transport-cc
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01) on both directions: we feed back to publishers and
 * stamp what we send to subscribers.
 */
final class ExtensionRules {
    static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    static final String TOFFSET = "urn:ietf:params:rtp-hdrext:toffset";
    static final String VIDEO_ORIENTATION = "urn:3gpp:video-orientation";
    static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    static final String REPAIRED_RID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    static final String TRANSPORT_CC = NegotiatedExtension.TRANSPORT_CC;

    private static final List<String> COMMON = List.of(MID, AUDIO_LEVEL, ABS_SEND_TIME, TOFFSET, VIDEO_ORIENTATION,
            TRANSPORT_CC);
    private static final List<String> PUBLISH_ONLY = List.of(RID, REPAIRED_RID);

    private ExtensionRules() {
    }

    /** True when we answer this URI; rid extensions only for publishers. */
    static boolean isAccepted(String uri, boolean publish) {
        return COMMON.contains(uri) || (publish && PUBLISH_ONLY.contains(uri));
    }
}
