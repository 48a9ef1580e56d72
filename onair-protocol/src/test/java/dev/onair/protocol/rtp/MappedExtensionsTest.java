package dev.onair.protocol.rtp;

import static dev.onair.protocol.rtp.RtpVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MappedExtensionsTest {
    private final RtpHeader h = new RtpHeader();

    private static byte[] identity() {
        byte[] map = new byte[256];
        for (int i = 0; i < 256; i++) {
            map[i] = (byte) i;
        }
        return map;
    }

    private static byte[] map(int... fromTo) {
        byte[] map = new byte[256];
        for (int i = 0; i < fromTo.length; i += 2) {
            map[fromTo[i]] = (byte) fromTo[i + 1];
        }
        return map;
    }

    private byte[] rewrite(byte[] src, byte[] idMap) {
        assertThat(h.parse(src, 0, src.length)).isTrue();
        byte[] dst = new byte[HeaderExtensions.maxMappedLength(h)];
        int n = HeaderExtensions.copyWithMappedExtensions(src, 0, h, idMap, dst, 0);
        assertThat(n).isPositive();
        return Arrays.copyOf(dst, n);
    }

    @Test
    void identityMapReproducesPackedPacketsExactly() {
        byte[] one = RtpVectors.oneByteChrome();
        assertThat(rewrite(one, identity())).containsExactly(one);
        byte[] two = RtpVectors.twoByteChrome();
        assertThat(rewrite(two, identity())).containsExactly(two);
    }

    @Test
    void mapsIdsAndRemovesInterElementPadding() {
        assertThat(rewrite(RtpVectors.oneBytePadded(), map(1, 5, 3, 7))).containsExactly(bytes(
                0x90, 0x60, 0x00, 0x01,  // V=2 X=1, PT=96, seq 1
                0x00, 0x00, 0x00, 0x64,  // timestamp 100
                0x00, 0x00, 0x00, 0x07,  // SSRC 7
                0xBE, 0xDE,              // one-byte form kept
                0x00, 0x02,              // 2 words
                0x50, 0xAA,              // ID 1 -> 5, L=0: aa
                0x71, 0xBB, 0xCC,        // ID 3 -> 7, L=1: bbcc
                0x00, 0x00, 0x00,        // padding to 32 bits
                0x99));                  // payload
    }

    @Test
    void dropsOneElementAndShrinksTheBlock() {
        assertThat(rewrite(RtpVectors.oneBytePadded(), map(3, 3))).containsExactly(bytes(
                0x90, 0x60, 0x00, 0x01,  // V=2 X=1, PT=96, seq 1
                0x00, 0x00, 0x00, 0x64,  // timestamp 100
                0x00, 0x00, 0x00, 0x07,  // SSRC 7
                0xBE, 0xDE,              // one-byte form
                0x00, 0x01,              // 1 word
                0x31, 0xBB, 0xCC,        // ID 3, L=1: bbcc
                0x00,                    // padding
                0x99));                  // payload
    }

    @Test
    void droppingEveryElementClearsTheExtensionBit() {
        byte[] out = rewrite(RtpVectors.oneBytePadded(), new byte[256]);
        assertThat(out).containsExactly(bytes(
                0x80, 0x60, 0x00, 0x01,  // V=2 X=0 now, PT=96, seq 1
                0x00, 0x00, 0x00, 0x64,  // timestamp 100
                0x00, 0x00, 0x00, 0x07,  // SSRC 7
                0x99));                  // payload
        assertThat(h.parse(out, 0, out.length)).isTrue();
        assertThat(h.hasExtension()).isFalse();
    }

    @Test
    void mappedIdAboveFourteenSwitchesToTwoByteForm() {
        assertThat(rewrite(RtpVectors.oneBytePadded(), map(1, 20, 3, 3))).containsExactly(bytes(
                0x90, 0x60, 0x00, 0x01,  // V=2 X=1, PT=96, seq 1
                0x00, 0x00, 0x00, 0x64,  // timestamp 100
                0x00, 0x00, 0x00, 0x07,  // SSRC 7
                0x10, 0x00,              // two-byte form, appbits 0
                0x00, 0x02,              // 2 words
                0x14, 0x01, 0xAA,        // ID 20 length 1: aa
                0x03, 0x02, 0xBB, 0xCC,  // ID 3 length 2: bbcc
                0x00,                    // padding
                0x99));                  // payload
    }

    @Test
    void twoByteFormKeepsAppbitsAndMapsIds() {
        byte[] src = bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header, X=1
                0x10, 0x03, 0x00, 0x02,                   // two-byte form, appbits 3, 2 words
                0x05, 0x00,                               // ID 5 length 0
                0x06, 0x01, 0xAB,                         // ID 6 length 1: ab
                0x00, 0x00, 0x00);                        // padding
        assertThat(rewrite(src, map(5, 200, 6, 1))).containsExactly(bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header unchanged
                0x10, 0x03, 0x00, 0x02,                   // two-byte form, appbits kept, 2 words
                0xC8, 0x00,                               // ID 200 length 0
                0x01, 0x01, 0xAB,                         // ID 1 length 1: ab
                0x00, 0x00, 0x00));                       // padding
    }

    @Test
    void keepsCsrcsAndRtpPadding() {
        byte[] src = bytes(
                0xB1, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // V=2 P=1 X=1 CC=1
                0x11, 0x22, 0x33, 0x44,                   // CSRC
                0xBE, 0xDE, 0x00, 0x01,                   // one-byte form, 1 word
                0x10, 0xAA, 0x20, 0xBB,                   // ID 1: aa, ID 2: bb
                0x77,                                     // payload
                0x00, 0x02);                              // RTP padding, count 2
        byte[] out = rewrite(src, map(2, 2));
        assertThat(out).containsExactly(bytes(
                0xB1, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // header unchanged
                0x11, 0x22, 0x33, 0x44,                   // CSRC
                0xBE, 0xDE, 0x00, 0x01,                   // one-byte form, 1 word
                0x20, 0xBB, 0x00, 0x00,                   // ID 2: bb, padding
                0x77,                                     // payload
                0x00, 0x02));                             // RTP padding kept
        assertThat(h.parse(out, 0, out.length)).isTrue();
        assertThat(h.paddingLength()).isEqualTo(2);
        assertThat(h.payloadLength()).isEqualTo(1);
    }

    @Test
    void copiesUnknownProfilesAndPlainPacketsVerbatim() {
        byte[] unknown = bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header, X=1
                0xAB, 0xCD, 0x00, 0x01,                   // unknown profile, 1 word
                0x10, 0xAA, 0x00, 0x00, 0x42);            // opaque block, payload
        assertThat(rewrite(unknown, new byte[0])).containsExactly(unknown);
        byte[] plain = RtpVectors.plain();
        assertThat(rewrite(plain, null)).containsExactly(plain);
    }

    @Test
    void refusesSmallDestinationWithoutWriting() {
        byte[] src = RtpVectors.oneBytePadded();
        h.parse(src, 0, src.length);
        byte[] dst = new byte[src.length + 4];
        Arrays.fill(dst, (byte) 0x5C);
        assertThat(HeaderExtensions.copyWithMappedExtensions(src, 0, h, map(1, 20, 3, 3), dst, 5)).isEqualTo(-1);
        assertThat(dst).containsOnly((byte) 0x5C);
        assertThat(HeaderExtensions.copyWithMappedExtensions(src, 0, h, map(1, 20, 3, 3), dst, 0))
                .isEqualTo(src.length);
    }

    @Test
    void refusesOverlapAndInconsistentArguments() {
        byte[] buf = new byte[64];
        byte[] src = RtpVectors.oneBytePadded();
        System.arraycopy(src, 0, buf, 0, src.length);
        h.parse(buf, 0, src.length);
        assertThat(HeaderExtensions.copyWithMappedExtensions(buf, 0, h, identity(), buf, 10)).isEqualTo(-1);
        assertThat(HeaderExtensions.copyWithMappedExtensions(buf, 3, h, identity(), new byte[64], 0)).isEqualTo(-1);
        assertThat(HeaderExtensions.copyWithMappedExtensions(buf, 0, h, identity(), buf, 30)).isEqualTo(src.length);
        h.parse(new byte[3], 0, 3);
        assertThat(HeaderExtensions.copyWithMappedExtensions(buf, 0, h, identity(), new byte[64], 0)).isEqualTo(-1);
    }
}
