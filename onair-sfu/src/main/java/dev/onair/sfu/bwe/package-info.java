/**
 * Send-side bandwidth estimation towards a subscriber (issue #5), after draft-ietf-rmcat-gcc-02 and libwebrtc's
 * goog_cc. Input: the subscriber's TWCC feedback as {@link dev.onair.sfu.twcc.PacketResult}s, RTT, and which
 * packets were probes; output: {@link dev.onair.sfu.bwe.SendSideEstimator#estimateBps()}, the target rate for the
 * allocator and pacer, and probe requests ({@link dev.onair.sfu.bwe.ProbeCluster}).
 * <ul>
 *   <li>Delay-based: {@code InterArrival} (5 ms send groups, bursts), {@code TrendlineFilter} (20 groups,
 *       smoothing 0.9, least-squares slope of the accumulated delay), {@code OveruseDetector} (slope × min(n, 60)
 *       × 4 against an adaptive threshold: k_up 0.0087, k_down 0.039, 6..600 ms, start 12.5 ms; overuse held
 *       &gt; 10 ms and not shrinking), {@code AimdRateControl} (decrease to 0.85 × acked; +8 %/s far from the last
 *       congestion point, one packet per RTT + 100 ms near it; hold while underusing; never above
 *       1.5 × acked + 10 kbit/s).</li>
 *   <li>{@code AckedBitrateEstimator}: received bytes over the last 250 ms of arrival time.</li>
 *   <li>{@code LossBasedController}: loss &gt; 10 % → × (1 − 0.5 loss) per 300 ms + RTT; &lt; 2 % → up to
 *       × 1.08 per second; combined as min(delay, loss).</li>
 *   <li>{@code ProbeController} / {@code ProbeResultEstimator}: 2 × estimate clusters (15 ms, ≥ 5 packets) while
 *       the allocation wants more than the estimate; result = min(send, receive rate) of the cluster; after a
 *       success the next probe follows at once, after a failure it waits 5 s, doubling up to 10 s.</li>
 * </ul>
 * The caller (one per subscriber transport): {@code onFeedback} per TWCC feedback, {@code onRtt} when an RTT is
 * measured, {@code nextProbe(now, wantedBps)} from its periodic tick, {@code onProbeSent} per probe packet sent, and
 * reads {@code estimateBps()}, {@code lastChangeReason()} and the other getters for allocation and telemetry.
 * Time comes in as nanos arguments (the caller's MediaClock); media loop only, no locks, no allocation per packet.
 *
 * <p>{@link dev.onair.sfu.bwe.ReceiveSideEstimator} is the receive-side counterpart for REMB to a publisher that
 * negotiated goog-remb and abs-send-time but not transport-cc: per received packet (abs-send-time, arrival, size)
 * the same grouping, trendline, overuse detector and AIMD, the incoming bitrate standing in for the acked one.
 */
package dev.onair.sfu.bwe;
