package dev.onair.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.transport.dtls.DtlsRole;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Published test vectors, byte for byte: RFC 3711 Appendix B, RFC 7714 §16/§17, libsrtp's validation packets. */
class SrtpVectorsTest {

    // RFC 3711 Appendix B.3 master key and salt, also libsrtp's srtp_validate material.
    private static final byte[] MASTER_KEY = Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = Hex.bytes("0EC675AD498AFEEBB6960B3AABE6");

    // RFC 7714 §16/§17 session key and salt ("Quid pro quo"), used without key derivation.
    private static final byte[] GCM_KEY = Hex.bytes("000102030405060708090a0b0c0d0e0f");
    private static final byte[] GCM_SALT = Hex.bytes("517569642070726f2071756f");

    private static final byte[] GCM_RTP_PLAIN = Hex.bytes(
            "80 40 f17b"                 // V=2 P=0 X=0 CC=0 | M=0 PT=64 | seq 0xf17b
            + "8041f8d3"                 // timestamp
            + "5501a0b2"                 // SSRC
            + "47616c6c696120657374206f6d6e697320646976697361" // payload "Gallia est omnis divisa"
            + "20696e207061727465732074726573");               // " in partes tres"
    private static final byte[] GCM_RTP_PROTECTED = Hex.bytes(
            "8040f17b 8041f8d3 5501a0b2"                      // header, authenticated in clear
            + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833" // ciphertext
            + "899d7f27beb16a9152cf765ee4390cce");            // 16-byte GCM tag

    private static final byte[] GCM_RTCP_PLAIN = Hex.bytes(
            "81 c8 000d"                 // V=2 P=0 RC=1 | PT=200 (SR) | length 13 words
            + "4d617273"                 // sender SSRC "Mars"
            + "4e545031 4e545032"        // NTP timestamp
            + "52545020"                 // RTP timestamp
            + "0000042a"                 // sender's packet count
            + "0000e930"                 // sender's octet count
            + "4c756e61"                 // report block SSRC "Luna"
            + "deadbeef deadbeef deadbeef deadbeef deadbeef"); // rest of the report block
    private static final byte[] GCM_RTCP_PROTECTED = Hex.bytes(
            "81c8000d 4d617273"          // first 8 bytes in clear
            + "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda"
            + "4ce09b4686303ded0bb9275b"                       // 44 bytes of ciphertext (two lines)
            + "c84aa45896cf4d2fc5abf87245d9eade"               // 16-byte GCM tag
            + "800005d4");                                     // E=1 | SRTCP index 0x5d4
    private static final byte[] GCM_RTCP_TAG_ONLY = Hex.bytes(
            "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61"
            + "deadbeef deadbeef deadbeef deadbeef deadbeef"  // whole RTCP packet in clear (AAD)
            + "841dd9683dd78ec92ae58790125f62b3"               // GCM tag
            + "000005d4");                                     // E=0 | SRTCP index 0x5d4

    @Test
    void rfc3711AppendixB3KeyDerivation() {
        assertThat(SrtpKdf.derive(MASTER_KEY, MASTER_SALT, SrtpKdf.LABEL_RTP_ENCRYPTION, 16))
                .isEqualTo(Hex.bytes("C61E7A93744F39EE10734AFE3FF7A087"));
        assertThat(SrtpKdf.derive(MASTER_KEY, MASTER_SALT, SrtpKdf.LABEL_RTP_SALT, 14))
                .isEqualTo(Hex.bytes("30CBBC08863D8C85D49DB34A9AE1"));
        assertThat(SrtpKdf.derive(MASTER_KEY, MASTER_SALT, SrtpKdf.LABEL_RTP_AUTH, 94)).isEqualTo(Hex.bytes(
                "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE"
                + "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25"
                + "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2"));
    }

    @Test
    void rfc3711AppendixB2AesCmKeystream() {
        JceCmTransform transform = new JceCmTransform(Hex.bytes("2B7E151628AED2A6ABF7158809CF4F3C"),
                Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"), new byte[20], 10);
        int payload = 65282 * 16; // the RFC's keystream segment
        byte[] buf = new byte[12 + payload + 10];
        buf[0] = (byte) 0x80; // V=2; SSRC 0, sequence number 0, ROC 0: the counter is the salt itself
        int len = transform.protectRtp(buf, 0, 12 + payload, 12, 0, 0);

        assertThat(len).isEqualTo(12 + payload + 10);
        assertThat(Arrays.copyOfRange(buf, 12, 12 + 48)).isEqualTo(Hex.bytes(
                "E03EAD0935C95E80E166B16DD92B4EB4"     // counter F0F1...FCFD0000
                + "D23513162B02D0F72A43A2FE4A5F97AB"   // counter ...0001
                + "41E95B3BB0A2E8DD477901E4FCA894C0")); // counter ...0002
        assertThat(Arrays.copyOfRange(buf, 12 + 0xFEFF * 16, 12 + payload)).isEqualTo(Hex.bytes(
                "EC8CDF7398607CB0F2D21675EA9EA1E4"     // counter ...FEFF
                + "362B7C3C6773516318A077D7FC5073AE"   // counter ...FF00
                + "6A2CC3787889374FBEB4C81B17BA6C44")); // counter ...FF01
    }

    @Test
    void rfc7714Section16RtpEncryptAndDecrypt() {
        JceGcmTransform transform = new JceGcmTransform(GCM_KEY, GCM_SALT);
        byte[] buf = Arrays.copyOf(GCM_RTP_PLAIN, GCM_RTP_PLAIN.length + 16);

        int len = transform.protectRtp(buf, 0, GCM_RTP_PLAIN.length, 12, 0x5501a0b2, 0xf17b);
        assertThat(Arrays.copyOf(buf, len)).isEqualTo(GCM_RTP_PROTECTED);

        int plainLen = new JceGcmTransform(GCM_KEY, GCM_SALT).unprotectRtp(buf, 0, len, 12, 0x5501a0b2, 0xf17b);
        assertThat(Arrays.copyOf(buf, plainLen)).isEqualTo(GCM_RTP_PLAIN);
    }

    @Test
    void rfc7714Section17RtcpEncryptAndDecrypt() {
        JceGcmTransform transform = new JceGcmTransform(GCM_KEY, GCM_SALT);
        byte[] buf = Arrays.copyOf(GCM_RTCP_PLAIN, GCM_RTCP_PLAIN.length + 20);

        int len = transform.protectRtcp(buf, 0, GCM_RTCP_PLAIN.length, 0x4d617273, 0x5d4);
        assertThat(Arrays.copyOf(buf, len)).isEqualTo(GCM_RTCP_PROTECTED);

        int word = transform.srtcpIndexWord(buf, 0, len);
        assertThat(word).isEqualTo(0x800005d4);
        int plainLen = new JceGcmTransform(GCM_KEY, GCM_SALT).unprotectRtcp(buf, 0, len, 0x4d617273, word);
        assertThat(Arrays.copyOf(buf, plainLen)).isEqualTo(GCM_RTCP_PLAIN);
    }

    @Test
    void rfc7714Section17AuthenticatedOnlyRtcpVerifies() {
        JceGcmTransform transform = new JceGcmTransform(GCM_KEY, GCM_SALT);
        byte[] buf = GCM_RTCP_TAG_ONLY.clone();
        int word = transform.srtcpIndexWord(buf, 0, buf.length);
        assertThat(word).isEqualTo(0x000005d4);
        assertThat(transform.unprotectRtcp(buf, 0, buf.length, 0x4d617273, word)).isEqualTo(GCM_RTCP_PLAIN.length);
        assertThat(Arrays.copyOf(buf, GCM_RTCP_PLAIN.length)).isEqualTo(GCM_RTCP_PLAIN);

        buf[20] ^= 1; // tamper with the clear text: the tag no longer verifies
        assertThat(transform.unprotectRtcp(buf, 0, buf.length, 0x4d617273, word))
                .isEqualTo(SrtpDrop.AUTH_FAILED.code());
    }

    private static final byte[] LIBSRTP_RTP_PLAIN = Hex.bytes(
            "80 0f 1234"                 // V=2 | PT=15 | seq 0x1234
            + "decafbad"                 // timestamp
            + "cafebabe"                 // SSRC
            + "abababab abababab abababab abababab"); // payload
    private static final byte[] LIBSRTP_RTP_PROTECTED = Hex.bytes(
            "800f1234 decafbad cafebabe"                       // header in clear
            + "4e55dc4ce79978d88ca4d215949d2402"               // AES-CM ciphertext
            + "b78d6acc99ea179b8dbb");                         // HMAC-SHA1-80 tag
    private static final byte[] LIBSRTP_RTCP_PLAIN = Hex.bytes(
            "81 c8 000b"                 // V=2 RC=1 | PT=200 | length 11
            + "cafebabe"                 // sender SSRC
            + "abababab abababab abababab abababab");
    private static final byte[] LIBSRTP_RTCP_PROTECTED = Hex.bytes(
            "81c8000b cafebabe"                                // first 8 bytes in clear
            + "7128035be487b9bdbef89041f977a5a8"               // ciphertext
            + "80000001"                                       // E=1 | SRTCP index 1
            + "993e08cd54d6c1230798");                         // HMAC-SHA1-80 tag

    private static SrtpSession cmSession(SrtpBackend backend) {
        SrtpKeyMaterial keys = new SrtpKeyMaterial(SrtpProfile.AES128_CM_HMAC_SHA1_80,
                MASTER_KEY, MASTER_SALT, MASTER_KEY, MASTER_SALT);
        return SrtpSession.create(keys, DtlsRole.CLIENT, backend);
    }

    @ParameterizedTest
    @EnumSource(SrtpBackend.class)
    void libsrtpRtpPacketThroughTheWholeSession(SrtpBackend backend) {
        byte[] buf = Arrays.copyOf(LIBSRTP_RTP_PLAIN, LIBSRTP_RTP_PLAIN.length + SrtpSession.MAX_OVERHEAD);
        int len = cmSession(backend).protectRtp(buf, 0, LIBSRTP_RTP_PLAIN.length);
        assertThat(Arrays.copyOf(buf, len)).isEqualTo(LIBSRTP_RTP_PROTECTED);

        int plainLen = cmSession(backend).unprotectRtp(buf, 0, len);
        assertThat(Arrays.copyOf(buf, plainLen)).isEqualTo(LIBSRTP_RTP_PLAIN);
    }

    @ParameterizedTest
    @EnumSource(SrtpBackend.class)
    void libsrtpRtcpPacketThroughTheWholeSession(SrtpBackend backend) {
        byte[] buf = LIBSRTP_RTCP_PROTECTED.clone();
        int plainLen = cmSession(backend).unprotectRtcp(buf, 0, buf.length);
        assertThat(Arrays.copyOf(buf, plainLen)).isEqualTo(LIBSRTP_RTCP_PLAIN);
    }

    @Test
    void keyingMaterialSplitFollowsRfc5764() {
        byte[] exported = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLengthBytes()];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }
        SrtpKeyMaterial keys = SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, exported);

        assertThat(exported).hasSize(56); // 2 * (16 + 12)
        assertThat(keys.clientWriteKey()).isEqualTo(Arrays.copyOfRange(exported, 0, 16));
        assertThat(keys.serverWriteKey()).isEqualTo(Arrays.copyOfRange(exported, 16, 32));
        assertThat(keys.clientWriteSalt()).isEqualTo(Arrays.copyOfRange(exported, 32, 44));
        assertThat(keys.serverWriteSalt()).isEqualTo(Arrays.copyOfRange(exported, 44, 56));
        assertThat(keys.toString()).doesNotContain("0, 1, 2").contains("redacted");
    }
}
