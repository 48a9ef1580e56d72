package dev.onair.sfu.negotiation;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What the SFU puts into every answer: its ICE credentials (RFC 8839 section 5.4), its DTLS certificate
 * fingerprint (RFC 8122 section 5), its host UDP candidates, the SDP session id and the RTCP CNAME.
 *
 * @param fingerprintAlgorithm e.g. {@code sha-256}
 * @param fingerprintHex       colon-separated upper-case hex, e.g. {@code AB:CD:...}
 * @param candidates           host UDP candidates in priority order (first = highest)
 * @param sessionId            the {@code o=} session id (digits)
 * @param cname                the CNAME for our outgoing SSRCs
 */
public record LocalParams(String iceUfrag, String icePwd, String fingerprintAlgorithm, String fingerprintHex,
        List<InetSocketAddress> candidates, String sessionId, String cname) {
    public LocalParams {
        candidates = List.copyOf(candidates);
    }
}
