package dev.onair.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.transport.clock.ManualClock;
import dev.onair.transport.srtp.SrtpProfile;
import java.security.SecureRandom;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.UseSRTPData;
import org.junit.jupiter.api.Test;

/** The use_srtp choice (RFC 5764 §4.1.1) on its own, for offers our own client never makes. */
class SrtpProfileSelectionTest {
    private static final byte[] NO_MKI = new byte[0];
    private final DtlsCertificate certificate = DtlsCertificate.generate(new SecureRandom(), new ManualClock());
    private final DtlsPeerSupport support = new DtlsPeerSupport(new SecureRandom(), certificate,
            RemoteFingerprint.parse("sha-256 " + certificate.fingerprintSha256()));

    @Test
    void serverPrefersGcmWhateverTheClientOrder() throws Exception {
        // Chromium's order: AEAD_AES_256_GCM (8), AEAD_AES_128_GCM (7), AES128_CM_SHA1_80 (1), AES128_CM_SHA1_32 (2)
        assertThat(support.select(new UseSRTPData(new int[] {0x0008, 0x0007, 0x0001, 0x0002}, NO_MKI)))
                .isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(support.select(new UseSRTPData(new int[] {0x0001, 0x0007}, NO_MKI)))
                .isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    }

    @Test
    void serverFallsBackToCmAndRefusesWhenNothingIsCommon() throws Exception {
        assertThat(support.select(new UseSRTPData(new int[] {0x0002, 0x0001}, NO_MKI)))
                .isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        assertThatThrownBy(() -> support.select(new UseSRTPData(new int[] {0x0002}, NO_MKI)))
                .isInstanceOf(TlsFatalAlert.class);
        assertThatThrownBy(() -> support.select(null)).isInstanceOf(TlsFatalAlert.class);
    }

    @Test
    void clientAcceptsOnlyOneOfferedProfileWithoutMki() throws Exception {
        assertThat(DtlsPeerSupport.offer().getProtectionProfiles()).containsExactly(0x0007, 0x0001);
        support.accept(new UseSRTPData(new int[] {0x0001}, NO_MKI));
        assertThatThrownBy(() -> support.accept(new UseSRTPData(new int[] {0x0002}, NO_MKI)))
                .isInstanceOf(TlsFatalAlert.class);
        assertThatThrownBy(() -> support.accept(new UseSRTPData(new int[] {0x0007, 0x0001}, NO_MKI)))
                .isInstanceOf(TlsFatalAlert.class);
        assertThatThrownBy(() -> support.accept(new UseSRTPData(new int[] {0x0007}, new byte[] {1})))
                .isInstanceOf(TlsFatalAlert.class);
        assertThatThrownBy(() -> support.accept(null)).isInstanceOf(TlsFatalAlert.class);
    }
}
