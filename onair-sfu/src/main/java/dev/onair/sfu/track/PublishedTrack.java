package dev.onair.sfu.track;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.codec.KeyframeDetector;
import dev.onair.protocol.codec.Vp8Descriptor;
import dev.onair.protocol.rtp.AudioLevel;
import dev.onair.protocol.rtp.AudioLevelDrop;
import dev.onair.protocol.rtp.RedDrop;
import dev.onair.sfu.api.TrackSource;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.rtx.NackGenerator;
import dev.onair.sfu.rtx.RetransmissionCache;
import dev.onair.sfu.rtx.RtxPacket;
import dev.onair.sfu.simulcast.RidLayers;
import dev.onair.sfu.speaker.AudioLevelMeter;
import dev.onair.sfu.speaker.SpeakerPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One track a publisher sends (one m-line): its codecs, its spatial layers ({@link PublishedLayer}: one without
 * simulcast, else one per offered rid, index 0 the lowest; each with its SSRC, receive statistics, NACKs and
 * keyframe throttling), the audio level meter of an audio track that negotiated RFC 6464, and the sinks it fans
 * out to. Track-level {@link #ssrc()}, {@link #stats()}, {@link #nacks()}, {@link #keyframes()} and the frame
 * counters are those of the <em>primary</em> layer: the highest layer whose SSRC is known (layer 0 without
 * simulcast). Media loop only.
 */
public final class PublishedTrack implements SessionTrack {

    /** How the track asks its publisher for a keyframe (PLI or FIR, decided by the owning session). */
    public interface KeyframeSender {
        /** A PLI/FIR for {@code layer} of {@code track}; {@code layer.ssrc()} is known (not -1). */
        void sendKeyframeRequest(PublishedTrack track, PublishedLayer layer);
    }

    private List<String> announcedRids = List.of();
    private final String id;
    private final String mid;
    private final MediaKind kind;
    private final TrackCodec[] codecsByPt = new TrackCodec[128];
    /** The original payload type of each rtx payload type (RFC 4588 apt), -1 where none. */
    private final int[] aptByRtxPt = new int[128];
    private final List<PacketSink> sinks = new ArrayList<>();
    private final RidLayers rids;
    private final PublishedLayer[] layers;
    private final int allLayersMask;
    private final Vp8Descriptor vp8 = new Vp8Descriptor();
    private int lastDemand = -1;
    private final KeyframeSender keyframeSender;
    private final Map<String, Integer> extensionIdsByUri;
    private final int audioLevelId;
    private final AudioLevelMeter audioLevel;
    private final DropCounts<AudioLevelDrop> audioLevelDrops = new DropCounts<>(AudioLevelDrop.class);
    private final RetransmissionCache retransmissions;
    private final DropCounts<RedDrop> redDrops = new DropCounts<>(RedDrop.class);
    private long redPackets;
    private long nackSent;
    private long rtxRecovered;
    private long rtxDuplicates;
    private long rtxPaddingOnly;
    private long rtxUnusable;
    private long packets;
    private long bytes;
    private long unknownPayloadTypeDrops;
    private long mutedDrops;
    private long pliSent;
    private long firSent;
    private double sampledFramesPerSecond = Double.NaN;
    private long encodedFrameWidth = -1;
    private long encodedFrameHeight = -1;
    private TrackSource source;
    private boolean mutedBySelf;
    private boolean mutedByAdmin;

    /** A track without simulcast: one layer 0. */
    public PublishedTrack(String id, String mid, MediaKind kind, List<TrackCodec> codecs,
                          Map<String, Integer> extensionIdsByUri, KeyframeSender sender) {
        this(id, mid, kind, codecs, extensionIdsByUri, sender, List.of());
    }

    /**
     * @param rids the offered send rids in {@code a=simulcast:send} order, lowest layer first (see
     *             {@link RidLayers}); empty without simulcast. Audio always has one layer.
     */
    public PublishedTrack(String id, String mid, MediaKind kind, List<TrackCodec> codecs,
                          Map<String, Integer> extensionIdsByUri, KeyframeSender sender, List<String> rids) {
        this.rids = new RidLayers(kind == MediaKind.VIDEO ? rids : List.of());
        this.layers = new PublishedLayer[this.rids.layerCount()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new PublishedLayer(this, i, this.rids.rid(i));
        }
        this.allLayersMask = (1 << layers.length) - 1;
        this.id = id;
        this.source = TrackSource.defaultFor(kind == MediaKind.VIDEO);
        this.extensionIdsByUri = Map.copyOf(extensionIdsByUri);
        this.mid = mid;
        this.kind = kind;
        this.keyframeSender = sender;
        this.audioLevelId = kind == MediaKind.AUDIO ? this.extensionIdsByUri.getOrDefault(AudioLevel.URI, 0) : 0;
        this.audioLevel = kind == MediaKind.AUDIO ? new AudioLevelMeter(SpeakerPolicy.DEFAULT) : null;
        this.retransmissions = kind == MediaKind.VIDEO ? new RetransmissionCache() : null;
        Arrays.fill(aptByRtxPt, -1);
        for (TrackCodec c : codecs) {
            codecsByPt[c.payloadType() & 0x7F] = c;
            if (c.rtxPayloadType() >= 0) {
                aptByRtxPt[c.rtxPayloadType() & 0x7F] = c.payloadType() & 0x7F;
            }
        }
    }

    /**
     * Video whose publisher takes generic NACKs: from now on gaps are tracked and the owning session asks for the
     * missing packets (see {@link #nacks()}). No-op for audio.
     */
    public void enableNacks() {
        if (kind == MediaKind.VIDEO) {
            for (PublishedLayer l : layers) {
                l.enableNacks();
            }
        }
    }

    /**
     * The NACK generator of the primary layer; null unless {@link #enableNacks} was called on a video track. Each
     * layer has its own: {@code layer(i).nacks()}.
     */
    public NackGenerator nacks() {
        return primary().nacks();
    }

    /** Spatial layers: 1 without simulcast, else the number of offered rids (at most 3). */
    public int layerCount() {
        return layers.length;
    }

    /** Layer {@code index}, 0 = lowest. */
    public PublishedLayer layer(int index) {
        return layers[index];
    }

    /** True when the m-line offered simulcast rids: packets are told apart by their rid. */
    public boolean isSimulcast() {
        return rids.isSimulcast();
    }

    /** The layer whose rid is the ASCII {@code buf[off..off+len)}; -1 when none. No allocation. */
    public int layerIndexOfRid(byte[] buf, int off, int len) {
        return rids.indexOf(buf, off, len);
    }

    /** The layer currently sending with {@code ssrc}, or null. */
    public PublishedLayer layerBySsrc(long ssrc) {
        for (PublishedLayer l : layers) {
            if (l.ssrc() == ssrc && ssrc >= 0) {
                return l;
            }
        }
        return null;
    }

    /** The highest layer whose SSRC is known; layer 0 before any packet (and always without simulcast). */
    public PublishedLayer primary() {
        for (int i = layers.length - 1; i > 0; i--) {
            if (layers[i].ssrc() >= 0) {
                return layers[i];
            }
        }
        return layers[0];
    }

    /**
     * Bitmask of the layers (bit i = layer i) at least one sink currently targets or forwards, for dynacast. A sink
     * that does not select layers (not a {@link SubscriberTrack}) demands every layer.
     */
    public int demandedLayers() {
        int mask = 0;
        for (int i = 0; i < sinks.size(); i++) {
            mask |= sinks.get(i).layerDemand(this);
        }
        return mask & allLayersMask;
    }

    /** The rids the publisher was last told to send (dynacast); empty before the first message. */
    public List<String> announcedRids() {
        return announcedRids;
    }

    public void setAnnouncedRids(List<String> rids) {
        announcedRids = List.copyOf(rids);
    }

    /**
     * True once each time {@link #demandedLayers()} differs from its value at the previous call (the first call
     * reports a change): the owner polls it to pause or resume layers at the publisher.
     */
    public boolean takeDemandChanged() {
        int now = demandedLayers();
        if (now == lastDemand) {
            return false;
        }
        lastDemand = now;
        return true;
    }

    /** The owning session sent the publisher a generic NACK for this track. */
    public void onNackSent() {
        nackSent++;
    }

    /** Generic NACKs (RTCP packets) sent to the publisher for this track. */
    public long nackSent() {
        return nackSent;
    }

    /** True when {@code payloadType} is one of this track's rtx payload types. */
    public boolean isRtxPayloadType(int payloadType) {
        return aptByRtxPt[payloadType & 0x7F] >= 0;
    }

    /**
     * Receives one parsed packet of the publisher's RTX stream for layer 0 (RFC 4588); see {@link #onRtx(PacketContext,
     * int)}.
     */
    public boolean onRtx(PacketContext p) {
        return onRtx(p, 0);
    }

    /**
     * Receives one parsed packet of the publisher's RTX stream for layer {@code layerIndex} (RFC 4588): restores
     * the original packet in place (payload type from apt, the layer's SSRC, the OSN as sequence number, the OSN
     * stripped) and delivers it like an original, unless it is padding only, a packet already received, or of no
     * known rtx payload type / before the layer's first original packet (each dropped and counted). Returns true if
     * delivered; {@code p} then describes the restored packet.
     */
    public boolean onRtx(PacketContext p, int layerIndex) {
        int apt = aptByRtxPt[p.header.payloadType() & 0x7F];
        PublishedLayer layer = layers[layerIndex];
        ReceiveStatistics stats = layer.stats();
        long ssrc = layer.ssrc();
        NackGenerator nacks = layer.nacks();
        if (apt < 0 || stats == null || ssrc < 0) {
            rtxUnusable++;
            return false;
        }
        int osn = RtxPacket.unwrap(p.buf, p.off, p.len, p.header.payloadOffset(), p.header.payloadLength(), apt, ssrc);
        if (osn < 0) {
            rtxPaddingOnly++;
            return false;
        }
        long ext = stats.onRetransmitted(osn);
        if (nacks != null && nacks.onPacket(ext, p.arrivalNanos) == NackGenerator.Arrival.OLD) {
            rtxDuplicates++;
            return false;
        }
        int off = p.off + RtxPacket.OSN_BYTES;
        int len = p.len - RtxPacket.OSN_BYTES;
        p.reset(p.buf, off, len, p.arrivalNanos);
        if (!p.header.parse(p.buf, off, len)) {
            rtxUnusable++;
            return false;
        }
        rtxRecovered++;
        deliver(p, codecsByPt[apt], ext, layer);
        return true;
    }

    /** Packets restored from RTX and delivered (they were missing, or had not arrived yet). */
    public long rtxRecovered() {
        return rtxRecovered;
    }

    /** RTX packets dropped because their packet had already arrived (or was given up). */
    public long rtxDuplicates() {
        return rtxDuplicates;
    }

    /** RTX packets dropped because they carried nothing after the OSN (padding-only bandwidth probes). */
    public long rtxPaddingOnly() {
        return rtxPaddingOnly;
    }

    /** RTX packets dropped for an unknown rtx payload type, a malformed restore, or before the first original. */
    public long rtxUnusable() {
        return rtxUnusable;
    }

    /**
     * The publisher's session, once a second: the frame rate it sampled arriving here (NaN: unknown) and the encoded
     * size its browser last reported (-1: unknown). Subscribers' telemetry reads them as the source's view.
     */
    public void setSourceVideo(double framesPerSecond, long frameWidth, long frameHeight) {
        sampledFramesPerSecond = framesPerSecond;
        encodedFrameWidth = frameWidth;
        encodedFrameHeight = frameHeight;
    }

    /** The frame rate arriving from the publisher in its last telemetry sample; NaN when unknown. */
    public double sampledFramesPerSecond() {
        return sampledFramesPerSecond;
    }

    /** The publisher's encoded width from its browser's stats; -1 when unknown. */
    public long encodedFrameWidth() {
        return encodedFrameWidth;
    }

    /** The publisher's encoded height from its browser's stats; -1 when unknown. */
    public long encodedFrameHeight() {
        return encodedFrameHeight;
    }

    public String id() {
        return id;
    }

    @Override
    public String mid() {
        return mid;
    }

    @Override
    public MediaKind kind() {
        return kind;
    }

    /** Where the publisher said this track comes from. */
    public TrackSource source() {
        return source;
    }

    public void setSource(TrackSource source) {
        this.source = source;
    }

    /** Muted by its publisher or by an administrator: its packets are counted but not forwarded. */
    public boolean isMuted() {
        return mutedBySelf || mutedByAdmin;
    }

    public boolean isMutedByAdmin() {
        return mutedByAdmin;
    }

    /**
     * Sets the publisher's or the administrator's mute. Unmuting tells every sink to wait for a keyframe and
     * asks the publisher for one, so video comes back with a clean picture. Returns true if the effective
     * state changed.
     */
    public boolean setMuted(boolean muted, boolean byAdmin, long nowNanos) {
        boolean before = isMuted();
        if (byAdmin) {
            mutedByAdmin = muted;
        } else {
            mutedBySelf = muted;
        }
        boolean after = isMuted();
        if (before && !after) {
            for (int i = 0; i < sinks.size(); i++) {
                sinks.get(i).onSourceResumed(this, nowNanos);
            }
            requestKeyframe(nowNanos);
        }
        return before != after;
    }

    /** Packets not forwarded because the track was muted. */
    public long mutedDrops() {
        return mutedDrops;
    }

    public TrackCodec codec(int payloadType) {
        return codecsByPt[payloadType & 0x7F];
    }

    /** The publisher's RFC 8285 extension ids by URI. */
    public Map<String, Integer> extensionIdsByUri() {
        return extensionIdsByUri;
    }

    public boolean hasPayloadType(int payloadType) {
        return codecsByPt[payloadType & 0x7F] != null;
    }

    /** The primary layer's SSRC; -1 before the first packet. */
    public long ssrc() {
        return primary().ssrc();
    }

    /** The primary layer's receive statistics; null before the first packet. */
    public ReceiveStatistics stats() {
        return primary().stats();
    }

    /** The meter of an audio track (fed only when RFC 6464 was negotiated); null for video. */
    public AudioLevelMeter audioLevel() {
        return audioLevel;
    }

    /** Packets of a track that negotiated RFC 6464 whose level was missing or malformed, by reason. */
    public DropCounts<AudioLevelDrop> audioLevelDrops() {
        return audioLevelDrops;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** RFC 2198 packets received and parsed (audio redundancy from the publisher). */
    public long redPackets() {
        return redPackets;
    }

    /** RED packets dropped as malformed, by reason. */
    public DropCounts<RedDrop> redDrops() {
        return redDrops;
    }

    public long unknownPayloadTypeDrops() {
        return unknownPayloadTypeDrops;
    }

    /** The packets kept for subscribers' NACKs (video), shared by all of them; null for audio. */
    public RetransmissionCache retransmissions() {
        return retransmissions;
    }

    /** The primary layer's keyframe throttle. */
    public KeyframeRequester keyframes() {
        return primary().keyframes();
    }

    public void addSink(PacketSink sink) {
        if (!sinks.contains(sink)) {
            sinks.add(sink);
        }
    }

    public void removeSink(PacketSink sink) {
        sinks.remove(sink);
    }

    public int sinkCount() {
        return sinks.size();
    }

    /** Receives one decrypted, parsed packet of layer 0 and fans it out. */
    public void onRtp(PacketContext p) {
        onRtp(p, 0);
    }

    /**
     * Receives one decrypted, parsed packet of layer {@code layerIndex} (the session resolved it from the SSRC or
     * the rid) and fans it out with {@link PacketContext#layer} set.
     */
    public void onRtp(PacketContext p, int layerIndex) {
        TrackCodec codec = codecsByPt[p.header.payloadType()];
        if (codec == null) {
            unknownPayloadTypeDrops++;
            return;
        }
        PublishedLayer layer = layers[layerIndex];
        long ext = layer.onPacket(p.header.ssrc(), p.header.sequenceNumber(), p.header.timestamp(),
                codec.clockRateHz(), p.arrivalNanos);
        NackGenerator nacks = layer.nacks();
        if (nacks != null) {
            nacks.onPacket(ext, p.arrivalNanos);
        }
        deliver(p, codec, ext, layer);
    }

    /** Counts, inspects, caches and fans out one packet (an original or one restored from RTX). */
    private void deliver(PacketContext p, TrackCodec codec, long ext, PublishedLayer layer) {
        long pktSsrc = p.header.ssrc();
        packets++;
        bytes += p.len;
        p.extendedSeq = ext;
        p.layer = layer.index();
        if (audioLevelId > 0) {
            int level = AudioLevel.element(p.buf, p.header, audioLevelId);
            if (level >= 0) {
                audioLevel.onLevel(AudioLevel.levelOf(level));
            } else {
                audioLevelDrops.increment(AudioLevel.dropReason(level));
            }
        }
        if (codec.isRed()) {
            p.isRed = p.red.parse(p.buf, p.header.payloadOffset(), p.header.payloadLength());
            if (p.isRed) {
                redPackets++;
            } else if (p.header.payloadLength() > 0) {
                redDrops.increment(p.red.dropReason());
                return;
            }
            // No payload at all: padding only (Chromium probes bandwidth with these on its RED payload type). It
            // goes on as it is, like opus padding: dropping it here would leave a sequence gap at every subscriber.
        }
        if (kind == MediaKind.VIDEO) {
            int po = p.header.payloadOffset();
            int pl = p.header.payloadLength();
            // VP8: one descriptor parse gives the keyframe start and the temporal-layer fields.
            boolean vp8Parsed = codec.isVp8() && vp8.parse(p.buf, po, pl);
            p.keyframeStart = codec.isVp8() ? vp8Parsed && vp8.isKeyframeStart()
                    : codec.isH264() && KeyframeDetector.isH264KeyframeStart(p.buf, po, pl);
            if (vp8Parsed) {
                if (p.keyframeStart && vp8.frameWidth() > 0) {
                    layer.setFrameSize(vp8.frameWidth(), vp8.frameHeight());
                }
                p.frameStart = vp8.isStart() && vp8.partitionId() == 0;
                if (vp8.hasPictureId()) {
                    p.pictureId = vp8.pictureId();
                    p.pictureIdMask = vp8.isLongPictureId() ? 0x7FFF : 0x7F;
                }
                if (vp8.hasTid()) {
                    p.temporalLayer = vp8.tid();
                    p.layerSync = vp8.isLayerSync();
                    layer.onTemporalLayer(p.temporalLayer, p.len, p.arrivalNanos);
                }
            }
            layer.onDelivered(p.len, p.keyframeStart, p.header.timestamp(), p.header.marker(), p.arrivalNanos);
            KeyframeRequester keyframes = layer.keyframes();
            if (p.keyframeStart) {
                keyframes.onKeyframe();
            } else if (keyframes.retryDue(p.arrivalNanos, layer.keyframeIntervalNanos())) {
                keyframeSender.sendKeyframeRequest(this, layer);
            }
        } else {
            layer.onDelivered(p.len, false, p.header.timestamp(), false, p.arrivalNanos);
        }
        if (mutedBySelf || mutedByAdmin) {
            mutedDrops++;
            return;
        }
        if (retransmissions != null) {
            retransmissions.put(p.buf, p.off, p.len, pktSsrc, p.extendedSeq, p.arrivalNanos);
        }
        for (int i = 0; i < sinks.size(); i++) {
            sinks.get(i).accept(this, p);
        }
    }

    /** Keyframes seen on the primary layer (video; each counted once however many packets flag it). */
    public long keyframesSeen() {
        return primary().keyframesSeen();
    }

    /** Arrival time between the primary layer's last two keyframe starts, in ns; -1 before the second keyframe. */
    public long keyframeIntervalNanos() {
        return primary().keyframeIntervalNanos();
    }

    /** Video frames ended (RTP marker bit) on the primary layer so far; 0 for audio. */
    public long framesEnded() {
        return kind == MediaKind.VIDEO ? primary().framesEnded() : 0;
    }

    /** The owning session sent the publisher a keyframe request for this track: a PLI, or else a FIR. */
    public void onKeyframeRequestSent(boolean pli) {
        if (pli) {
            pliSent++;
        } else {
            firSent++;
        }
    }

    public long pliSent() {
        return pliSent;
    }

    public long firSent() {
        return firSent;
    }

    /** The publisher's SR for the SSRC of one of this track's layers (ignored for an unknown SSRC). */
    public void onSenderReport(long srSsrc, long ntp, long rtpTimestamp, long arrivalNanos) {
        PublishedLayer l = layerBySsrc(srSsrc);
        if (l != null && l.stats() != null) {
            l.stats().onSenderReport(ntp, rtpTimestamp, arrivalNanos);
        }
    }

    /** The publisher's SR for the primary layer. */
    public void onSenderReport(long ntp, long rtpTimestamp, long arrivalNanos) {
        onSenderReport(ssrc(), ntp, rtpTimestamp, arrivalNanos);
    }

    /**
     * A subscriber (or the SFU: a new subscriber, a source switch, an unmute, unrecoverable loss) needs a keyframe
     * of the layer(s) in use: every layer in {@link #demandedLayers()}, or every layer when no sink demands one.
     * Throttled to one request per 500 ms per layer, and asked again while none arrives (see
     * {@link KeyframeRequester}). Before a layer's first packet (SSRC unknown) its request waits for that packet.
     */
    public void requestKeyframe(long nowNanos) {
        if (kind != MediaKind.VIDEO) {
            return;
        }
        int mask = demandedLayers();
        if (mask == 0) {
            mask = allLayersMask;
        }
        for (int i = 0; i < layers.length; i++) {
            if ((mask & (1 << i)) != 0) {
                requestKeyframe(i, nowNanos);
            }
        }
    }

    /**
     * A keyframe of layer {@code layer} is needed (a subscriber switching to it, or waiting on it): a PLI/FIR for
     * that layer's SSRC, throttled per layer like {@link #requestKeyframe(long)}, deferred before its first packet.
     * Out-of-range layers are ignored.
     */
    public void requestKeyframe(int layer, long nowNanos) {
        if (kind != MediaKind.VIDEO || layer < 0 || layer >= layers.length) {
            return;
        }
        PublishedLayer l = layers[layer];
        if (l.ssrc() < 0) {
            l.keyframes().defer();
        } else if (l.keyframes().tryRequest(nowNanos)) {
            keyframeSender.sendKeyframeRequest(this, l);
        }
    }

    /** The publisher is gone: every sink is told, then forgotten. */
    public void close() {
        List<PacketSink> copy = new ArrayList<>(sinks);
        sinks.clear();
        for (PacketSink s : copy) {
            s.onSourceRemoved(this);
        }
    }
}
