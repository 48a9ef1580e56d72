package dev.onair.sfu.api;

import java.util.List;

/**
 * The telemetry of one live session: its identity and, once a second, a sample of the session as a whole and of
 * each of its tracks, the last {@link #capacity()} of each (oldest first). Built on the media loop by
 * {@link MediaService#report(String)}; immutable. Values that are not known are null, never a made-up zero.
 *
 * @param resourceId  the session's resource id
 * @param room        its room
 * @param identity    the participant it belongs to
 * @param kind        "publish" (media in) or "subscribe" (media out)
 * @param state       e.g. "connected"
 * @param capacity    samples kept per series (older ones are overwritten)
 * @param samples     the session's samples, oldest first
 * @param tracks      one entry per current track, in m-line order
 * @param congestion  {@code subscribe}: the bandwidth estimate and its allocation, once a second, oldest first;
 *                    empty for publishers and for subscribers without transport-wide feedback
 * @param layerSwitches {@code subscribe}: the latest simulcast layer switches of its tracks, oldest first
 */
public record SessionReport(String resourceId, String room, String identity, String kind, String state, int capacity,
                            List<SessionSample> samples, List<TrackReport> tracks, List<CongestionSample> congestion,
                            List<LayerSwitch> layerSwitches) {

    public SessionReport {
        samples = List.copyOf(samples);
        tracks = List.copyOf(tracks);
        congestion = List.copyOf(congestion);
        layerSwitches = List.copyOf(layerSwitches);
    }

    /** A report without congestion control series (publishers, tests). */
    public SessionReport(String resourceId, String room, String identity, String kind, String state, int capacity,
                         List<SessionSample> samples, List<TrackReport> tracks) {
        this(resourceId, room, identity, kind, state, capacity, samples, tracks, List.of(), List.of());
    }

    /**
     * What congestion control towards one subscriber decided at one moment (about once a second).
     *
     * @param estimateBps        the send-side bandwidth estimate (delay- and loss-based, probes included)
     * @param ackedBitrateBps    what the subscriber's feedback says arrived, per second
     * @param allocatedBps       what the allocator gave the tracks (the sum of {@code tracks}' allocations)
     * @param wantedBps          what the tracks would take at the layer their views need
     * @param pacingRateBps      the pacer's rate
     * @param lossPercent        the loss the estimator last saw in the feedback
     * @param delaySignal        the delay detector's state: normal, overusing or underusing
     * @param reason             why the estimate last changed (e.g. "delay-overuse", "loss 12%", "probe")
     * @param audioOnly          true when every video track is paused for lack of bandwidth
     * @param queueDelayMaxMillis  the longest a packet waited in our queue (enqueue to socket) in the last second
     * @param queueDelayMeanMillis the mean of that wait; NaN when nothing was sent
     * @param tracks             the allocation of each track
     */
    public record CongestionSample(long atMillis, long estimateBps, long ackedBitrateBps, long allocatedBps,
                                   long wantedBps, long pacingRateBps, double lossPercent, String delaySignal,
                                   String reason, boolean audioOnly, double queueDelayMaxMillis,
                                   double queueDelayMeanMillis, List<TrackAllocationSample> tracks) {
        public CongestionSample {
            tracks = List.copyOf(tracks);
        }
    }

    /**
     * One track's share at one moment.
     *
     * @param mid          the subscriber's m-line
     * @param trackSid     the published track bound to it; null when none
     * @param layer        the spatial layer being forwarded (0 lowest); -1 when none (paused, or audio's "no layers")
     * @param targetLayer  the layer the allocator chose; -1 = paused
     * @param allocatedBps the bitrate allocated to it
     * @param reason       why it has this layer: "bandwidth", "view-size", "not-visible", "priority", "recovered"...
     * @param temporalLayer       the highest VP8 temporal layer (TID) forwarded; -1 when the layer has none (or audio)
     * @param targetTemporalLayer the highest temporal layer the allocator chose; -1 = all
     */
    public record TrackAllocationSample(String mid, String trackSid, int layer, int targetLayer, long allocatedBps,
                                        String reason, int temporalLayer, int targetTemporalLayer) {
    }

    /**
     * A layer switch the subscriber saw: simulcast (spatial, at a keyframe of the new layer) or VP8 temporal (down at a
     * frame start, up at a layer-sync frame).
     *
     * @param atMillis   wall time of the switch
     * @param mid        the subscriber's m-line
     * @param fromLayer  the layer before (-1: nothing was forwarded: a start or a resume)
     * @param toLayer    the layer after (-1: paused)
     * @param reason     the allocator's reason for the target that caused it
     * @param dimension  "spatial" (layers are simulcast layers, 0 lowest) or "temporal" (layers are TIDs)
     */
    public record LayerSwitch(long atMillis, String mid, int fromLayer, int toLayer, String reason,
                              String dimension) {
    }

    /**
     * One track's series.
     *
     * @param mid       the m-line
     * @param kind      "audio" or "video"
     * @param direction "in" (the publisher sends it to us) or "out" (we send it to the subscriber)
     * @param trackSid  the published track's id ({@code out}: the source currently bound, null when none)
     * @param ssrc      the SSRC on this connection (the publisher's, or ours towards the subscriber); null if unknown
     * @param samples   oldest first
     * @param client    the browser's own view of the track ({@code client_stats} joined by SSRC), oldest first;
     *                  empty when the peer uploads none
     */
    public record TrackReport(String mid, String kind, String direction, String trackSid, Long ssrc,
                              List<TrackSample> samples, List<ClientSample> client) {
        public TrackReport {
            samples = List.copyOf(samples);
            client = List.copyOf(client);
        }

        /** A track without client samples. */
        public TrackReport(String mid, String kind, String direction, String trackSid, Long ssrc,
                           List<TrackSample> samples) {
            this(mid, kind, direction, trackSid, ssrc, samples, List.of());
        }

        /** The same track with {@code newClient} as its client samples. */
        public TrackReport withClient(List<ClientSample> newClient) {
            return new TrackReport(mid, kind, direction, trackSid, ssrc, samples, newClient);
        }
    }

    /**
     * One track over one interval (about a second).
     *
     * @param atMillis            wall-clock time of the sample (ms since the epoch)
     * @param intervalMillis      the interval it covers
     * @param bitrateBps          RTP bits per second (headers included, SRTP overhead not)
     * @param packetRate          packets per second
     * @param lossPercent         {@code in}: packets missing in the interval from the sequence numbers (expected vs
     *                            received, before retransmission); {@code out}: the subscriber's last RR fraction
     *                            lost. Null when nothing was expected or no RR arrived yet
     * @param lossAfterRetransmissionPercent {@code in} video whose publisher takes NACKs: packets given up in the
     *                            interval (still missing after the NACK deadline, max(1 s, 5 RTT) after the loss, or
     *                            dropped by an overflowing missing list) over the packets expected in it, so it lags
     *                            the loss by up to that deadline; otherwise equal to {@code lossPercent}
     * @param jitterMillis        interarrival jitter (RFC 3550 A.8): ours for {@code in}, the subscriber's RR for
     *                            {@code out}; null when unknown
     * @param rttMillis           {@code out}: from the subscriber's RR to our SR (LSR/DLSR); {@code in}: null, we
     *                            send publishers no SR yet
     * @param nackReceived        RTCP NACKs received about this track in the interval (and so on for each count)
     * @param keyframeIntervalMillis {@code in} video: time between the last two keyframe starts; else null
     * @param framesPerSecond     video: frames ended (RTP marker bit) per second; null for audio
     * @param queueDrops          {@code out}: packets dropped in the interval because the subscriber's queue was full
     * @param sourceFramesPerSecond {@code out} video: the frame rate arriving here from the publisher of the bound
     *                            track (what the subscriber could get at best); null for audio, {@code in}, or before
     *                            the publisher's first sample
     * @param sourceFrameWidth    {@code out} video: the publisher's encoded width as its browser reported it in
     *                            {@code client_stats}; null when not reported (e.g. a WHIP publisher)
     * @param sourceFrameHeight   likewise, the height
     * @param reportedPacketsLost {@code out}: the cumulative packets lost of the subscriber's last RR (RFC 3550
     *                            §6.4.1); with {@code reportedHighestSequence} it gives the exact loss between any
     *                            two samples; null before the first RR
     * @param reportedHighestSequence {@code out}: the extended highest sequence number of that RR
     * @param retransmitted       {@code out} video: packets resent (RTX or plain) for the subscriber's NACKs in the
     *                            interval
     * @param retransmissionMissed {@code out} video: NACKed packets we could not resend in the interval (no longer
     *                            cached, older than useful, never received)
     * @param rtxRecovered        {@code in} video: packets restored from the publisher's RTX and forwarded in the
     *                            interval
     * @param rtxDiscarded        {@code in} video: RTX packets dropped in the interval (already received, padding-only
     *                            probes, unusable)
     * @param unrecoverableLosses {@code in} video whose publisher takes NACKs: missing packets given up in the
     *                            interval (each also triggers a throttled keyframe request); null otherwise
     * @param redReceived         {@code in} audio: RED packets (RFC 2198) received from the publisher in the
     *                            interval; null otherwise
     * @param redForwarded        {@code out} audio: RED packets sent as RED (the subscriber negotiated it) in the
     *                            interval; null otherwise
     * @param redStripped         {@code out} audio: RED packets sent as their primary opus block (the subscriber did
     *                            not negotiate RED) in the interval; null otherwise
     * @param keyframesRequested  {@code in} video (all simulcast layers): keyframes asked for in the interval by
     *                            subscribers or the SFU (new subscriber, layer switch, loss), sent or suppressed by the
     *                            500 ms throttle; null otherwise
     * @param keyframeRequestsSent {@code in} video: PLI/FIR sent to the publisher in the interval (retries included)
     * @param keyframeRetries     {@code in} video: requests sent again because the keyframe did not come within the
     *                            publisher's keyframe interval (at most 1 s)
     * @param keyframesReceived   {@code in} video: keyframes that arrived from the publisher in the interval
     */
    public record TrackSample(long atMillis, long intervalMillis, long bitrateBps, double packetRate,
                              Double lossPercent, Double lossAfterRetransmissionPercent, Double jitterMillis,
                              Double rttMillis, long nackReceived, long nackSent, long pliReceived, long pliSent,
                              long firReceived, long firSent, Double keyframeIntervalMillis, Double framesPerSecond,
                              long queueDrops, Double sourceFramesPerSecond, Long sourceFrameWidth,
                              Long sourceFrameHeight, Long reportedPacketsLost, Long reportedHighestSequence,
                              long retransmitted, long retransmissionMissed, long rtxRecovered,
                              long rtxDiscarded, Long unrecoverableLosses, Long redReceived, Long redForwarded,
                              Long redStripped, Long keyframesRequested, Long keyframeRequestsSent,
                              Long keyframeRetries, Long keyframesReceived) {

        /** A sample without the RED and keyframe counts (tests, older callers). */
        public TrackSample(long atMillis, long intervalMillis, long bitrateBps, double packetRate,
                           Double lossPercent, Double lossAfterRetransmissionPercent, Double jitterMillis,
                           Double rttMillis, long nackReceived, long nackSent, long pliReceived, long pliSent,
                           long firReceived, long firSent, Double keyframeIntervalMillis, Double framesPerSecond,
                           long queueDrops, Double sourceFramesPerSecond, Long sourceFrameWidth,
                           Long sourceFrameHeight, Long reportedPacketsLost, Long reportedHighestSequence,
                           long retransmitted, long retransmissionMissed, long rtxRecovered, long rtxDiscarded,
                           Long unrecoverableLosses) {
            this(atMillis, intervalMillis, bitrateBps, packetRate, lossPercent, lossAfterRetransmissionPercent,
                    jitterMillis, rttMillis, nackReceived, nackSent, pliReceived, pliSent, firReceived, firSent,
                    keyframeIntervalMillis, framesPerSecond, queueDrops, sourceFramesPerSecond, sourceFrameWidth,
                    sourceFrameHeight, reportedPacketsLost, reportedHighestSequence, retransmitted,
                    retransmissionMissed, rtxRecovered, rtxDiscarded, unrecoverableLosses, null, null, null, null,
                    null, null, null);
        }

        /** A sample with only the server's own counts: nothing of the source, the RRs or retransmission. */
        public TrackSample(long atMillis, long intervalMillis, long bitrateBps, double packetRate,
                           Double lossPercent, Double lossAfterRetransmissionPercent, Double jitterMillis,
                           Double rttMillis, long nackReceived, long nackSent, long pliReceived, long pliSent,
                           long firReceived, long firSent, Double keyframeIntervalMillis, Double framesPerSecond,
                           long queueDrops) {
            this(atMillis, intervalMillis, bitrateBps, packetRate, lossPercent, lossAfterRetransmissionPercent,
                    jitterMillis, rttMillis, nackReceived, nackSent, pliReceived, pliSent, firReceived, firSent,
                    keyframeIntervalMillis, framesPerSecond, queueDrops, null, null, null, null, null, 0, 0, 0, 0, null);
        }
    }

    /**
     * The session over one interval: its tracks together, its transport, the RTCP feedback it received, and
     * queue drops.
     *
     * @param bitrateBps     the sum of its tracks' bitrates in this interval
     * @param packetRateIn   datagrams per second received by the transport (RTP and RTCP)
     * @param packetRateOut  datagrams per second sent by the transport (RTP and RTCP)
     * @param nackReceived   RTCP NACK packets received from the peer in the interval (likewise PLI, FIR)
     * @param queueDrops     {@code subscribe}: packets its queue dropped in the interval; 0 for {@code publish}
     */
    public record SessionSample(long atMillis, long intervalMillis, long bitrateBps, double packetRateIn,
                                double packetRateOut, long nackReceived, long pliReceived, long firReceived,
                                long queueDrops, long transportFeedbackSent) {
        /** Without transport-wide feedback (none sent in the interval). */
        public SessionSample(long atMillis, long intervalMillis, long bitrateBps, double packetRateIn,
                             double packetRateOut, long nackReceived, long pliReceived, long firReceived,
                             long queueDrops) {
            this(atMillis, intervalMillis, bitrateBps, packetRateIn, packetRateOut, nackReceived, pliReceived,
                    firReceived, queueDrops, 0);
        }
    }
}
