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
}
