package dev.onair.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.onair.transport.dtls.DtlsRole;

/** Jazzer targets: arbitrary bytes into every inbound SRTP path of both backends must never throw. */
class SrtpFuzzTest {
    private static final SrtpKeyMaterial KEYS_CM = keys(SrtpProfile.AES128_CM_HMAC_SHA1_80);
    private static final SrtpKeyMaterial KEYS_GCM = keys(SrtpProfile.AEAD_AES_128_GCM);

    private static SrtpKeyMaterial keys(SrtpProfile profile) {
        return new SrtpKeyMaterial(profile, new byte[profile.keyLengthBytes()], new byte[profile.saltLengthBytes()],
                new byte[profile.keyLengthBytes()], new byte[profile.saltLengthBytes()]);
    }

    @FuzzTest
    void unprotectNeverThrows(FuzzedDataProvider data) {
        boolean gcm = data.consumeBoolean();
        SrtpBackend backend = data.consumeBoolean() ? SrtpBackend.JCE : SrtpBackend.JITSI;
        boolean rtcp = data.consumeBoolean();
        byte[] packet = data.consumeRemainingAsBytes();
        SrtpSession session = SrtpSession.create(gcm ? KEYS_GCM : KEYS_CM, DtlsRole.SERVER, backend);
        int result = rtcp ? session.unprotectRtcp(packet, 0, packet.length)
                : session.unprotectRtp(packet, 0, packet.length);
        assertThat(result < 0 ? SrtpDrop.fromCode(result) != null : result <= packet.length).isTrue();
    }

    @FuzzTest
    void protectNeverThrows(FuzzedDataProvider data) {
        SrtpBackend backend = data.consumeBoolean() ? SrtpBackend.JCE : SrtpBackend.JITSI;
        boolean rtcp = data.consumeBoolean();
        int spare = data.consumeInt(0, SrtpSession.MAX_OVERHEAD);
        byte[] packet = data.consumeRemainingAsBytes();
        byte[] buf = java.util.Arrays.copyOf(packet, packet.length + spare);
        SrtpSession session = SrtpSession.create(KEYS_GCM, DtlsRole.CLIENT, backend);
        int result = rtcp ? session.protectRtcp(buf, 0, packet.length) : session.protectRtp(buf, 0, packet.length);
        assertThat(result < 0 ? SrtpDrop.fromCode(result) != null : result <= buf.length).isTrue();
    }
}
