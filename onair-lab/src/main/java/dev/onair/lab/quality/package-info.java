/**
 * Quality scores (issue 4), pure functions of measured conditions, every formula documented in
 * {@code docs/quality.md}:
 * <ul>
 *   <li>audio: the ITU-T G.107 E-model ({@link dev.onair.lab.quality.EModel}) with an Opus impairment
 *       model ({@link dev.onair.lab.quality.CodecImpairment#OPUS}), rating R mapped to MOS by G.107 Annex B
 *       ({@link dev.onair.lab.quality.MosMapping});</li>
 *   <li>video: a 0–100 score from freezes, frame rate, resolution and stalls
 *       ({@link dev.onair.lab.quality.VideoScore});</li>
 *   <li>a per-participant connection tier with hysteresis ({@link dev.onair.lab.quality.ConnectionTierTracker}),
 *       time passed in as monotonic nanoseconds.</li>
 * </ul>
 * Nothing here reads a clock, allocates per packet or throws on measured input: out-of-range or non-finite
 * inputs are clamped, and an unknown value counts as the worst case, never as perfect.
 */
package dev.onair.lab.quality;
