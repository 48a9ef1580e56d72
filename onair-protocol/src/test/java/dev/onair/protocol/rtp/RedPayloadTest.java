package dev.onair.protocol.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedPayloadTest {
    private static final int RED = 63;
    private static final int OPUS = 111;

    private final RedPayload red = new RedPayload();

    @Test
    void parsesChromiumStyleRedWithOneRedundantBlock() {
        byte[] buf = new byte[64];
        int len = RedPayload.write(buf, 0, new int[] {OPUS}, new int[] {960}, new byte[][] {{1, 2, 3}}, OPUS,
                new byte[] {9, 8, 7, 6});
        assertThat(len).isEqualTo(4 + 1 + 3 + 4);
        assertThat(red.parse(buf, 0, len)).isTrue();
        assertThat(red.redundantBlocks()).isEqualTo(1);
        assertThat(red.blockPayloadType(0)).isEqualTo(OPUS);
        assertThat(red.blockTimestampOffset(0)).isEqualTo(960);
        assertThat(red.blockLength(0)).isEqualTo(3);
        assertThat(red.blockOffset(0)).isEqualTo(5);
        assertThat(red.primaryPayloadType()).isEqualTo(OPUS);
        assertThat(red.primaryOffset()).isEqualTo(8);
        assertThat(red.primaryLength()).isEqualTo(4);
    }

    @Test
    void parsesPrimaryOnlyPayload() {
        byte[] buf = {(byte) OPUS, 0x10, 0x20};
        assertThat(red.parse(buf, 0, 3)).isTrue();
        assertThat(red.redundantBlocks()).isZero();
        assertThat(red.primaryOffset()).isEqualTo(1);
        assertThat(red.primaryLength()).isEqualTo(2);
    }

    @Test
    void rejectsMalformedPayloadsWithAReason() {
        assertThat(red.parse(new byte[0], 0, 0)).isFalse();
        assertThat(red.dropReason()).isEqualTo(RedDrop.EMPTY);
        assertThat(red.parse(new byte[] {(byte) 0xEF, 0, 0}, 0, 3)).isFalse();
        assertThat(red.dropReason()).isEqualTo(RedDrop.TRUNCATED_HEADER);
        assertThat(red.parse(new byte[] {(byte) 0xEF, 0, 0, 5}, 0, 4)).isFalse();
        assertThat(red.dropReason()).isEqualTo(RedDrop.TRUNCATED_HEADER);
        assertThat(red.parse(new byte[] {(byte) 0xEF, 0, 0, 5, OPUS, 1, 2}, 0, 7)).isFalse();
        assertThat(red.dropReason()).isEqualTo(RedDrop.BLOCK_OVERRUN);
        assertThat(red.parse(new byte[4], 2, 5)).isFalse();
        assertThat(red.dropReason()).isEqualTo(RedDrop.BAD_BOUNDS);
        byte[] many = new byte[(RedPayload.MAX_BLOCKS + 1) * 4 + 1];
        for (int i = 0; i < RedPayload.MAX_BLOCKS + 1; i++) {
            many[i * 4] = (byte) 0xEF;
        }
        many[many.length - 1] = OPUS;
        assertThat(red.parse(many, 0, many.length)).isFalse();
        assertThat(red.dropReason()).isEqualTo(RedDrop.TOO_MANY_BLOCKS);
        assertThat(red.parse(null, 0, 0)).isFalse();
        assertThat(red.dropReason()).isEqualTo(RedDrop.BAD_BOUNDS);
    }

    @Test
    void stripsToAPlainOpusPacketInPlace() {
        byte[] pkt = new byte[128];
        pkt[0] = (byte) 0xA0; // V=2, P=1
        pkt[1] = (byte) (0x80 | RED);
        RtpWriter.setSequenceNumber(pkt, 0, 4242);
        RtpWriter.setTimestamp(pkt, 0, 96000);
        int payloadLen = RedPayload.write(pkt, 12, new int[] {OPUS, OPUS}, new int[] {1920, 960},
                new byte[][] {{1, 1}, {2, 2, 2}}, OPUS, new byte[] {5, 6, 7});
        int len = 12 + payloadLen;
        pkt[len] = 0;
        pkt[len + 1] = 2; // two padding bytes
        assertThat(red.parse(pkt, 12, payloadLen)).isTrue();

        int out = red.stripToPrimary(pkt, 0, 12, 100);

        RtpHeader h = new RtpHeader();
        assertThat(h.parse(pkt, 0, out)).isTrue();
        assertThat(h.payloadType()).isEqualTo(100);
        assertThat(h.marker()).isTrue();
        assertThat(h.hasPadding()).isFalse();
        assertThat(h.sequenceNumber()).isEqualTo(4242);
        assertThat(h.timestamp()).isEqualTo(96000);
        assertThat(Arrays.copyOfRange(pkt, h.payloadOffset(), h.payloadOffset() + h.payloadLength()))
                .containsExactly(5, 6, 7);
    }

    @Test
    void mapsEveryBlockPayloadTypeKeepingTheFollowBit() {
        byte[] buf = new byte[32];
        int len = RedPayload.write(buf, 0, new int[] {OPUS}, new int[] {960}, new byte[][] {{1}}, OPUS,
                new byte[] {2});
        assertThat(red.parse(buf, 0, len)).isTrue();
        int[] map = new int[128];
        Arrays.fill(map, -1);
        map[OPUS] = 109;

        red.mapPayloadTypes(buf, 0, map);

        assertThat(red.parse(buf, 0, len)).isTrue();
        assertThat(red.blockPayloadType(0)).isEqualTo(109);
        assertThat(red.blockTimestampOffset(0)).isEqualTo(960);
        assertThat(red.primaryPayloadType()).isEqualTo(109);
    }
}
