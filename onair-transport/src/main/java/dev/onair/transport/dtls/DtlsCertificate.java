package dev.onair.transport.dtls;

import dev.onair.transport.clock.MediaClock;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Our DTLS identity: a self-signed ECDSA P-256 X.509 certificate (what browsers generate for WebRTC too), valid
 * from a day before now to 30 days after, CN=onair, random serial. Its SHA-256 fingerprint goes into our SDP
 * ({@code a=fingerprint:sha-256 AB:CD:...}, RFC 8122 §5). Immutable; share one per process or per session.
 */
public final class DtlsCertificate {
    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private final byte[] der;
    private final PrivateKey privateKey;
    private final String fingerprintSha256;

    private DtlsCertificate(byte[] der, PrivateKey privateKey) {
        this.der = der;
        this.privateKey = privateKey;
        this.fingerprintSha256 = format(fingerprint("sha-256", der));
    }

    /** Generates a new key pair and self-signed certificate; {@code clock} supplies the validity period. */
    public static DtlsCertificate generate(SecureRandom rng, MediaClock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), rng);
            KeyPair pair = generator.generateKeyPair();
            long nowMillis = clock.wallMillis();
            X500Name name = new X500Name("CN=onair");
            BigInteger serial = new BigInteger(63, rng).add(BigInteger.ONE);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                    new Date(nowMillis - DAY_MILLIS), new Date(nowMillis + 30 * DAY_MILLIS), name, pair.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .setSecureRandom(rng).build(pair.getPrivate());
            X509CertificateHolder holder = builder.build(signer);
            return new DtlsCertificate(holder.getEncoded(), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate an ECDSA P-256 certificate", e);
        }
    }

    /** The certificate's SHA-256 fingerprint in SDP form: upper-case hex pairs separated by colons. */
    public String fingerprintSha256() {
        return fingerprintSha256;
    }

    /** The DER encoding of the certificate (a copy). */
    public byte[] derEncoded() {
        return der.clone();
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * The hash of a DER certificate for an SDP fingerprint hash function name (RFC 8122 §5): {@code sha-1},
     * {@code sha-224}, {@code sha-256}, {@code sha-384} or {@code sha-512}, case-insensitive.
     *
     * @throws IllegalArgumentException for any other algorithm name
     */
    public static byte[] fingerprint(String algorithm, byte[] derCert) {
        String jcaName = jcaDigestName(algorithm);
        if (jcaName == null) {
            throw new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm);
        }
        try {
            return MessageDigest.getInstance(jcaName).digest(derCert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " unavailable in this JRE", e);
        }
    }

    /** The JCA digest name for an SDP hash function name, or null if unsupported. */
    static String jcaDigestName(String algorithm) {
        if (algorithm == null) {
            return null;
        }
        return switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "sha-1" -> "SHA-1";
            case "sha-224" -> "SHA-224";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> null;
        };
    }

    /** Upper-case hex pairs joined by colons: {@code AB:CD:EF}. */
    static String format(byte[] value) {
        StringBuilder out = new StringBuilder(value.length * 3);
        for (int i = 0; i < value.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(Character.toUpperCase(Character.forDigit((value[i] >> 4) & 0xF, 16)));
            out.append(Character.toUpperCase(Character.forDigit(value[i] & 0xF, 16)));
        }
        return out.toString();
    }
}
