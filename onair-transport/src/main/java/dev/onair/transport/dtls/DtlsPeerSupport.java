package dev.onair.transport.dtls;

import dev.onair.transport.srtp.SrtpKeyMaterial;
import dev.onair.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * What our BouncyCastle TLS client and server share: the crypto provider, our credentials, the fingerprint check
 * of the peer certificate (RFC 8842 §5), the {@code use_srtp} profile choice (RFC 5764 §4.1.1) and the export of
 * SRTP keying material (RFC 5764 §4.2). Written on the handshake thread, read by the engine after it.
 */
final class DtlsPeerSupport {
    /** DTLS 1.2 only. */
    static final ProtocolVersion[] VERSIONS = ProtocolVersion.DTLSv12.only();
    /** ECDHE-ECDSA AEAD suites, our preference first (what Chromium and Firefox offer with ECDSA certificates). */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };
    /** SRTP profiles in preference order: AES-GCM, then AES-CM with HMAC-SHA1-80. */
    static final SrtpProfile[] SRTP_PREFERENCE = {SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80};
    static final String FINGERPRINT_MISMATCH = "fingerprint mismatch";

    final BcTlsCrypto crypto;
    private final DtlsCertificate local;
    private final RemoteFingerprint expected;
    private volatile boolean fingerprintMismatch;
    private volatile SrtpProfile profile;
    private volatile SrtpKeyMaterial keys;

    DtlsPeerSupport(SecureRandom rng, DtlsCertificate local, RemoteFingerprint expected) {
        this.crypto = new BcTlsCrypto(rng);
        this.local = local;
        this.expected = expected;
    }

    int[] cipherSuites() {
        return TlsUtils.getSupportedCipherSuites(crypto, CIPHER_SUITES);
    }

    /** Our certificate and key as a signer for ECDSA with SHA-256 (ecdsa_secp256r1_sha256). */
    TlsCredentialedSigner signer(TlsContext context) throws IOException {
        TlsCertificate certificate = crypto.createCertificate(local.derEncoded());
        AsymmetricKeyParameter key = PrivateKeyFactory.createKey(local.privateKey().getEncoded());
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key,
                new Certificate(new TlsCertificate[] {certificate}),
                SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }

    /** Aborts the handshake with {@code bad_certificate} unless the peer's end-entity certificate matches. */
    void verifyPeer(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty() || !expected.matches(chain.getCertificateAt(0).getEncoded())) {
            fingerprintMismatch = true;
            throw new TlsFatalAlert(AlertDescription.bad_certificate, FINGERPRINT_MISMATCH);
        }
    }

    /** The {@code use_srtp} offer a client sends: every profile we support, no MKI. */
    static UseSRTPData offer() {
        int[] ids = new int[SRTP_PREFERENCE.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = SRTP_PREFERENCE[i].id();
        }
        return new UseSRTPData(ids, TlsUtils.EMPTY_BYTES);
    }

    /** Server side: picks our most preferred profile the client offered, or aborts the handshake. */
    SrtpProfile select(UseSRTPData clientOffer) throws IOException {
        if (clientOffer != null) {
            for (SrtpProfile candidate : SRTP_PREFERENCE) {
                for (int id : clientOffer.getProtectionProfiles()) {
                    if (id == candidate.id()) {
                        profile = candidate;
                        return candidate;
                    }
                }
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP protection profile");
    }

    /** Client side: accepts the server's single choice if it is one we offered. */
    void accept(UseSRTPData serverChoice) throws IOException {
        if (serverChoice == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "server did not negotiate use_srtp");
        }
        int[] ids = serverChoice.getProtectionProfiles();
        SrtpProfile chosen = ids.length == 1 ? SrtpProfile.fromId(ids[0]) : null;
        if (chosen == null || serverChoice.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "bad use_srtp answer");
        }
        profile = chosen;
    }

    /** Exports {@code EXTRACTOR-dtls_srtp} keying material once the handshake is complete. */
    void exportKeys(TlsContext context) {
        SrtpProfile negotiated = profile;
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                negotiated.keyingMaterialLengthBytes());
        keys = SrtpKeyMaterial.fromExporter(negotiated, material);
    }

    boolean fingerprintMismatch() {
        return fingerprintMismatch;
    }

    /** The exported keys, or null if the handshake did not complete. */
    SrtpKeyMaterial keys() {
        return keys;
    }
}
