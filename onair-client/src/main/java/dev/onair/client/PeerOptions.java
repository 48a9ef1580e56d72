package dev.onair.client;

import java.util.Objects;

/**
 * How a {@link WebRtcPeer} behaves: its role, codecs and payload types, media pacing and the knobs tests turn.
 * Immutable; start from {@link #publisher()} or {@link #subscriber()} and change fields with the
 * {@code with...} methods.
 *
 * @param role                     publisher (WHIP) or subscriber (WHEP)
 * @param videoCodec               the one video codec offered
 * @param audioPayloadType         our payload type for opus/48000/2
 * @param videoPayloadType         our payload type for the video codec
 * @param keyframeIntervalFrames   a keyframe every this many video frames (and on PLI/FIR)
 * @param videoFrameIntervalMillis time between video frames of {@link WebRtcPeer#startVideo()}
 * @param consentIntervalMillis    time between consent checks once ICE succeeded (RFC 7675 §5.1: ~5 s; we use 2 s)
 * @param iceRetransmitMillis      time between Binding requests until one succeeds
 * @param senderReportIntervalMillis time between our SR + SDES per SSRC
 * @param connectTimeoutMillis     how long each connection step may take
 * @param wrongDtlsCertificate     present a DTLS certificate other than the one in our {@code a=fingerprint}
 * @param offeredSetup             our {@code a=setup} (RFC 8842): {@code actpass} (the server answers passive and
 *                                 we are the DTLS client) or {@code passive} (the server must be the DTLS client)
 * @param audioLevelDbov           the RFC 6464 level (0..127, negated dBov, 127 = silence) our Opus packets carry
 *                                 at first ({@link WebRtcPeer#setAudioLevelDbov} changes it), or
 *                                 {@link #NO_AUDIO_LEVEL} to leave the element out
 */
public record PeerOptions(PeerRole role, VideoCodec videoCodec, int audioPayloadType, int videoPayloadType,
                          int keyframeIntervalFrames, long videoFrameIntervalMillis, long consentIntervalMillis,
                          long iceRetransmitMillis, long senderReportIntervalMillis, long connectTimeoutMillis,
                          boolean wrongDtlsCertificate, String offeredSetup, int audioLevelDbov) {
    public static final int OPUS_PAYLOAD_TYPE = 111;
    public static final int VP8_PAYLOAD_TYPE = 96;
    public static final int H264_PAYLOAD_TYPE = 102;
    /** {@code audioLevelDbov} value: no RFC 6464 element in our audio packets. */
    public static final int NO_AUDIO_LEVEL = -1;

    public PeerOptions {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(videoCodec, "videoCodec");
        if (!"actpass".equals(offeredSetup) && !"passive".equals(offeredSetup) && !"active".equals(offeredSetup)) {
            throw new IllegalArgumentException("offeredSetup must be actpass, active or passive");
        }
        checkAudioLevel(audioLevelDbov);
        checkPayloadType(audioPayloadType);
        checkPayloadType(videoPayloadType);
        if (audioPayloadType == videoPayloadType) {
            throw new IllegalArgumentException("audio and video need different payload types");
        }
        if (keyframeIntervalFrames < 1 || videoFrameIntervalMillis < 1 || consentIntervalMillis < 1
                || iceRetransmitMillis < 1 || senderReportIntervalMillis < 1 || connectTimeoutMillis < 1) {
            throw new IllegalArgumentException("intervals and counts must be positive");
        }
    }

    /** VP8 PT 96, opus PT 111, keyframe every 60 frames at 30 fps, consent every 2 s, ICE retransmit 50 ms. */
    public static PeerOptions publisher() {
        return new PeerOptions(PeerRole.PUBLISHER, VideoCodec.VP8, OPUS_PAYLOAD_TYPE, VP8_PAYLOAD_TYPE, 60, 33,
                2_000, 50, 1_000, 10_000, false, "actpass", NO_AUDIO_LEVEL);
    }

    /** The same codecs and timings, receiving. */
    public static PeerOptions subscriber() {
        return publisher().withRole(PeerRole.SUBSCRIBER);
    }

    public PeerOptions withRole(PeerRole newRole) {
        return new PeerOptions(newRole, videoCodec, audioPayloadType, videoPayloadType, keyframeIntervalFrames,
                videoFrameIntervalMillis, consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis,
                connectTimeoutMillis, wrongDtlsCertificate, offeredSetup, audioLevelDbov);
    }

    /** H.264 goes with PT 102, VP8 with PT 96. */
    public PeerOptions withVideoCodec(VideoCodec codec) {
        int pt = codec == VideoCodec.H264 ? H264_PAYLOAD_TYPE : VP8_PAYLOAD_TYPE;
        return new PeerOptions(role, codec, audioPayloadType, pt, keyframeIntervalFrames, videoFrameIntervalMillis,
                consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis, connectTimeoutMillis,
                wrongDtlsCertificate, offeredSetup, audioLevelDbov);
    }

    public PeerOptions withPayloadTypes(int audioPt, int videoPt) {
        return new PeerOptions(role, videoCodec, audioPt, videoPt, keyframeIntervalFrames, videoFrameIntervalMillis,
                consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis, connectTimeoutMillis,
                wrongDtlsCertificate, offeredSetup, audioLevelDbov);
    }

    public PeerOptions withKeyframeIntervalFrames(int frames) {
        return new PeerOptions(role, videoCodec, audioPayloadType, videoPayloadType, frames, videoFrameIntervalMillis,
                consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis, connectTimeoutMillis,
                wrongDtlsCertificate, offeredSetup, audioLevelDbov);
    }

    public PeerOptions withConsentIntervalMillis(long millis) {
        return new PeerOptions(role, videoCodec, audioPayloadType, videoPayloadType, keyframeIntervalFrames,
                videoFrameIntervalMillis, millis, iceRetransmitMillis, senderReportIntervalMillis,
                connectTimeoutMillis, wrongDtlsCertificate, offeredSetup, audioLevelDbov);
    }

    public PeerOptions withConnectTimeoutMillis(long millis) {
        return new PeerOptions(role, videoCodec, audioPayloadType, videoPayloadType, keyframeIntervalFrames,
                videoFrameIntervalMillis, consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis,
                millis, wrongDtlsCertificate, offeredSetup, audioLevelDbov);
    }

    /** Offer one certificate's fingerprint and present another in the DTLS handshake. */
    public PeerOptions withWrongDtlsCertificate() {
        return new PeerOptions(role, videoCodec, audioPayloadType, videoPayloadType, keyframeIntervalFrames,
                videoFrameIntervalMillis, consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis,
                connectTimeoutMillis, true, offeredSetup, audioLevelDbov);
    }

    /** Offer {@code a=setup:passive} (or another RFC 8842 value) instead of {@code actpass}. */
    public PeerOptions withOfferedSetup(String setup) {
        return new PeerOptions(role, videoCodec, audioPayloadType, videoPayloadType, keyframeIntervalFrames,
                videoFrameIntervalMillis, consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis,
                connectTimeoutMillis, wrongDtlsCertificate, setup, audioLevelDbov);
    }

    /** Our Opus packets carry this RFC 6464 level (0 loudest .. 127 silence), or none with {@link #NO_AUDIO_LEVEL}. */
    public PeerOptions withAudioLevelDbov(int levelDbov) {
        return new PeerOptions(role, videoCodec, audioPayloadType, videoPayloadType, keyframeIntervalFrames,
                videoFrameIntervalMillis, consentIntervalMillis, iceRetransmitMillis, senderReportIntervalMillis,
                connectTimeoutMillis, wrongDtlsCertificate, offeredSetup, levelDbov);
    }

    static void checkAudioLevel(int levelDbov) {
        if (levelDbov != NO_AUDIO_LEVEL && (levelDbov < 0 || levelDbov > 127)) {
            throw new IllegalArgumentException("audioLevelDbov is 0..127 or NO_AUDIO_LEVEL, got " + levelDbov);
        }
    }

    private static void checkPayloadType(int pt) {
        if (pt < 96 || pt > 127) {
            throw new IllegalArgumentException("dynamic payload types are 96..127, got " + pt);
        }
    }
}
