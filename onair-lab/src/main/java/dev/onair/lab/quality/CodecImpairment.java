package dev.onair.lab.quality;

/**
 * A codec's E-model impairment: the equipment impairment factor {@code Ie} (loss-free coding distortion on the
 * narrowband R scale) and the packet-loss robustness factor {@code Bpl} (ITU-T G.107 §7.5, values in ITU-T
 * G.113 Appendix I). Higher {@code Bpl} means the decoder's concealment hides loss better.
 *
 * @param equipmentImpairment {@code Ie}, 0..95
 * @param packetLossRobustness {@code Bpl}, greater than 0
 */
public record CodecImpairment(double equipmentImpairment, double packetLossRobustness) {

    /**
     * ITU-T G.711 with the G.711 Appendix I packet-loss concealment: {@code Ie = 0, Bpl = 25.1}
     * (ITU-T G.113 Appendix I, random loss).
     */
    public static final CodecImpairment G711_PLC = new CodecImpairment(0.0, 25.1);

    /** ITU-T G.711 without concealment: {@code Ie = 0, Bpl = 4.3} (ITU-T G.113 Appendix I). */
    public static final CodecImpairment G711_NO_PLC = new CodecImpairment(0.0, 4.3);

    /**
     * Opus (RFC 6716) as used by WebRTC (wideband or better, 20 ms frames, built-in concealment), scored on the
     * narrowband R scale: {@code Ie = 0, Bpl = 25.1}. No ITU-T table gives narrowband {@code Ie/Bpl} for Opus,
     * so this is a documented choice, not a measured value: Opus at WebRTC's voice bitrates is at least as
     * good as G.711 loss-free (so {@code Ie = 0}, the floor of the narrowband scale), and its concealment is at
     * least as good as G.711 Appendix I's, so we borrow that codec's {@code Bpl = 25.1}. This is conservative
     * for loss (in-band FEC is ignored). See {@code docs/quality.md}.
     */
    public static final CodecImpairment OPUS = new CodecImpairment(0.0, 25.1);

    /** Validates the ranges. */
    public CodecImpairment {
        if (!(equipmentImpairment >= 0 && equipmentImpairment <= 95)) {
            throw new IllegalArgumentException("equipmentImpairment must be in 0..95: " + equipmentImpairment);
        }
        if (!(packetLossRobustness > 0 && Double.isFinite(packetLossRobustness))) {
            throw new IllegalArgumentException("packetLossRobustness must be > 0: " + packetLossRobustness);
        }
    }
}
