package dev.onair.transport.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The DTLS server side for WebRTC: DTLS 1.2, ECDHE-ECDSA AEAD suites, a mandatory client certificate checked
 * against the SDP fingerprint, and {@code use_srtp} with GCM preferred (RFC 5764 §4.1.1). Everything else
 * (supported groups incl. x25519/secp256r1, extended master secret, signature algorithms) keeps bctls defaults,
 * which match what Chromium and Firefox offer.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class WebRtcTlsServer extends DefaultTlsServer {
    private final DtlsPeerSupport support;
    private UseSRTPData selected;

    WebRtcTlsServer(DtlsPeerSupport support) {
        super(support.crypto);
        this.support = support;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return DtlsPeerSupport.VERSIONS;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return support.cipherSuites();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return support.signer(context);
    }

    /** WebRTC needs the client's certificate: its fingerprint is what authenticates the browser (RFC 8827 §6.5). */
    @Override
    public CertificateRequest getCertificateRequest() {
        Vector algorithms = new Vector();
        algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa));
        algorithms.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        support.verifyPeer(clientCertificate);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offer = clientExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        int id = support.select(offer).id();
        selected = new UseSRTPData(new int[] {id}, org.bouncycastle.tls.TlsUtils.EMPTY_BYTES);
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        if (extensions == null) {
            extensions = new Hashtable();
        }
        TlsSRTPUtils.addUseSRTPExtension(extensions, selected);
        return extensions;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        support.exportKeys(context);
    }
}
