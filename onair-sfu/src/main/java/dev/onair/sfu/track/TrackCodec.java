package dev.onair.sfu.track;

/**
 * A codec as negotiated on one side, keyed by name for cross-peer mapping.
 *
 * @param name          encoding name, upper-case ("OPUS", "VP8", "H264")
 * @param payloadType   this peer's payload type
 * @param clockRateHz   RTP clock rate
 * @param rtxPayloadType this peer's payload type of the RFC 4588 rtx format paired with it, or -1
 */
public record TrackCodec(String name, int payloadType, int clockRateHz, int rtxPayloadType) {

    /** A codec without rtx. */
    public TrackCodec(String name, int payloadType, int clockRateHz) {
        this(name, payloadType, clockRateHz, -1);
    }

    public boolean isVp8() {
        return "VP8".equals(name);
    }

    /** RFC 2198 redundant audio ({@code red/48000/2}). */
    public boolean isRed() {
        return "RED".equals(name);
    }

    public boolean isH264() {
        return "H264".equals(name);
    }
}
