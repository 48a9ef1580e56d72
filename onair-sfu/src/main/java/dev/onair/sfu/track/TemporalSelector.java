package dev.onair.sfu.track;

import java.util.Arrays;

/**
 * Which VP8 temporal layers (TIDs) of the forwarded simulcast layer a {@link SubscriberTrack} sends: the frames of
 * TIDs up to the current one, aiming at the target (default: all). Going down happens at the next frame start (lower
 * TIDs never reference higher ones); going up waits for a layer-sync frame (Y=1) of a TID not above the target, or a
 * keyframe. Only the newest frame starts can switch: a late packet (reordered, or repaired upstream) of a frame left
 * out stays out. Packets lost upstream that surely belong to a frame left out are reported too, so the track can
 * close their gap ({@link #DROP_GAP_BEFORE}). The track applies the result (rewriters, listener, counters); this
 * class only decides. Media loop only; no allocation per packet.
 */
final class TemporalSelector {
    /** The target when every temporal layer is wanted. */
    static final int ALL = Integer.MAX_VALUE;
    /** {@link #select} flag: forward the packet (else leave it out). */
    static final int FORWARD = 1;
    /** {@link #select} flag: the packets lost upstream just before this one belong to a frame left out. */
    static final int DROP_GAP_BEFORE = 2;
    /** {@link #select} flag: the current temporal layer changed ({@link #switchedFrom()}, {@link #switchedTo()}). */
    static final int SWITCHED = 4;

    private int target = ALL;
    private int current = ALL;
    /** The highest TID seen on the forwarded layer; -1 until one (then the layer has no temporal layering). */
    private int highestTidSeen = -1;
    private long switches;
    private int switchedFrom;
    private int switchedTo;
    /** The layer SSRC and highest extended seq decisions saw: only newer frame starts may switch. */
    private long layerSsrc = -1;
    private long highestExtSeq;
    /** RTP timestamps of the last frames left out, so that a late packet of one (an upstream repair) stays out. */
    private final long[] droppedFrameTs = new long[8];
    private int droppedFrameNext;
    /** The newest packet before this one: left out, its RTP timestamp, forwarded with the marker bit, picture id. */
    private boolean newestLeftOut;
    private long newestTs = -1;
    private boolean newestEndedFrame;
    private int newestPictureId = -1;

    TemporalSelector() {
        Arrays.fill(droppedFrameTs, -1);
    }

    /** A new source: forgets the layer's state, keeps the target. */
    void reset() {
        highestTidSeen = -1;
        current = target;
        layerSsrc = -1;
        newestLeftOut = false;
        newestEndedFrame = false;
        newestPictureId = -1;
        Arrays.fill(droppedFrameTs, -1);
    }

    /**
     * Decides for one packet with a TID of the forwarded layer; returns {@link #FORWARD}, {@link #DROP_GAP_BEFORE}
     * and {@link #SWITCHED} flags.
     *
     * @param thinToBase the track waits for a lower spatial layer's keyframe: only the base TID goes on meanwhile (the
     *                   switch is usually for bandwidth, and the full rate would pile up in the queue)
     */
    int select(PacketContext p, boolean thinToBase) {
        int tid = p.temporalLayer;
        if (tid > highestTidSeen) {
            highestTidSeen = tid;
        }
        boolean sameLayer = p.header.ssrc() == layerSsrc;
        boolean newest = !sameLayer || p.extendedSeq > highestExtSeq;
        boolean gap = sameLayer && p.extendedSeq > highestExtSeq + 1;
        if (newest) {
            layerSsrc = p.header.ssrc();
            highestExtSeq = p.extendedSeq;
        }
        long ts = p.header.timestamp();
        if (!newest) {
            return tid <= current && !wasDropped(ts) ? FORWARD : 0;
        }
        int aim = thinToBase ? 0 : target;
        int before = current;
        if (p.keyframeStart) {
            current = aim; // a keyframe references nothing: every layer may start here
        } else if (p.frameStart) {
            if (aim < current) {
                current = aim;
            } else if (aim > current && tid > current && tid <= aim && p.layerSync) {
                current = tid == highestTidSeen && aim >= highestTidSeen ? aim : tid;
            }
        }
        int result = 0;
        if (current != before) {
            switches++;
            switchedFrom = visible(before);
            switchedTo = visible(current);
            result |= SWITCHED;
        }
        boolean forward = tid <= current;
        // Packets lost upstream just before this one that surely belong to a frame left out are left out too (they
        // would otherwise keep numbers nobody fills): the middle of a left-out frame, its tail when this packet starts
        // the very next picture, or its head when the packet before ended the picture just before it.
        boolean nextPicture = p.pictureId >= 0 && newestPictureId >= 0
                && ((p.pictureId - newestPictureId) & p.pictureIdMask) == 1;
        if (gap && (newestLeftOut && (ts == newestTs || p.frameStart && nextPicture)
                || !forward && newestEndedFrame && !p.frameStart && nextPicture)) {
            result |= DROP_GAP_BEFORE;
        }
        newestLeftOut = !forward;
        newestTs = ts;
        newestPictureId = p.pictureId;
        newestEndedFrame = forward && p.header.marker();
        if (forward) {
            return result | FORWARD;
        }
        if (!wasDropped(ts)) {
            droppedFrameTs[droppedFrameNext] = ts;
            droppedFrameNext = (droppedFrameNext + 1) % droppedFrameTs.length;
        }
        return result;
    }

    private boolean wasDropped(long rtpTimestamp) {
        for (long t : droppedFrameTs) {
            if (t == rtpTimestamp) {
                return true;
            }
        }
        return false;
    }

    /** A temporal layer as telemetry shows it: the highest TID seen stands for "all". */
    private int visible(int t) {
        return t == ALL ? highestTidSeen : Math.min(t, Math.max(0, highestTidSeen));
    }

    void setTarget(int temporalLayer) {
        target = Math.max(0, temporalLayer);
    }

    int target() {
        return target;
    }

    /** The highest TID forwarded now, or -1 when the layer has shown no temporal layering. */
    int current() {
        return highestTidSeen < 0 ? -1 : visible(current);
    }

    /** The last switch's layers as telemetry shows them. */
    int switchedFrom() {
        return switchedFrom;
    }

    int switchedTo() {
        return switchedTo;
    }

    long switches() {
        return switches;
    }
}
