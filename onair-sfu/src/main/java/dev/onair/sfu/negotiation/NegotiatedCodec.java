package dev.onair.sfu.negotiation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One codec of an answered m-line, with the remote peer's payload type.
 *
 * @param name         encoding name as offered ({@code opus}, {@code VP8}, {@code H264})
 * @param payloadType  the payload type both sides use on this m-line
 * @param clockRateHz  RTP clock rate
 * @param channels     audio channels, 0 for video
 * @param fmtp         the format parameters we answered
 * @param rtcpFeedback the feedback we answered, e.g. {@code nack}, {@code nack pli}, {@code ccm fir}
 * @param rtxPayloadType the payload type of the RFC 4588 {@code rtx} format paired with this codec by
 *                     {@code apt}, or -1 when none was negotiated
 */
public record NegotiatedCodec(String name, int payloadType, int clockRateHz, int channels, Map<String, String> fmtp,
        Set<String> rtcpFeedback, int rtxPayloadType) {
    public NegotiatedCodec {
        fmtp = Collections.unmodifiableMap(new LinkedHashMap<>(fmtp));
        rtcpFeedback = Collections.unmodifiableSet(new LinkedHashSet<>(rtcpFeedback));
    }

    /** A codec without rtx. */
    public NegotiatedCodec(String name, int payloadType, int clockRateHz, int channels, Map<String, String> fmtp,
            Set<String> rtcpFeedback) {
        this(name, payloadType, clockRateHz, channels, fmtp, rtcpFeedback, -1);
    }

    /** True when an rtx format is paired with this codec. */
    public boolean hasRtx() {
        return rtxPayloadType >= 0;
    }

    /**
     * True when a packet of {@code other} can be forwarded as this codec: same name and clock rate, and for
     * H.264 the same packetization-mode and a compatible profile (42e0 constrained baseline and 4200
     * baseline count as one).
     */
    public boolean isCompatibleWith(NegotiatedCodec other) {
        return CodecRules.compatible(this, other);
    }
}
