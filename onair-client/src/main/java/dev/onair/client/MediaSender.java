package dev.onair.client;

import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.rtp.AudioLevel;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.srtp.SrtpSession;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Produces the publisher's media: Opus packets (PT 111, 20 ms = 960 ticks at 48 kHz, 60-byte payloads) and video
 * frames (90 kHz timestamps from the clock; a key frame of {@link #KEYFRAME_PACKETS} packets every N frames and
 * after {@link #requestKeyframe()}, otherwise one packet; marker on a frame's last packet), plus SR + SDES per
 * SSRC. Opus packets carry a fixed RFC 6464 audio level when the options ask for one (V set at -40 dBov or
 * louder), changeable with {@link #setAudioLevelDbov}. Packets are built in one scratch buffer with room for the SRTP trailer and handed to the
 * {@link Output}. Thread-safe (one lock).
 */
final class MediaSender {
    static final int OPUS_PAYLOAD_BYTES = 60;
    static final int OPUS_TICKS_PER_PACKET = 960;
    static final int VIDEO_PAYLOAD_BYTES = 1_100;
    static final int KEYFRAME_PACKETS = 3;
    /** Opus TOC byte (RFC 6716 §3.1): config 15 (hybrid fullband 20 ms), mono, one frame. */
    private static final byte OPUS_TOC = 0x78;

    /** Protects and sends one packet; {@code buf} has {@link SrtpSession#MAX_OVERHEAD} spare bytes. */
    interface Output {
        boolean sendRtp(byte[] buf, int len);

        boolean sendRtcp(byte[] buf, int len);
    }

    private final PeerOptions options;
    private final OutboundStream audio;
    private final OutboundStream video;
    private final String cname;
    private final MediaClock clock;
    private final Output out;
    private final long videoTsBase;
    private final long startNanos;
    private final byte[] scratch = new byte[1500 + SrtpSession.MAX_OVERHEAD];
    private volatile boolean keyframeRequested = true;
    private volatile int audioLevelDbov;
    private int framesSent;
    private int pictureId;
    private long keyframesSent;

    MediaSender(PeerOptions options, long audioSsrc, long videoSsrc, String cname, MediaClock clock,
                RandomGenerator rng, Output out) {
        this.options = options;
        this.audio = new OutboundStream(audioSsrc, 48_000, rng.nextInt(1 << 15), rng.nextLong() & 0xFFFFFFFFL);
        this.video = new OutboundStream(videoSsrc, 90_000, rng.nextInt(1 << 15), 0);
        this.videoTsBase = rng.nextLong() & 0x7FFFFFFFL;
        this.cname = cname;
        this.clock = clock;
        this.out = out;
        this.startNanos = clock.nanoTime();
        this.pictureId = rng.nextInt(1 << 15);
        this.audioLevelDbov = options.audioLevelDbov();
    }

    /** The level (0..127 negated dBov) the next Opus packets carry, or {@link PeerOptions#NO_AUDIO_LEVEL}. */
    void setAudioLevelDbov(int levelDbov) {
        PeerOptions.checkAudioLevel(levelDbov);
        audioLevelDbov = levelDbov;
    }

    /** Sends {@code count} Opus packets back to back; returns how many the output accepted. */
    synchronized int sendOpus(int count) {
        int sent = 0;
        for (int i = 0; i < count; i++) {
            int len = buildAudio(scratch);
            if (out.sendRtp(scratch, len)) {
                sent++;
            }
        }
        return sent;
    }

    /** The next Opus packet as plain RTP (it consumes a sequence number and is counted as sent). */
    synchronized byte[] nextAudioPacket() {
        int len = buildAudio(scratch);
        return Arrays.copyOf(scratch, len + SrtpSession.MAX_OVERHEAD);
    }

    /** Length of the packet in {@code buf}: the real length, the copy has spare room for the SRTP trailer. */
    static int audioPacketLength() {
        return RtpPacketWriter.HEADER_WITH_MID_BYTES + OPUS_PAYLOAD_BYTES;
    }

    private int buildAudio(byte[] buf) {
        long ts = (audio.lastTs() + (audio.packets() == 0 ? 0 : OPUS_TICKS_PER_PACKET)) & 0xFFFFFFFFL;
        int level = audioLevelDbov;
        int levelId = level == PeerOptions.NO_AUDIO_LEVEL ? 0 : OfferBuilder.AUDIO_LEVEL_EXTENSION_ID;
        int h = RtpPacketWriter.writeHeader(buf, 0, false, options.audioPayloadType(), audio.takeSeq(), ts,
                audio.ssrc(), OfferBuilder.MID_EXTENSION_ID, '0', levelId, AudioLevel.encode(level <= 40, level));
        buf[h] = OPUS_TOC;
        Arrays.fill(buf, h + 1, h + OPUS_PAYLOAD_BYTES, (byte) 0x5A);
        audio.onSent(ts, OPUS_PAYLOAD_BYTES, clock.nanoTime());
        return h + OPUS_PAYLOAD_BYTES;
    }

    /** Sends one video frame now; returns the number of packets the output accepted. */
    synchronized int sendVideoFrame() {
        long now = clock.nanoTime();
        long ts = (videoTsBase + (now - startNanos) / 1_000L * 90L / 1_000L) & 0xFFFFFFFFL;
        if (video.packets() > 0 && ts == video.lastTs()) {
            ts = (ts + 1) & 0xFFFFFFFFL;
        }
        boolean keyframe = keyframeRequested || framesSent % options.keyframeIntervalFrames() == 0;
        keyframeRequested = false;
        int count = keyframe ? KEYFRAME_PACKETS : 1;
        int sent = 0;
        for (int i = 0; i < count; i++) {
            int h = RtpPacketWriter.writeHeader(scratch, 0, i == count - 1, options.videoPayloadType(),
                    video.takeSeq(), ts, video.ssrc(), OfferBuilder.MID_EXTENSION_ID, '1');
            int p = VideoPayloadWriter.write(options.videoCodec(), scratch, h, keyframe, i, count, pictureId,
                    VIDEO_PAYLOAD_BYTES);
            video.onSent(ts, p, now);
            if (out.sendRtp(scratch, h + p)) {
                sent++;
            }
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        framesSent++;
        if (keyframe) {
            keyframesSent++;
        }
        return sent;
    }

    long audioSsrc() {
        return audio.ssrc();
    }

    /** The next video frame is a key frame (a PLI or FIR arrived). */
    void requestKeyframe() {
        keyframeRequested = true;
    }

    /** The sequence number the next packet of that SSRC gets, or -1 for an SSRC we do not send. */
    synchronized int nextSequenceNumber(long ssrc) {
        return ssrc == audio.ssrc() ? audio.nextSeq() : ssrc == video.ssrc() ? video.nextSeq() : -1;
    }

    synchronized long keyframesSent() {
        return keyframesSent;
    }

    synchronized int framesSent() {
        return framesSent;
    }

    /** One SR + SDES compound per SSRC that has sent; returns how many went out. */
    synchronized int sendSenderReports() {
        int sent = 0;
        for (OutboundStream s : List.of(audio, video)) {
            List<RtcpPacket> report = s.senderReport(clock.nanoTime(), clock.wallMillis(), cname);
            if (report != null) {
                int len = RtcpWriter.writeCompound(report, scratch, 0);
                if (len > 0 && out.sendRtcp(scratch, len)) {
                    sent++;
                }
            }
        }
        return sent;
    }
}
