package dev.onair.sfu.telemetry;

import dev.onair.sfu.api.ClientSample;
import dev.onair.sfu.api.ClientStats;

/**
 * Turns one track's successive browser uploads ({@link ClientStats.Inbound} or {@link ClientStats.Outbound},
 * cumulative counters) into {@link ClientSample}s in a bounded ring, differencing each upload against the
 * previous one for the same SSRC. Intervals are measured on the server's clock between arrivals. A new SSRC, or
 * a counter that went back, restarts the baseline (that sample's interval values are null). Media loop only; runs
 * once per upload (every few seconds), never per packet.
 */
public final class ClientSampler {
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MILLI = 1e6;
    private final SampleRing<ClientSample> ring;
    private long prevSsrc = -1;
    private long prevNanos;
    private ClientStats.Inbound prevIn;
    private ClientStats.Outbound prevOut;

    public ClientSampler(int capacity) {
        ring = new SampleRing<>(capacity);
    }

    public SampleRing<ClientSample> samples() {
        return ring;
    }

    /** One inbound-rtp upload (the browser receives this track from us). */
    public ClientSample addInbound(ClientStats.Inbound in, long nowNanos, long wallMillis, Double rttMillis) {
        ClientStats.Inbound prev = in.ssrc() == prevSsrc ? prevIn : null;
        long dtNanos = nowNanos - prevNanos;
        boolean interval = prev != null && dtNanos > 0;
        double seconds = dtNanos / NANOS_PER_SECOND;
        Long dReceived = interval ? delta(in.packetsReceived(), prev.packetsReceived()) : null;
        Long dLost = interval ? signedDelta(in.packetsLost(), prev.packetsLost()) : null;
        Double loss = null;
        if (dReceived != null && dLost != null) {
            long dLostClamped = Math.max(0, dLost);
            long expected = dReceived + dLostClamped;
            loss = expected <= 0 ? null : Double.valueOf(dLostClamped * 100.0 / expected);
        }
        Long dFrames = interval ? delta(in.framesDecoded(), prev.framesDecoded()) : null;
        Double fps = dFrames != null ? Double.valueOf(dFrames / seconds) : in.framesPerSecond();
        Double dFreezeSeconds = interval ? deltaD(in.totalFreezesDurationSeconds(),
                prev.totalFreezesDurationSeconds()) : null;
        Long dConcealed = interval ? delta(in.concealedSamples(), prev.concealedSamples()) : null;
        Long dSamples = interval ? delta(in.totalSamplesReceived(), prev.totalSamplesReceived()) : null;
        Double concealed = dConcealed == null || dSamples == null || dSamples <= 0 ? null
                : Double.valueOf(Math.min(100.0, dConcealed * 100.0 / dSamples));
        Double dDelay = interval ? deltaD(in.jitterBufferDelaySeconds(), prev.jitterBufferDelaySeconds()) : null;
        Long dEmitted = interval ? delta(in.jitterBufferEmittedCount(), prev.jitterBufferEmittedCount()) : null;
        Double jbMillis = dDelay == null || dEmitted == null || dEmitted <= 0 ? null : Double.valueOf(dDelay * 1000 / dEmitted);
        ClientSample s = new ClientSample(wallMillis, interval ? Math.round(dtNanos / NANOS_PER_MILLI) : 0, loss,
                in.jitterSeconds() == null ? null : Double.valueOf(in.jitterSeconds() * 1000), fps, in.frameWidth(),
                in.frameHeight(), interval ? delta(in.freezeCount(), prev.freezeCount()) : null,
                dFreezeSeconds == null ? null : Double.valueOf(dFreezeSeconds * 1000), concealed, jbMillis,
                interval ? delta(in.nackCount(), prev.nackCount()) : null, rttMillis, null);
        ring.add(s);
        prevSsrc = in.ssrc();
        prevNanos = nowNanos;
        prevIn = in;
        prevOut = null;
        return s;
    }

    /** One outbound-rtp upload (the browser sends this track to us). */
    public ClientSample addOutbound(ClientStats.Outbound out, long nowNanos, long wallMillis, Double rttMillis) {
        ClientStats.Outbound prev = out.ssrc() == prevSsrc ? prevOut : null;
        long dtNanos = nowNanos - prevNanos;
        boolean interval = prev != null && dtNanos > 0;
        Long dFrames = interval ? delta(out.framesEncoded(), prev.framesEncoded()) : null;
        Double fps = dFrames != null ? Double.valueOf(dFrames / (dtNanos / NANOS_PER_SECOND)) : out.framesPerSecond();
        ClientSample s = new ClientSample(wallMillis, interval ? Math.round(dtNanos / NANOS_PER_MILLI) : 0, null,
                null, fps, out.frameWidth(), out.frameHeight(), null, null, null, null, null, rttMillis,
                out.qualityLimitationReason());
        ring.add(s);
        prevSsrc = out.ssrc();
        prevNanos = nowNanos;
        prevOut = out;
        prevIn = null;
        return s;
    }

    /** now - before when both are known and now did not go back; else null. */
    private static Long delta(Long now, Long before) {
        return now == null || before == null || now < before ? null : now - before;
    }

    /** packetsLost may go down (duplicates, RFC 3550 §6.4.1): any difference when both are known. */
    private static Long signedDelta(Long now, Long before) {
        return now == null || before == null ? null : now - before;
    }

    private static Double deltaD(Double now, Double before) {
        return now == null || before == null || now < before ? null : now - before;
    }
}
