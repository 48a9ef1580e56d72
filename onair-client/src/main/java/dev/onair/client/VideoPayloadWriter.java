package dev.onair.client;

import java.util.Arrays;

/**
 * Writes synthetic video RTP payloads that real depacketizers and keyframe detectors accept. Local input only.
 *
 * <pre>
 * VP8 (RFC 7741 §4.2), 4-byte descriptor on every packet, then on the first packet the VP8 frame header:
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |X|R|N|S|R| PID |  X=1, N=0, S=1 on the first packet of the frame, PID=0
 * |I|L|T|K| RSV   |  I=1
 * |M| PictureID   |  M=1: 15-bit picture id, incremented per frame
 * |   PictureID   |
 * frame tag (RFC 6386 §9.1), 3 bytes little-endian: P (0 = key frame) | version&lt;&lt;1 | show_frame&lt;&lt;4 | size&lt;&lt;5
 * key frames only: start code 9D 01 2A, width and height (16 bits little-endian each)
 *
 * H.264 (RFC 6184 §5.6, §5.8): one packet = a single NAL unit (F|NRI=3|type 5 IDR or 1 non-IDR);
 * more = FU-A: indicator F|NRI=3|28, header S|E|R|type
 * </pre>
 */
public final class VideoPayloadWriter {
    public static final int VP8_DESCRIPTOR_BYTES = 4;
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    private static final byte FILLER = (byte) 0xA5;

    private VideoPayloadWriter() {
    }

    /**
     * Writes packet {@code index} of {@code count} of one frame: exactly {@code payloadBytes} bytes (at least 16)
     * at {@code buf[off]}. Returns {@code payloadBytes}.
     */
    public static int write(VideoCodec codec, byte[] buf, int off, boolean keyframe, int index, int count,
                            int pictureId, int payloadBytes) {
        int pos = codec == VideoCodec.VP8 ? writeVp8Start(buf, off, keyframe, index, pictureId)
                : writeH264Start(buf, off, keyframe, index, count);
        Arrays.fill(buf, pos, off + payloadBytes, FILLER);
        return payloadBytes;
    }

    private static int writeVp8Start(byte[] buf, int off, boolean keyframe, int index, int pictureId) {
        boolean first = index == 0;
        buf[off] = (byte) (0x80 | (first ? 0x10 : 0));
        buf[off + 1] = (byte) 0x80;
        buf[off + 2] = (byte) (0x80 | ((pictureId >>> 8) & 0x7F));
        buf[off + 3] = (byte) pictureId;
        int pos = off + VP8_DESCRIPTOR_BYTES;
        if (!first) {
            return pos;
        }
        int firstPartitionSize = 100;
        int tag = (keyframe ? 0 : 1) | (1 << 4) | (firstPartitionSize << 5);
        buf[pos] = (byte) tag;
        buf[pos + 1] = (byte) (tag >>> 8);
        buf[pos + 2] = (byte) (tag >>> 16);
        pos += 3;
        if (keyframe) {
            buf[pos] = (byte) 0x9D;
            buf[pos + 1] = 0x01;
            buf[pos + 2] = 0x2A;
            buf[pos + 3] = (byte) WIDTH;
            buf[pos + 4] = (byte) (WIDTH >>> 8);
            buf[pos + 5] = (byte) HEIGHT;
            buf[pos + 6] = (byte) (HEIGHT >>> 8);
            pos += 7;
        }
        return pos;
    }

    private static int writeH264Start(byte[] buf, int off, boolean keyframe, int index, int count) {
        int type = keyframe ? 5 : 1;
        if (count == 1) {
            buf[off] = (byte) (0x60 | type);
            return off + 1;
        }
        buf[off] = (byte) (0x60 | 28);
        buf[off + 1] = (byte) ((index == 0 ? 0x80 : 0) | (index == count - 1 ? 0x40 : 0) | type);
        return off + 2;
    }
}
