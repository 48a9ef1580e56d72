package dev.onair.sfu.track;

import dev.onair.sfu.rtx.NackGenerator;
import dev.onair.sfu.simulcast.BitrateMeter;

/**
 * One spatial layer of a {@link PublishedTrack}: index 0 is the lowest. A track without simulcast has exactly one
 * layer 0. Each layer owns its SSRC (learnt from its first packet), receive statistics, NACK generator, keyframe
 * tracking and throttle, a bitrate meter, and the frame size of its last VP8 key frame; for VP8 with temporal layers
 * (Chromium's simulcast sends three, L1T3) also a bitrate meter per temporal layer. Media loop only.
 */
public final class PublishedLayer {
    /** A layer with no packet for this long is not active. */
    public static final long ACTIVE_WINDOW_NANOS = 1_000_000_000L;
    /** VP8 TIDs are 2 bits. */
    public static final int MAX_TEMPORAL_LAYERS = 4;

    private final PublishedTrack track;
    private final int index;
    private final String rid;
    private final KeyframeRequester keyframes = new KeyframeRequester(KeyframeRequester.DEFAULT_MIN_INTERVAL_NANOS);
    private final BitrateMeter bitrate = new BitrateMeter();
    private final BitrateMeter[] temporalBitrate = new BitrateMeter[MAX_TEMPORAL_LAYERS];
    private final long[] lastTemporalNanos = new long[MAX_TEMPORAL_LAYERS];
    private final boolean[] temporalSeen = new boolean[MAX_TEMPORAL_LAYERS];
    private NackGenerator nacks;
    private ReceiveStatistics stats;
    private long ssrc = -1;
    private long packets;
    private boolean anyPacket;
    private long lastPacketNanos;
    private long keyframesSeen;
    private long lastKeyframeNanos;
    private long lastKeyframeRtpTimestamp = -1;
    private long keyframeIntervalNanos = -1;
    private long framesEnded;
    private int frameWidth = -1;
    private int frameHeight = -1;

    PublishedLayer(PublishedTrack track, int index, String rid) {
        this.track = track;
        this.index = index;
        this.rid = rid;
        for (int t = 0; t < MAX_TEMPORAL_LAYERS; t++) {
            temporalBitrate[t] = new BitrateMeter();
        }
    }

    public PublishedTrack track() {
        return track;
    }

    /** Spatial index, 0 = lowest. */
    public int index() {
        return index;
    }

    /** The RFC 8851 rid of this layer; null without simulcast. */
    public String rid() {
        return rid;
    }

    /** The layer's SSRC, -1 before its first packet. */
    public long ssrc() {
        return ssrc;
    }

    /** Bits per second received over the last second (originals and restored retransmissions). */
    public long bitrateBps(long nowNanos) {
        return bitrate.bitrateBps(nowNanos);
    }

    /**
     * Temporal layers arriving: the highest VP8 TID seen in the last {@link #ACTIVE_WINDOW_NANOS}, plus one; 1 for a
     * layer without temporal layering.
     */
    public int temporalLayerCount(long nowNanos) {
        for (int t = MAX_TEMPORAL_LAYERS - 1; t > 0; t--) {
            if (temporalSeen[t] && nowNanos - lastTemporalNanos[t] < ACTIVE_WINDOW_NANOS) {
                return t + 1;
            }
        }
        return 1;
    }

    /**
     * Bits per second of temporal layers 0 to {@code temporalLayer} together over the last second; the whole layer's
     * rate when it has no temporal layering.
     */
    public long temporalBitrateBps(int temporalLayer, long nowNanos) {
        if (temporalLayerCount(nowNanos) <= 1) {
            return bitrateBps(nowNanos);
        }
        long sum = 0;
        for (int t = 0; t <= Math.min(temporalLayer, MAX_TEMPORAL_LAYERS - 1); t++) {
            sum += temporalBitrate[t].bitrateBps(nowNanos);
        }
        return sum;
    }

    /** A packet of this layer arrived less than {@link #ACTIVE_WINDOW_NANOS} before {@code nowNanos}. */
    public boolean isActive(long nowNanos) {
        return anyPacket && nowNanos - lastPacketNanos < ACTIVE_WINDOW_NANOS;
    }

    /** Width of the last VP8 key frame of this layer in pixels; -1 unknown. */
    public int frameWidth() {
        return frameWidth;
    }

    /** Height of the last VP8 key frame of this layer in pixels; -1 unknown. */
    public int frameHeight() {
        return frameHeight;
    }

    /** Receive statistics of the current SSRC; null before the first packet. */
    public ReceiveStatistics stats() {
        return stats;
    }

    /** The NACK generator of this layer; null unless the track takes NACKs. */
    public NackGenerator nacks() {
        return nacks;
    }

    public KeyframeRequester keyframes() {
        return keyframes;
    }

    public long packets() {
        return packets;
    }

    /** Key frames seen (each counted once however many packets flag it). */
    public long keyframesSeen() {
        return keyframesSeen;
    }

    /** Arrival time between the last two key frame starts, in ns; -1 before the second key frame. */
    public long keyframeIntervalNanos() {
        return keyframeIntervalNanos;
    }

    /** Frames ended (RTP marker bit) on this layer. */
    public long framesEnded() {
        return framesEnded;
    }

    void enableNacks() {
        if (nacks == null) {
            nacks = new NackGenerator();
        }
    }

    /** An original packet of {@code pktSsrc}: a new SSRC starts fresh statistics. Returns its extended seq. */
    long onPacket(long pktSsrc, int seq, long rtpTimestamp, int clockRateHz, long arrivalNanos) {
        if (pktSsrc != ssrc || stats == null) {
            ssrc = pktSsrc;
            stats = new ReceiveStatistics(pktSsrc, clockRateHz);
            if (nacks != null) {
                nacks.reset();
            }
        }
        return stats.onPacket(seq, rtpTimestamp, arrivalNanos);
    }

    /** Counts one delivered packet (original or restored) for the meter, activity and frames. */
    void onDelivered(int len, boolean keyframeStart, long rtpTimestamp, boolean marker, long arrivalNanos) {
        packets++;
        anyPacket = true;
        lastPacketNanos = arrivalNanos;
        bitrate.add(len, arrivalNanos);
        if (keyframeStart && rtpTimestamp != lastKeyframeRtpTimestamp) {
            if (keyframesSeen > 0) {
                keyframeIntervalNanos = arrivalNanos - lastKeyframeNanos;
            }
            keyframesSeen++;
            lastKeyframeNanos = arrivalNanos;
            lastKeyframeRtpTimestamp = rtpTimestamp;
        }
        if (marker) {
            framesEnded++;
        }
    }

    /** Counts one delivered VP8 packet of temporal layer {@code tid}. */
    void onTemporalLayer(int tid, int len, long arrivalNanos) {
        if (tid >= 0 && tid < MAX_TEMPORAL_LAYERS) {
            temporalSeen[tid] = true;
            lastTemporalNanos[tid] = arrivalNanos;
            temporalBitrate[tid].add(len, arrivalNanos);
        }
    }

    void setFrameSize(int width, int height) {
        frameWidth = width;
        frameHeight = height;
    }
}
