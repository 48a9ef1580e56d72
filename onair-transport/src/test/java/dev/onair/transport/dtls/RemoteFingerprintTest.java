package dev.onair.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteFingerprintTest {
    private static final String SHA256 = "sha-256 "
            + "E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55";

    @Test
    void parsesAnSdpFingerprintValue() {
        RemoteFingerprint fingerprint = RemoteFingerprint.parse(SHA256);
        assertThat(fingerprint.algorithm()).isEqualTo("sha-256");
        assertThat(fingerprint.value()).hasSize(32).startsWith((byte) 0xE3, (byte) 0xB0);
        assertThat(fingerprint.toSdpValue()).isEqualTo(SHA256);
        assertThat(RemoteFingerprint.parse(fingerprint.toSdpValue())).isEqualTo(fingerprint);
        assertThat(RemoteFingerprint.parse("  SHA-256 " + SHA256.substring(8).toLowerCase() + " "))
                .isEqualTo(fingerprint);
        assertThat(fingerprint.matches(new byte[0])).isTrue(); // SHA-256("") is the vector above
        assertThat(fingerprint.matches(new byte[1])).isFalse();
    }

    @Test
    void acceptsEverySupportedLength() {
        String sha1 = "sha-1 " + "AB:".repeat(19) + "AB";
        String sha512 = "sha-512 " + "0F:".repeat(63) + "0F";
        assertThat(RemoteFingerprint.parse(sha1).value()).hasSize(20);
        assertThat(RemoteFingerprint.parse(sha512).value()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "sha-256", "sha-256 ", "md5 AB:CD", "sha-256 AB:CD",
        "sha-256 E3-B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55",
        "sha-256 G3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55",
        "sha-256 E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:",
        "sha-256 ٣3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55",
        "sha-1 AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB"})
    void returnsNullForMalformedValues(String value) {
        assertThat(RemoteFingerprint.parse(value)).isNull();
    }

    @Test
    void everyPrefixOfAValidValueParsesWithoutThrowing() {
        for (String value : List.of(SHA256, "sha-1 " + "AB:".repeat(19) + "AB")) {
            for (int len = 0; len < value.length(); len++) {
                assertThat(RemoteFingerprint.parse(value.substring(0, len))).isNull();
            }
            assertThat(RemoteFingerprint.parse(value)).isNotNull();
        }
        assertThat(RemoteFingerprint.parse(null)).isNull();
    }

    @Test
    void matchesTheCertificateItWasTakenFrom() {
        DtlsCertificate certificate = DtlsCertificate.generate(new SecureRandom(),
                new dev.onair.transport.clock.ManualClock());
        RemoteFingerprint fingerprint = RemoteFingerprint.parse("sha-256 " + certificate.fingerprintSha256());
        assertThat(fingerprint.matches(certificate.derEncoded())).isTrue();
        RemoteFingerprint sha512 = new RemoteFingerprint("SHA-512",
                DtlsCertificate.fingerprint("sha-512", certificate.derEncoded()));
        assertThat(sha512.algorithm()).isEqualTo("sha-512");
        assertThat(sha512.matches(certificate.derEncoded())).isTrue();
    }

    @FuzzTest
    void parseNeverThrows(String value) {
        RemoteFingerprint parsed = RemoteFingerprint.parse(value);
        if (parsed != null) {
            assertThat(RemoteFingerprint.parse(parsed.toSdpValue())).isEqualTo(parsed);
        }
    }
}
