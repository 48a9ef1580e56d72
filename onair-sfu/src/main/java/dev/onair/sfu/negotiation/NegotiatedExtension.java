package dev.onair.sfu.negotiation;

/**
 * One RTP header extension of an answered m-line (RFC 8285 section 5).
 *
 * @param id  the id both sides use on this m-line (1..14 for one-byte headers)
 * @param uri the extension URI
 */
public record NegotiatedExtension(int id, String uri) {
    /** The transport-wide sequence number extension (draft-holmer-rmcat-transport-wide-cc-extensions-01). */
    public static final String TRANSPORT_CC = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** The sender's absolute send time, 24-bit 6.18 fixed-point seconds (REMB's receive-side estimate needs it). */
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
}
