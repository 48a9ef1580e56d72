package dev.onair.protocol.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackHelpersTest {
    @Test
    void nackPacksLostSequenceNumbersAcrossTheWrap() {
        GenericNack nack = GenericNack.ofLost(1, 2, List.of(65534, 65535, 0, 65535, 20));
        assertThat(nack.items()).containsExactly(new NackItem(65534, 0b11), new NackItem(20, 0));
        assertThat(nack.lostSequenceNumbers()).containsExactly(65534, 65535, 0, 20);
        assertThat(GenericNack.ofLost(1, 2, List.of()).items()).isEmpty();
    }

    @Test
    void nackItemCoversSixteenFollowers() {
        GenericNack nack = GenericNack.ofLost(1, 2, List.of(10, 26, 27));
        assertThat(nack.items()).containsExactly(new NackItem(10, 0x8000), new NackItem(27, 0));
    }

    @Test
    void rembRoundsToEighteenBitMantissa() {
        Remb remb = new Remb(1, 123_456_789L, List.of());
        byte[] out = new byte[remb.length()];
        remb.writeTo(out, 0);
        Remb back = (Remb) RtcpParser.parse(out, 0, out.length).packets().get(0);
        // 123456789 >> 9 = 241126 fits 18 bits; 241126 << 9 = 123456512
        assertThat(back.bitrateBps()).isEqualTo(123_456_512L);
    }

    @Test
    void rembHugeExponentClampsInsteadOfOverflowing() {
        byte[] remb = RtcpVectors.REMB.clone();
        remb[17] = (byte) 0xFF; // exponent 63, mantissa top bits set
        Remb back = (Remb) RtcpParser.parse(remb, 0, remb.length).packets().get(0);
        assertThat(back.bitrateBps()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ntpConversions() {
        assertThat(NtpTime.fromUnixMillis(0)).isEqualTo(2_208_988_800L << 32);
        long ntp = NtpTime.fromUnixMillis(1_700_000_000_500L);
        assertThat(ntp >>> 32).isEqualTo(1_700_000_000L + 2_208_988_800L);
        assertThat(ntp & 0xFFFFFFFFL).isEqualTo(1L << 31);
        assertThat(NtpTime.toUnixMillis(ntp)).isEqualTo(1_700_000_000_500L);
        for (long ms = 1_700_000_000_000L; ms < 1_700_000_001_000L; ms += 7) {
            assertThat(NtpTime.toUnixMillis(NtpTime.fromUnixMillis(ms))).isEqualTo(ms);
        }
        assertThat(NtpTime.middle32(0xE8A1B2C3D4E5F607L)).isEqualTo(0xB2C3D4E5L);
    }
}
