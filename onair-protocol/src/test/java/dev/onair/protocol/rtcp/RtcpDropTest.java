package dev.onair.protocol.rtcp;

import static dev.onair.protocol.rtcp.RtcpVectors.bytes;
import static dev.onair.protocol.rtcp.RtcpVectors.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.DropCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpDropTest {
    private static RtcpParseResult parse(byte[] b) {
        return RtcpParser.parse(b, 0, b.length);
    }

    @Test
    void lyingLengthKeepsThePacketsBeforeIt() {
        byte[] liar = RtcpVectors.PLI.clone();
        liar[3] = 9; // claims 40 bytes, 12 present
        RtcpParseResult r = parse(concat(RtcpVectors.RR, liar));
        assertThat(r.drop()).isEqualTo(RtcpDrop.LENGTH_BEYOND_BUFFER);
        assertThat(r.complete()).isFalse();
        assertThat(r.packets()).containsExactly(parse(RtcpVectors.RR).packets().get(0));
    }

    @Test
    void lengthShorterThanTheFixedPartIsTruncated() {
        byte[] sr = RtcpVectors.SR.clone();
        sr[3] = 6; // 28 bytes: the report block announced by RC=1 is cut off
        assertThat(parse(java.util.Arrays.copyOf(sr, 28)).drop()).isEqualTo(RtcpDrop.TRUNCATED);
        assertThat(parse(bytes(0x81, 0xCD, 0x00, 0x01, 0, 0, 0, 1)).drop()).isEqualTo(RtcpDrop.TRUNCATED);
        assertThat(parse(bytes(0x8F, 0xCD, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 2)).drop()).isEqualTo(RtcpDrop.TRUNCATED);
        assertThat(parse(bytes(0x82, 0xCB, 0x00, 0x01, 0, 0, 0, 1)).drop()).isEqualTo(RtcpDrop.TRUNCATED);
    }

    @Test
    void paddingBitStripsPadding() {
        byte[] padded = concat(RtcpVectors.RR, bytes(0x00, 0x00, 0x00, 0x04)); // 4 padding bytes, count 4
        padded[0] |= 0x20; // P=1
        padded[3] = 8;     // length 8 words
        RtcpParseResult r = parse(padded);
        assertThat(r.drop()).isNull();
        assertThat(r.packets()).containsExactly(parse(RtcpVectors.RR).packets().get(0));
        // Written back without padding, so not byte-identical by design.
        assertThat(RtcpWriter.length(r.packets())).isEqualTo(RtcpVectors.RR.length);
    }

    @Test
    void badPaddingCount() {
        byte[] zero = RtcpVectors.PLI.clone();
        zero[0] |= 0x20;
        zero[11] = 0;
        assertThat(parse(zero).drop()).isEqualTo(RtcpDrop.BAD_PADDING);
        byte[] huge = RtcpVectors.PLI.clone();
        huge[0] |= 0x20;
        huge[11] = 9;
        assertThat(parse(huge).drop()).isEqualTo(RtcpDrop.BAD_PADDING);
    }

    @Test
    void versionOneIsDropped() {
        byte[] v1 = RtcpVectors.PLI.clone();
        v1[0] = (byte) 0x41; // V=1
        RtcpParseResult r = parse(concat(RtcpVectors.RR, v1));
        assertThat(r.drop()).isEqualTo(RtcpDrop.BAD_VERSION);
        assertThat(r.packets()).hasSize(1);
    }

    @Test
    void emptyShortAndBadBounds() {
        assertThat(parse(new byte[0]).drop()).isEqualTo(RtcpDrop.EMPTY);
        assertThat(parse(new byte[0]).packets()).isEmpty();
        assertThat(parse(bytes(0x81, 0xC9, 0x00)).drop()).isEqualTo(RtcpDrop.TOO_SHORT);
        assertThat(parse(concat(RtcpVectors.PLI, bytes(0x80))).drop()).isEqualTo(RtcpDrop.TOO_SHORT);
        assertThat(RtcpParser.parse(null, 0, 0).drop()).isEqualTo(RtcpDrop.BAD_BOUNDS);
        assertThat(RtcpParser.parse(new byte[4], 2, 4).drop()).isEqualTo(RtcpDrop.BAD_BOUNDS);
        assertThat(RtcpParser.parse(new byte[4], -1, 1).drop()).isEqualTo(RtcpDrop.BAD_BOUNDS);
    }

    @Test
    void malformedBodies() {
        byte[] sdesNoTerminator = bytes(0x81, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x02, 'a', 'b');
        assertThat(parse(sdesNoTerminator).drop()).isEqualTo(RtcpDrop.MALFORMED_SDES);
        byte[] sdesItemOverrun = bytes(0x81, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x09, 'a', 'b');
        assertThat(parse(sdesItemOverrun).drop()).isEqualTo(RtcpDrop.MALFORMED_SDES);
        byte[] byeOverrun = bytes(0x81, 0xCB, 0x00, 0x02, 0, 0, 0, 1, 0x08, 'b', 'y', 'e');
        assertThat(parse(byeOverrun).drop()).isEqualTo(RtcpDrop.MALFORMED_BYE);
        byte[] firPartialEntry = bytes(0x84, 0xCE, 0x00, 0x03, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9);
        assertThat(parse(firPartialEntry).drop()).isEqualTo(RtcpDrop.MALFORMED_FEEDBACK);
        byte[] rembTooManySsrcs = RtcpVectors.REMB.clone();
        rembTooManySsrcs[16] = 2;
        assertThat(parse(rembTooManySsrcs).drop()).isEqualTo(RtcpDrop.MALFORMED_FEEDBACK);
    }

    @Test
    void malformedTransportCc() {
        byte[] reserved = RtcpVectors.TWCC_PION_LARGE.clone();
        reserved[20] = 0x60; // run-length chunk with the reserved symbol 3
        assertThat(parse(reserved).drop()).isEqualTo(RtcpDrop.MALFORMED_TWCC);
        byte[] missingDeltas = RtcpVectors.TWCC_PION_LARGE.clone();
        missingDeltas[15] = 9; // 9 packets counted: the fourth chunk bytes are deltas, then deltas run out
        assertThat(parse(missingDeltas).drop()).isEqualTo(RtcpDrop.MALFORMED_TWCC);
        byte[] missingChunks = bytes(0x8F, 0xCD, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 0);
        assertThat(parse(missingChunks).drop()).isEqualTo(RtcpDrop.MALFORMED_TWCC);
    }

    @Test
    void dropsAreCountable() {
        DropCounts<RtcpDrop> counts = new DropCounts<>(RtcpDrop.class);
        for (byte[] b : List.of(new byte[0], bytes(0x40, 0, 0, 0), bytes(0x80, 0xC9, 0x00, 0x05))) {
            RtcpDrop d = parse(b).drop();
            counts.increment(d);
        }
        assertThat(counts.snapshot()).containsOnlyKeys(RtcpDrop.EMPTY, RtcpDrop.BAD_VERSION,
                RtcpDrop.LENGTH_BEYOND_BUFFER);
    }
}
