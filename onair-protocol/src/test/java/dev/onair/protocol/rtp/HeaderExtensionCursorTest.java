package dev.onair.protocol.rtp;

import static dev.onair.protocol.rtp.RtpVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderExtensionCursorTest {
    private final RtpHeader h = new RtpHeader();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();

    /** "id:offset:length" for every element the cursor yields. */
    private List<String> walk(byte[] p) {
        assertThat(h.parse(p, 0, p.length)).isTrue();
        List<String> out = new ArrayList<>();
        cursor.reset(p, h);
        while (cursor.next()) {
            out.add(cursor.id() + ":" + cursor.dataOffset() + ":" + cursor.dataLength());
        }
        return out;
    }

    @Test
    void walksChromeOneByteElements() {
        assertThat(walk(RtpVectors.oneByteChrome())).containsExactly("2:17:3", "4:21:2", "13:24:3");
        assertThat(cursor.malformed()).isFalse();
        assertThat(cursor.twoByteForm()).isFalse();
        assertThat(cursor.next()).isFalse();
    }

    @Test
    void skipsPaddingBetweenOneByteElements() {
        assertThat(walk(RtpVectors.oneBytePadded())).containsExactly("1:17:1", "3:21:2");
    }

    @Test
    void walksChromeTwoByteElements() {
        assertThat(walk(RtpVectors.twoByteChrome())).containsExactly(
                "2:18:3", "4:23:2", "9:27:1", "3:30:1", "6:33:1", "7:36:13", "13:51:33");
        assertThat(cursor.twoByteForm()).isTrue();
        assertThat(cursor.malformed()).isFalse();
    }

    @Test
    void twoByteFormAllowsEmptyElementsAndPadding() {
        byte[] p = bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header, X=1
                0x10, 0x03,                               // profile: two-byte form, appbits 3
                0x00, 0x02,                               // 2 words
                0x05, 0x00,                               // ID 5 length 0
                0x00,                                     // padding
                0x06, 0x01, 0xAB,                         // ID 6 length 1: ab
                0x00, 0x00);                              // padding
        assertThat(walk(p)).containsExactly("5:18:0", "6:21:1");
    }

    @Test
    void oneByteIdFifteenStopsTheWalk() {
        byte[] p = bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header, X=1
                0xBE, 0xDE, 0x00, 0x01,                   // one-byte form, 1 word
                0x10, 0xAA,                               // ID 1 L=0: aa
                0xF3,                                     // ID 15: stop
                0x20);                                    // never read as an element
        assertThat(walk(p)).containsExactly("1:17:1");
        assertThat(cursor.malformed()).isFalse();
    }

    @Test
    void oneByteIdZeroIsSkippedWhateverItsLength() {
        byte[] p = bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header, X=1
                0xBE, 0xDE, 0x00, 0x01,                   // one-byte form, 1 word
                0x05,                                     // ID 0 with L=5: one padding byte
                0x10, 0xAA,                               // ID 1 L=0: aa
                0x00);                                    // padding
        assertThat(walk(p)).containsExactly("1:18:1");
    }

    @Test
    void elementRunningPastTheBlockStopsAndIsFlagged() {
        byte[] p = bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header, X=1
                0xBE, 0xDE, 0x00, 0x01,                   // one-byte form, 1 word
                0x10, 0xAA,                               // ID 1 L=0: aa
                0x33, 0xBB,                               // ID 3 L=3 needs 4 bytes, 1 left
                0xCC, 0xDD, 0xEE);                        // payload
        assertThat(walk(p)).containsExactly("1:17:1");
        assertThat(cursor.malformed()).isTrue();
        assertThat(HeaderExtensions.find(p, h, 3)).isEqualTo(-1);
    }

    @Test
    void unknownProfileAndNoExtensionYieldNothing() {
        byte[] unknown = bytes(
                0x90, 0x60, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // fixed header, X=1
                0xAB, 0xCD, 0x00, 0x01,                   // profile 0xABCD, 1 word
                0x10, 0xAA, 0x00, 0x00);                  // opaque data
        assertThat(walk(unknown)).isEmpty();
        assertThat(walk(RtpVectors.plain())).isEmpty();
    }

    @Test
    void findLocatesElementsByIdInBothForms() {
        byte[] one = RtpVectors.oneByteChrome();
        h.parse(one, 0, one.length);
        assertThat(HeaderExtensions.find(one, h, 4)).isEqualTo(21);
        assertThat(HeaderExtensions.findLength(one, h, 4)).isEqualTo(2);
        assertThat(HeaderExtensions.find(one, h, 5)).isEqualTo(-1);
        assertThat(HeaderExtensions.findLength(one, h, 5)).isEqualTo(-1);
        assertThat(HeaderExtensions.find(one, h, 0)).isEqualTo(-1);
        byte[] two = RtpVectors.twoByteChrome();
        h.parse(two, 0, two.length);
        assertThat(HeaderExtensions.find(two, h, 13)).isEqualTo(51);
        assertThat(HeaderExtensions.findLength(two, h, 13)).isEqualTo(33);
        assertThat(two[HeaderExtensions.find(two, h, 9)]).isEqualTo((byte) 0x30);
    }
}
