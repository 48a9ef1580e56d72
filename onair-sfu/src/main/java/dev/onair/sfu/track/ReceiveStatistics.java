package dev.onair.sfu.track;

import dev.onair.protocol.rtcp.NtpTime;
import dev.onair.protocol.rtcp.ReportBlock;
import dev.onair.protocol.rtp.SequenceUnwrapper;

/**
 * Per published SSRC receive statistics for our receiver reports (RFC 3550 §6.4.1, Appendix A.3 and A.8):
 * extended highest sequence, cumulative and interval loss, interarrival jitter, and the last SR for
 * LSR/DLSR. Media loop only; no allocation per packet.
 */
public final class ReceiveStatistics {
    private final long ssrc;
    private final int clockRateHz;
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private boolean started;
    private long baseExtSeq;
    private long maxExtSeq;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitterTicks;
    private boolean haveTransit;
    private long lastTransitTicks;
    private long lastSrNtp;
    private long lastSrArrivalNanos;
    private long lastSrRtpTimestamp;
    private boolean haveSr;

    public ReceiveStatistics(long ssrc, int clockRateHz) {
        this.ssrc = ssrc;
        this.clockRateHz = clockRateHz;
    }

    /** Records one packet; returns its extended (unwrapped) sequence number. */
    public long onPacket(int seq, long rtpTimestamp, long arrivalNanos) {
        long ext = unwrapper.unwrap(seq);
        if (!started) {
            started = true;
            baseExtSeq = ext;
            maxExtSeq = ext;
        } else if (ext > maxExtSeq) {
            maxExtSeq = ext;
        }
        received++;
        long arrivalTicks = (arrivalNanos / 1_000L) * clockRateHz / 1_000_000L;
        long transit = arrivalTicks - rtpTimestamp;
        if (haveTransit) {
            long d = Math.abs(transit - lastTransitTicks);
            jitterTicks += (d - jitterTicks) / 16.0;
        }
        lastTransitTicks = transit;
        haveTransit = true;
        return ext;
    }

    /**
     * A packet restored from RTX: returns its extended sequence number without counting it as received nor using
     * its arrival for jitter, so loss and jitter stay those of the original stream (before retransmission).
     */
    public long onRetransmitted(int seq) {
        long ext = unwrapper.unwrap(seq);
        if (started && ext > maxExtSeq) {
            maxExtSeq = ext;
        }
        return ext;
    }

    public void onSenderReport(long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        lastSrNtp = ntpTimestamp;
        lastSrRtpTimestamp = rtpTimestamp;
        lastSrArrivalNanos = arrivalNanos;
        haveSr = true;
    }

    public boolean hasPackets() {
        return started;
    }

    public boolean hasSenderReport() {
        return haveSr;
    }

    public long lastSrNtp() {
        return lastSrNtp;
    }

    public long lastSrRtpTimestamp() {
        return lastSrRtpTimestamp;
    }

    public long lastSrArrivalNanos() {
        return lastSrArrivalNanos;
    }

    public long packetsReceived() {
        return received;
    }

    public long expected() {
        return started ? maxExtSeq - baseExtSeq + 1 : 0;
    }

    public long cumulativeLost() {
        return expected() - received;
    }

    public int clockRateHz() {
        return clockRateHz;
    }

    /** Interarrival jitter in milliseconds. */
    public double jitterMillis() {
        return clockRateHz <= 0 ? Double.NaN : jitterTicks * 1000.0 / clockRateHz;
    }

    public long jitterTicks() {
        return (long) jitterTicks;
    }

    /** Builds the report block for an RR sent now, and starts the next loss interval. */
    public ReportBlock reportBlock(long nowNanos) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long cumulative = Math.max(-0x800000L, Math.min(0x7FFFFFL, expected - received));
        long lsr = haveSr ? NtpTime.middle32(lastSrNtp) : 0;
        long dlsr = haveSr ? ((nowNanos - lastSrArrivalNanos) * 65_536L / 1_000_000_000L) & 0xFFFFFFFFL : 0;
        return new ReportBlock(ssrc, Math.min(255, fraction), (int) cumulative, maxExtSeq & 0xFFFFFFFFL,
                (long) jitterTicks & 0xFFFFFFFFL, lsr, dlsr);
    }
}
