package dev.onair.sfu.simulcast;

import dev.onair.protocol.codec.Vp8Descriptor;
import java.util.Arrays;

/**
 * Keeps the VP8 picture id and TL0PICIDX (RFC 7741 section 4.2) of one outgoing stream continuous across source
 * switches (another simulcast layer, another publisher), rewriting them in place. Within one source both are
 * shifted by a fixed offset; at a switch (the first packet of a new SSRC, a key frame) the offsets are chosen so
 * that the new source's first frame is the last forwarded picture id + 1 and its TL0PICIDX the last one + 1.
 * Picture ids keep each packet's own form (7 bits when M=0, 15 bits when M=1) in one 15-bit number space.
 * Payloads without a descriptor field pass through unchanged; unparsable ones are counted and left unchanged.
 *
 * <p>Pictures the SFU leaves out on purpose (a temporal layer this receiver does not get) are announced with
 * {@link #drop}: the pictures after them move down so that picture ids stay consecutive (libwebrtc's VP8 reference
 * finder waits for every missing picture id between a frame and its reference, so a gap would freeze the receiver).
 * TL0PICIDX needs nothing: only frames above temporal layer 0 are ever left out. The offset each picture got is kept
 * for the last {@link #PICTURE_HISTORY} pictures, for late packets and retransmissions. Media loop only; no
 * allocation.
 */
public final class Vp8Continuity {
    private static final int PID_MASK = Vp8Descriptor.PICTURE_ID_MOD - 1;
    /** Pictures whose offset is remembered (a power of two): 8 s at 30 fps. */
    public static final int PICTURE_HISTORY = 256;
    private static final int HISTORY_MASK = PICTURE_HISTORY - 1;
    private static final int DROPPED = Integer.MIN_VALUE;
    /** The source picture id each slot belongs to (index: source picture id & HISTORY_MASK), -1 none. */
    private final int[] pictureTag = new int[PICTURE_HISTORY];
    /** The offset that picture got, or DROPPED. */
    private final int[] pictureOffset = new int[PICTURE_HISTORY];

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
    private long picturesDropped;

    public Vp8Continuity() {
        Arrays.fill(pictureTag, -1);
    }

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
            Arrays.fill(pictureTag, -1); // a switch is rare: the old source's ids must not match
            haveSourceTl0 = false;
        }
        if (d.hasPictureId()) {
            int src = extendPictureId();
            int offset = pidOffset;
            if (!haveSourcePid) {
                haveSourcePid = true;
                pidOffset = haveOutPid ? (lastOutPid + 1 - src) & PID_MASK : 0;
                offset = pidOffset;
                lastSourcePid = src;
                remember(src, offset);
            } else if (diff15(src, lastSourcePid) > 0) {
                advancePictures(src);
                remember(src, pidOffset);
            } else {
                int known = offsetOf(src);
                offset = known == DROPPED ? pidOffset : known;
            }
            int out = (src + offset) & PID_MASK;
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

    /**
     * A packet of source {@code ssrc} that is left out on purpose (its whole picture is): when its picture is the
     * newest, later pictures move down by one. A picture already partly forwarded keeps its id (a late decision
     * cannot take it back).
     */
    public void drop(byte[] buf, int off, int len, long ssrc) {
        if (ssrc != sourceSsrc || !haveSourcePid || !d.parse(buf, off, len) || !d.hasPictureId()) {
            return;
        }
        int src = extendPictureId();
        if (diff15(src, lastSourcePid) > 0) {
            advancePictures(src);
            pictureTag[src & HISTORY_MASK] = src;
            pictureOffset[src & HISTORY_MASK] = DROPPED;
            pidOffset = (pidOffset - 1) & PID_MASK;
            picturesDropped++;
        }
    }

    /** Rewrites a resent packet of the current source with the offsets it had, without touching the state. */
    public void rewriteResent(byte[] buf, int off, int len) {
        if (!d.parse(buf, off, len)) {
            malformed++;
            return;
        }
        if (d.hasPictureId()) {
            int known = haveSourcePid ? offsetOf(extendPictureId()) : DROPPED;
            int offset = known == DROPPED ? pidOffset : known;
            Vp8Descriptor.writePictureId(buf, d.pictureIdOffset(), d.isLongPictureId(),
                    (d.pictureId() + offset) & PID_MASK);
        }
        if (d.hasTl0PicIdx()) {
            Vp8Descriptor.writeTl0PicIdx(buf, d.tl0PicIdxOffset(), (d.tl0PicIdx() + tl0Offset) & 0xFF);
        }
    }

    /** Moves the newest source picture to {@code src}: pictures skipped on the way keep the current offset. */
    private void advancePictures(int src) {
        int skipped = Math.min(diff15(src, lastSourcePid) - 1, PICTURE_HISTORY);
        for (int k = skipped; k >= 1; k--) {
            remember((src - k) & PID_MASK, pidOffset);
        }
        lastSourcePid = src;
    }

    private void remember(int src, int offset) {
        pictureTag[src & HISTORY_MASK] = src;
        pictureOffset[src & HISTORY_MASK] = offset;
    }

    /** The offset picture {@code src} got, DROPPED when it was left out or is no longer remembered. */
    private int offsetOf(int src) {
        return pictureTag[src & HISTORY_MASK] == src ? pictureOffset[src & HISTORY_MASK] : DROPPED;
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

    /** Pictures left out on purpose ({@link #drop}). */
    public long picturesDropped() {
        return picturesDropped;
    }

    /** VP8 payloads whose descriptor could not be parsed (forwarded unchanged). */
    public long malformed() {
        return malformed;
    }
}
