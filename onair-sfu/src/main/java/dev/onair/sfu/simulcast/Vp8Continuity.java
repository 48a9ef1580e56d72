package dev.onair.sfu.simulcast;

import dev.onair.protocol.codec.Vp8Descriptor;

/**
 * Keeps the VP8 picture id and TL0PICIDX (RFC 7741 section 4.2) of one outgoing stream continuous across source
 * switches (another simulcast layer, another publisher), rewriting them in place. Within one source both are
 * shifted by a fixed offset; at a switch (the first packet of a new SSRC, a key frame) the offsets are chosen so
 * that the new source's first frame is the last forwarded picture id + 1 and its TL0PICIDX the last one + 1.
 * Picture ids keep each packet's own form (7 bits when M=0, 15 bits when M=1) in one 15-bit number space.
 * Payloads without a descriptor field pass through unchanged; unparsable ones are counted and left unchanged.
 * Media loop only; no allocation.
 */
public final class Vp8Continuity {
    private static final int PID_MASK = Vp8Descriptor.PICTURE_ID_MOD - 1;

    private final Vp8Descriptor d = new Vp8Descriptor();
    private long sourceSsrc = -1;
    private boolean haveSourcePid;
    private int lastSourcePid;
    private int pidOffset;
    private boolean haveOutPid;
    private int lastOutPid;
    private boolean haveSourceTl0;
    private int tl0Offset;
    private boolean haveOutTl0;
    private int lastOutTl0;
    private long malformed;

    /** The next packet starts a new source (the track was re-bound). */
    public void resync() {
        sourceSsrc = -1;
    }

    /** Rewrites the descriptor of one forwarded VP8 payload at {@code buf[off..off+len)} of source {@code ssrc}. */
    public void rewrite(byte[] buf, int off, int len, long ssrc) {
        if (!d.parse(buf, off, len)) {
            malformed++;
            return;
        }
        if (ssrc != sourceSsrc) {
            sourceSsrc = ssrc;
            haveSourcePid = false;
            haveSourceTl0 = false;
        }
        if (d.hasPictureId()) {
            int src = extendPictureId();
            if (!haveSourcePid) {
                haveSourcePid = true;
                pidOffset = haveOutPid ? (lastOutPid + 1 - src) & PID_MASK : 0;
                lastSourcePid = src;
            } else if (diff15(src, lastSourcePid) > 0) {
                lastSourcePid = src;
            }
            int out = (src + pidOffset) & PID_MASK;
            if (!haveOutPid || diff15(out, lastOutPid) > 0) {
                lastOutPid = out;
                haveOutPid = true;
            }
            Vp8Descriptor.writePictureId(buf, d.pictureIdOffset(), d.isLongPictureId(), out);
        }
        if (d.hasTl0PicIdx()) {
            int src = d.tl0PicIdx();
            if (!haveSourceTl0) {
                haveSourceTl0 = true;
                tl0Offset = haveOutTl0 ? (lastOutTl0 + 1 - src) & 0xFF : 0;
            }
            int out = (src + tl0Offset) & 0xFF;
            if (!haveOutTl0 || (byte) (out - lastOutTl0) > 0) {
                lastOutTl0 = out;
                haveOutTl0 = true;
            }
            Vp8Descriptor.writeTl0PicIdx(buf, d.tl0PicIdxOffset(), out);
        }
    }

    /** Rewrites a resent packet of the current source with the current offsets, without touching the state. */
    public void rewriteResent(byte[] buf, int off, int len) {
        if (!d.parse(buf, off, len)) {
            malformed++;
            return;
        }
        if (d.hasPictureId()) {
            Vp8Descriptor.writePictureId(buf, d.pictureIdOffset(), d.isLongPictureId(),
                    (d.pictureId() + pidOffset) & PID_MASK);
        }
        if (d.hasTl0PicIdx()) {
            Vp8Descriptor.writeTl0PicIdx(buf, d.tl0PicIdxOffset(), (d.tl0PicIdx() + tl0Offset) & 0xFF);
        }
    }

    /** The packet's picture id in the 15-bit space: a 7-bit id is extended next to the source's last one. */
    private int extendPictureId() {
        int pid = d.pictureId();
        if (d.isLongPictureId() || !haveSourcePid) {
            return pid;
        }
        int delta = (pid - (lastSourcePid & 0x7F)) & 0x7F;
        if (delta >= 64) {
            delta -= 128;
        }
        return (lastSourcePid + delta) & PID_MASK;
    }

    private static int diff15(int a, int b) {
        int delta = (a - b) & PID_MASK;
        return delta >= Vp8Descriptor.PICTURE_ID_MOD / 2 ? delta - Vp8Descriptor.PICTURE_ID_MOD : delta;
    }

    /** The last picture id forwarded (15-bit space); -1 before the first. */
    public int lastOutPictureId() {
        return haveOutPid ? lastOutPid : -1;
    }

    /** The last TL0PICIDX forwarded; -1 before the first. */
    public int lastOutTl0PicIdx() {
        return haveOutTl0 ? lastOutTl0 : -1;
    }

    /** VP8 payloads whose descriptor could not be parsed (forwarded unchanged). */
    public long malformed() {
        return malformed;
    }
}
