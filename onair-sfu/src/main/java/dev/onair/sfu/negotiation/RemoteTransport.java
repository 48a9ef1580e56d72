package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.Fingerprint;
import dev.onair.protocol.sdp.MediaDescription;
import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.protocol.sdp.SetupRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offer's transport parameters of the BUNDLE tag m-line (RFC 8843 section 7.3.1), falling back to
 * session level: ICE credentials (RFC 8839 section 5.4), fingerprint (RFC 8122 section 5) and DTLS role
 * (RFC 8842 section 5.3: actpass/active offer - we are passive, the DTLS server).
 */
record RemoteTransport(String iceUfrag, String icePwd, NegotiatedFingerprint fingerprint, DtlsRole localRole) {
    /** Digest length in bytes per supported hash function. */
    private static final Map<String, Integer> DIGEST_BYTES = Map.of("sha-256", 32, "sha-384", 48, "sha-512", 64);

    static Checked<RemoteTransport> from(SessionDescription offer, MediaDescription tag) {
        String ufrag = tag.iceUfrag() != null ? tag.iceUfrag() : offer.iceUfrag();
        String pwd = tag.icePwd() != null ? tag.icePwd() : offer.icePwd();
        if (ufrag == null) {
            return Checked.fail(NegotiationErrorCode.MALFORMED, "offer has no a=ice-ufrag");
        }
        if (pwd == null) {
            return Checked.fail(NegotiationErrorCode.MALFORMED, "offer has no a=ice-pwd");
        }
        List<Fingerprint> fps = tag.fingerprints().isEmpty() ? offer.fingerprints() : tag.fingerprints();
        if (fps.isEmpty()) {
            return Checked.fail(NegotiationErrorCode.MALFORMED, "offer has no a=fingerprint");
        }
        NegotiatedFingerprint fp = null;
        for (Fingerprint f : fps) {
            String alg = f.algorithm().toLowerCase(Locale.ROOT);
            byte[] digest = f.digestBytes();
            Integer expected = DIGEST_BYTES.get(alg);
            if (expected != null && digest != null && digest.length == expected) {
                fp = new NegotiatedFingerprint(alg, digest);
                break;
            }
        }
        if (fp == null) {
            return Checked.fail(NegotiationErrorCode.MALFORMED, "offer fingerprint algorithm "
                    + fps.get(0).algorithm() + " is not supported (sha-256, sha-384, sha-512)");
        }
        SetupRole setup = tag.setup() != null ? tag.setup() : offer.setup();
        if (setup == SetupRole.HOLDCONN) {
            return Checked.fail(NegotiationErrorCode.MALFORMED, "offer has a=setup:holdconn");
        }
        DtlsRole role = setup == SetupRole.PASSIVE ? DtlsRole.CLIENT : DtlsRole.SERVER;
        return Checked.ok(new RemoteTransport(ufrag, pwd, fp, role));
    }

    /** The {@code a=setup} we answer. */
    SetupRole answerSetup() {
        return localRole == DtlsRole.SERVER ? SetupRole.PASSIVE : SetupRole.ACTIVE;
    }
}
