package dev.onair.sfu.track;

import dev.onair.protocol.rtp.RedPayload;
import dev.onair.protocol.rtp.RtpHeader;

/**
 * The typed context of one received RTP packet on its way through the router (one reused instance per media
 * loop: no per-packet allocation). Valid only during the synchronous fan-out; sinks copy what they keep.
 */
public final class PacketContext {
    public final RtpHeader header = new RtpHeader();
    public byte[] buf;
    public int off;
    public int len;
    public long arrivalNanos;
    public long extendedSeq;
    public boolean keyframeStart;
    /** The spatial layer of the packet (0 = lowest; always 0 without simulcast), set by its track before sinks. */
    public int layer;
    /**
     * VP8 only, from the payload descriptor (RFC 7741): the temporal layer (TID) of the packet's frame, -1 when the
     * packet carries none (no temporal layering, or not VP8); whether the frame is a layer-sync frame (Y: it depends
     * only on temporal layer 0 frames); whether the packet starts the frame (S=1 in partition 0).
     */
    public int temporalLayer;
    public boolean layerSync;
    public boolean frameStart;
    /** VP8 picture id as sent (7 or 15 bits), -1 when none; {@link #pictureIdMask} 0x7F or 0x7FFF. */
    public int pictureId;
    public int pictureIdMask;
    /** The RFC 2198 blocks of a RED packet, parsed once by its track for every sink; valid when {@link #isRed}. */
    public final RedPayload red = new RedPayload();
    public boolean isRed;

    public void reset(byte[] buf, int off, int len, long arrivalNanos) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.arrivalNanos = arrivalNanos;
        this.extendedSeq = 0;
        this.keyframeStart = false;
        this.layer = 0;
        this.temporalLayer = -1;
        this.layerSync = false;
        this.frameStart = false;
        this.pictureId = -1;
        this.pictureIdMask = 0;
        this.isRed = false;
    }
}
