package dev.onair.sfu.negotiation;

import java.util.List;

/**
 * Everything the transport and the router need from one offer/answer exchange.
 *
 * @param remoteIceUfrag    the offer's ice-ufrag (for STUN USERNAME checks, RFC 8445 section 7.2.2)
 * @param remoteIcePwd      the offer's ice-pwd
 * @param remoteFingerprint the fingerprint the remote DTLS certificate must match
 * @param localRole         our DTLS role
 * @param rtcpReducedSize   true when every accepted m-line offered {@code a=rtcp-rsize} (RFC 5506)
 * @param media             the accepted m-lines in offer order
 */
public record NegotiatedSession(String remoteIceUfrag, String remoteIcePwd, NegotiatedFingerprint remoteFingerprint,
        DtlsRole localRole, boolean rtcpReducedSize, List<NegotiatedMedia> media) {
    public NegotiatedSession {
        media = List.copyOf(media);
    }

    /** The accepted m-line with a mid, or null. */
    public NegotiatedMedia mediaByMid(String mid) {
        for (NegotiatedMedia m : media) {
            if (m.mid().equals(mid)) {
                return m;
            }
        }
        return null;
    }
}
