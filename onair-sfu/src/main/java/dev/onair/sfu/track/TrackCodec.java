package dev.onair.sfu.track;

/**
 * A codec as negotiated on one side, keyed by name for cross-peer mapping.
 *
 * @param name          encoding name, upper-case ("OPUS", "VP8", "H264")
 * @param payloadType   this peer's payload type
 * @param clockRateHz   RTP clock rate
 */
public record TrackCodec(String name, int payloadType, int clockRateHz) {

    public boolean isVp8() {
        return "VP8".equals(name);
    }

    public boolean isH264() {
        return "H264".equals(name);
    }
}
