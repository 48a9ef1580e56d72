package dev.onair.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.transport.clock.ManualClock;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {
    private static final long DAY_MILLIS = 86_400_000L;
    private final ManualClock clock = new ManualClock(0, 1_700_000_000_000L);
    private final DtlsCertificate certificate = DtlsCertificate.generate(new SecureRandom(), clock);

    @Test
    void isASelfSignedP256CertificateValidFromADayAgoForThirtyDays() throws Exception {
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.derEncoded()));

        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=onair");
        assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(x509.getNotBefore().getTime()).isEqualTo(1_700_000_000_000L - DAY_MILLIS);
        assertThat(x509.getNotAfter().getTime()).isEqualTo(1_700_000_000_000L + 30 * DAY_MILLIS);
        assertThat(x509.getSerialNumber().signum()).isPositive();
        x509.verify(x509.getPublicKey());
    }

    @Test
    void fingerprintIsUpperCaseColonSeparatedSha256() {
        String fingerprint = certificate.fingerprintSha256();
        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(RemoteFingerprint.parse("sha-256 " + fingerprint).value())
                .isEqualTo(DtlsCertificate.fingerprint("sha-256", certificate.derEncoded()));
        assertThat(DtlsCertificate.generate(new SecureRandom(), clock).fingerprintSha256()).isNotEqualTo(fingerprint);
    }

    @Test
    void fingerprintSupportsTheRfc8122HashFunctions() {
        byte[] der = certificate.derEncoded();
        assertThat(DtlsCertificate.fingerprint("sha-1", der)).hasSize(20);
        assertThat(DtlsCertificate.fingerprint("sha-224", der)).hasSize(28);
        assertThat(DtlsCertificate.fingerprint("SHA-256", der)).hasSize(32);
        assertThat(DtlsCertificate.fingerprint("sha-384", der)).hasSize(48);
        assertThat(DtlsCertificate.fingerprint("sha-512", der)).hasSize(64);
        // SHA-256 of the empty input, a published constant.
        assertThat(DtlsCertificate.format(DtlsCertificate.fingerprint("sha-256", new byte[0])))
                .isEqualTo("E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:"
                        + "27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55");
        assertThatThrownBy(() -> DtlsCertificate.fingerprint("md5", der))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
