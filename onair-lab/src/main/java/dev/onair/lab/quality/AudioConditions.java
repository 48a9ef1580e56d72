package dev.onair.lab.quality;

/**
 * The measured conditions of one audio stream over one interval, the per-call inputs of {@link EModel}.
 *
 * @param oneWayDelayMillis mouth-to-ear delay Ta in milliseconds (see {@link #fromNetwork})
 * @param lossPercent effective packet loss Ppl in percent (0..100): packets still missing at playout, after
 *     retransmission and FEC recovery; concealment is modelled by the codec's {@code Bpl}, not here
 * @param burstRatio BurstR (G.107 §7.5): 1 for random loss, above 1 for bursty loss
 * @param codec the codec's {@code Ie} and {@code Bpl}
 */
public record AudioConditions(double oneWayDelayMillis, double lossPercent, double burstRatio,
                             CodecImpairment codec) {

    /** Validates that a codec is given; numbers are clamped later by {@link EModel}, never rejected. */
    public AudioConditions {
        if (codec == null) {
            throw new IllegalArgumentException("codec");
        }
    }

    /**
     * Conditions from network measurements: {@code Ta = rttMillis / 2 + jitterBufferDelayMillis}. Capture,
     * encoder and device playout delays are not measured by the server and are left out, so Ta (and the delay
     * impairment) is a lower bound.
     */
    public static AudioConditions fromNetwork(double rttMillis, double jitterBufferDelayMillis,
                                              double lossPercentAfterRecovery, double burstRatio,
                                              CodecImpairment codec) {
        return new AudioConditions(rttMillis / 2 + jitterBufferDelayMillis, lossPercentAfterRecovery,
                burstRatio, codec);
    }

    /** Opus, random loss, the given delay and loss. */
    public static AudioConditions opus(double oneWayDelayMillis, double lossPercent) {
        return new AudioConditions(oneWayDelayMillis, lossPercent, 1.0, CodecImpairment.OPUS);
    }
}
