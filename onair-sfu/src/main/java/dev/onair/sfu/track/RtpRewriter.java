package dev.onair.sfu.track;

import dev.onair.protocol.rtp.RtpWriter;
import dev.onair.protocol.rtp.SequenceNumbers;
import dev.onair.protocol.rtp.SequenceUnwrapper;

/**
 * Rewrites SSRC, sequence number and timestamp of one outgoing stream so that it stays continuous for its
 * receiver whatever happens upstream: when the source changes (another publisher, a reconnect, an SSRC
 * change), the first forwarded packet of the new source continues at the last sequence number + 1 and at a
 * timestamp advanced by the wall time elapsed since the last packet. Invariant: the receiver never sees a
 * sequence gap or a timestamp jump caused by a switch; real upstream loss still shows as the same gap.
 * Media loop only; no allocation.
 */
public final class RtpRewriter {
    private final long outSsrc;
    private final int clockRateHz;
    /** Extends the current source's sequence numbers, so "older than the switch point" survives wrap-around. */
    private final SequenceUnwrapper sourceSeqs = new SequenceUnwrapper();
    private long sourceSsrc = -1;
    private boolean sent;
    private int seqOffset;
    private long tsOffset;
    private long firstExtSeqOfSource;
    private int lastOutSeq;
    private long lastOutTs;
    private long lastOutNanos;
    private long switches;

    /**
     * @param outSsrc         the SSRC this receiver sees
     * @param initialSeq      the first sequence number sent (random per RFC 3550 §5.1)
     * @param initialTs       the first timestamp sent (random per RFC 3550 §5.1)
     * @param clockRateHz     RTP clock rate of the stream
     */
    public RtpRewriter(long outSsrc, int initialSeq, long initialTs, int clockRateHz) {
        this.outSsrc = outSsrc;
        this.clockRateHz = clockRateHz;
        this.lastOutSeq = (initialSeq - 1) & 0xFFFF;
        this.lastOutTs = initialTs & 0xFFFFFFFFL;
    }

    public long outSsrc() {
        return outSsrc;
    }

    /** Forces the next packet to be treated as a new source (e.g. the track was re-bound). */
    public void resync() {
        sourceSsrc = -1;
    }

    /**
     * Maps one packet. Returns false if it must be dropped: a packet of the current source older than the
     * first one forwarded after the switch (forwarding it would repeat or go back in sequence numbers).
     */
    public boolean rewrite(byte[] buf, int off, long srcSsrc, int srcSeq, long srcTs, long nowNanos) {
        if (srcSsrc != sourceSsrc) {
            switchTo(srcSsrc, srcSeq, srcTs, nowNanos);
        } else if (sourceSeqs.unwrap(srcSeq) < firstExtSeqOfSource) {
            // Compared on extended numbers: a 16-bit comparison would call every packet more than 32767 after
            // the switch point "older" and stop the stream after half the sequence space.
            return false;
        }
        int outSeq = (srcSeq + seqOffset) & 0xFFFF;
        long outTs = (srcTs + tsOffset) & 0xFFFFFFFFL;
        RtpWriter.setSsrc(buf, off, outSsrc);
        RtpWriter.setSequenceNumber(buf, off, outSeq);
        RtpWriter.setTimestamp(buf, off, outTs);
        if (!sent || SequenceNumbers.isNewer(outSeq, lastOutSeq)) {
            lastOutSeq = outSeq;
            lastOutTs = outTs;
            lastOutNanos = nowNanos;
        }
        sent = true;
        return true;
    }

    private void switchTo(long srcSsrc, int srcSeq, long srcTs, long nowNanos) {
        int nextSeq = (lastOutSeq + 1) & 0xFFFF;
        long nextTs = lastOutTs;
        if (sent) {
            long elapsedTicks = Math.max(1, (nowNanos - lastOutNanos) * clockRateHz / 1_000_000_000L);
            nextTs = (lastOutTs + elapsedTicks) & 0xFFFFFFFFL;
            switches++;
        }
        seqOffset = (nextSeq - srcSeq) & 0xFFFF;
        tsOffset = (nextTs - srcTs) & 0xFFFFFFFFL;
        sourceSsrc = srcSsrc;
        sourceSeqs.reset();
        firstExtSeqOfSource = sourceSeqs.unwrap(srcSeq);
    }

    /**
     * The source sequence number behind {@code outSeq}, a number this stream already used for the current
     * source (a NACK of the receiver, in its sequence space); -1 when there is no current source, or when
     * {@code outSeq} lies before the first packet of the current source (it belonged to an earlier source) or
     * after the newest one.
     */
    public int sourceSeqOf(int outSeq) {
        if (sourceSsrc < 0 || !sent) {
            return -1;
        }
        int srcSeq = (outSeq - seqOffset) & 0xFFFF;
        long highest = sourceSeqs.highest();
        long ext = highest + SequenceNumbers.diff(srcSeq, (int) (highest & 0xFFFF));
        return ext < firstExtSeqOfSource || ext > highest ? -1 : srcSeq;
    }

    /**
     * Writes this stream's SSRC, sequence number and timestamp for an already forwarded packet of the current
     * source (a retransmission) without touching the stream's state.
     */
    public void rewriteResent(byte[] buf, int off, int srcSeq, long srcTs) {
        RtpWriter.setSsrc(buf, off, outSsrc);
        RtpWriter.setSequenceNumber(buf, off, (srcSeq + seqOffset) & 0xFFFF);
        RtpWriter.setTimestamp(buf, off, (srcTs + tsOffset) & 0xFFFFFFFFL);
    }

    /** Maps a source RTP timestamp to this stream's timeline (for sender reports). */
    public long mapTimestamp(long srcTs) {
        return (srcTs + tsOffset) & 0xFFFFFFFFL;
    }

    public boolean hasSent() {
        return sent;
    }

    public long sourceSsrc() {
        return sourceSsrc;
    }

    public int lastOutSeq() {
        return lastOutSeq;
    }

    public long lastOutTs() {
        return lastOutTs;
    }

    public long switches() {
        return switches;
    }
}
