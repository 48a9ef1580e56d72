package dev.onair.sfu.negotiation;

/**
 * A media SSRC the remote peer announced with {@code a=ssrc} (RFC 5576), paired with its retransmission
 * SSRC from {@code a=ssrc-group:FID} (RFC 4588 section 8.1).
 *
 * @param ssrc    the media SSRC (unsigned 32 bit)
 * @param rtxSsrc the RTX SSRC, or -1 when there is no FID group for it
 * @param cname   the {@code cname} source attribute, or null
 */
public record RemoteSsrc(long ssrc, long rtxSsrc, String cname) {
}
