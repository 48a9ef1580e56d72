package dev.onair.lab.quality;

/**
 * One interval's measures for a participant, the input of {@link ConnectionTierTracker}. A measure that does
 * not apply (no audio, no video) is {@code Double.NaN} and is ignored; RTT and loss always apply.
 *
 * @param mos audio MOS 1..4.5 from {@link EModel}, or NaN
 * @param videoScore 0..100 from {@link VideoScore}, or NaN
 * @param rttMillis round-trip time in milliseconds (NaN counts as bad)
 * @param lossPercent packet loss after retransmission, percent (NaN counts as bad)
 * @param lastPacketAtNanos monotonic time of the participant's last received packet
 */
public record QualitySample(double mos, double videoScore, double rttMillis, double lossPercent,
                            long lastPacketAtNanos) {
}
