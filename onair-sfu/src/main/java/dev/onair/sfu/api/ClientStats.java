package dev.onair.sfu.api;

import java.util.List;

/**
 * A browser's own {@code getStats()} summary of its peer connections, as uploaded through the SDK
 * ({@code client_stats} in docs/protocol.md). Counters are cumulative as the browser reports them (they only grow
 * while its RTP stream lives); the SFU differences consecutive uploads. Every number is validated by the caller:
 * finite and not negative. A value the browser did not report is null (or -1 for the primitive ones noted).
 *
 * @param inbound     the browser's inbound-rtp entries: what it receives from us (our subscriber tracks)
 * @param outbound    the browser's outbound-rtp entries: what it sends us (our publisher tracks)
 * @param rttMillis   the selected candidate pair's current round-trip time; null when not reported
 */
public record ClientStats(List<Inbound> inbound, List<Outbound> outbound, Double rttMillis) {

    public ClientStats {
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
    }

    /**
     * One inbound-rtp entry (W3C webrtc-stats {@code RTCInboundRtpStreamStats}); time values in the units the
     * browser reports them (seconds), converted by the SFU.
     *
     * @param ssrc the SSRC the browser receives: our outbound SSRC on its subscriber connection
     */
    public record Inbound(long ssrc, String kind, String mid, Long packetsReceived, Long packetsLost,
                          Double jitterSeconds, Long framesDecoded, Double framesPerSecond, Long frameWidth,
                          Long frameHeight, Long freezeCount, Double totalFreezesDurationSeconds,
                          Long concealedSamples, Long totalSamplesReceived, Double jitterBufferDelaySeconds,
                          Long jitterBufferEmittedCount, Long nackCount) {
    }

    /**
     * One outbound-rtp entry ({@code RTCOutboundRtpStreamStats}).
     *
     * @param ssrc the SSRC the browser sends: the publisher SSRC we receive
     */
    public record Outbound(long ssrc, String kind, Long packetsSent, Long framesEncoded, Double framesPerSecond,
                           Long frameWidth, Long frameHeight, String qualityLimitationReason) {
    }
}
