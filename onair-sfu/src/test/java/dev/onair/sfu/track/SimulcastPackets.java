package dev.onair.sfu.track;

import dev.onair.protocol.rtp.RtpWriter;

/**
 * Synthetic VP8 simulcast packets: no header extension, a full VP8 descriptor (15-bit picture id, TL0PICIDX), a
 * key frame header with a frame size on key frame starts, and a last payload byte naming the layer that sent it
 * (so a test can see which layer a forwarded packet came from).
 */
final class SimulcastPackets {
    static final int PT = 96;
    static final int RTX_PT = 97;
    static final int HEADER = 12;
    static final int DESCRIPTOR = 5;

    private SimulcastPackets() {
    }

    static byte[] vp8(int seq, long ts, long ssrc, int pictureId, int tl0, boolean start, boolean keyframe,
                      boolean marker, int layer, int width, int height) {
        int payload = start ? 10 : 3;
        byte[] b = new byte[HEADER + DESCRIPTOR + payload + 1];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | PT);
        RtpWriter.setSequenceNumber(b, 0, seq);
        RtpWriter.setTimestamp(b, 0, ts);
        RtpWriter.setSsrc(b, 0, ssrc);
        int d = HEADER;
        b[d] = (byte) (0x80 | (start ? 0x10 : 0)); // X, S, PID 0
        b[d + 1] = (byte) 0xC0; // I, L
        b[d + 2] = (byte) (0x80 | ((pictureId >>> 8) & 0x7F)); // M=1: 15-bit picture id
        b[d + 3] = (byte) pictureId;
        b[d + 4] = (byte) tl0;
        int p = d + DESCRIPTOR;
        b[p] = (byte) (start && keyframe ? 0x00 : 0x01);
        if (start) {
            b[p + 3] = (byte) 0x9D;
            b[p + 4] = 0x01;
            b[p + 5] = 0x2A;
            b[p + 6] = (byte) width;
            b[p + 7] = (byte) (width >>> 8);
            b[p + 8] = (byte) height;
            b[p + 9] = (byte) (height >>> 8);
        }
        b[b.length - 1] = (byte) layer;
        return b;
    }

    /** The picture id of a forwarded packet (15-bit form). */
    static int pictureId(byte[] b) {
        return ((b[HEADER + 2] & 0x7F) << 8) | (b[HEADER + 3] & 0xFF);
    }

    static int tl0(byte[] b) {
        return b[HEADER + 4] & 0xFF;
    }

    static int layerTag(byte[] b) {
        return b[b.length - 1];
    }
}
