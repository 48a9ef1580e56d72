package dev.onair.sfu.track;

import dev.onair.protocol.rtp.RtpWriter;
import dev.onair.protocol.rtp.SequenceNumbers;
import dev.onair.protocol.rtp.SequenceUnwrapper;
import java.util.Arrays;

/**
 * Rewrites SSRC, sequence number and timestamp of one outgoing stream so that it stays continuous for its
 * receiver whatever happens upstream: when the source changes (another publisher, a reconnect, an SSRC
 * change), the first forwarded packet of the new source continues at the last sequence number + 1 and at a
 * timestamp advanced by the wall time elapsed since the last packet. Invariant: the receiver never sees a
 * sequence gap or a timestamp jump caused by a switch; real upstream loss still shows as the same gap.
 *
 * <p>Packets the SFU leaves out on purpose (frames of a temporal layer this receiver does not get) are announced with
 * {@link #drop}: the packets after them move down, so the receiver sees no gap for them either. The offset therefore
 * changes within one source; the offset each source packet got, and the source packet behind each output number, are
 * kept for the last {@link #HISTORY} packets, so that late packets (reordered, or repaired upstream by RTX) and
 * retransmissions to the receiver map exactly as the first time. A packet dropped late, after later packets were
 * forwarded, leaves its gap (its number is taken); its NACK finds nothing. Media loop only; no allocation.
 */
public final class RtpRewriter {
    /** Source packets whose mapping is remembered (a power of two): ~4 s of a 2.5 Mbit/s layer. */
    public static final int HISTORY = 1024;
    private static final int MASK = HISTORY - 1;
    /** {@link #offsetBySource} value of a packet left out on purpose. */
    private static final int DROPPED = Integer.MIN_VALUE;
    /** The sequence offset each source packet got (index: extended source seq & MASK), or DROPPED. */
    private final int[] offsetBySource = new int[HISTORY];
    /** The source seq behind each output number (index: out seq & MASK): out seq << 16 | source seq; -1 none. */
    private final int[] sourceByOut = new int[HISTORY];
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
    /** The highest extended source seq handled (forwarded, dropped, or skipped by upstream loss). */
    private long highestExtSeq;
    private long droppedOnPurpose;
    private long lateDrops;

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
        Arrays.fill(sourceByOut, -1);
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
     * first one forwarded after the switch (forwarding it would repeat or go back in sequence numbers), one that was
     * left out on purpose, or one too late to map ({@link #HISTORY} behind).
     */
    public boolean rewrite(byte[] buf, int off, long srcSsrc, int srcSeq, long srcTs, long nowNanos) {
        int offset;
        if (srcSsrc != sourceSsrc) {
            switchTo(srcSsrc, srcSeq, srcTs, nowNanos);
            offset = seqOffset;
            record(firstExtSeqOfSource, offset);
        } else {
            long ext = sourceSeqs.unwrap(srcSeq);
            if (ext < firstExtSeqOfSource) {
                // Compared on extended numbers: a 16-bit comparison would call every packet more than 32767 after
                // the switch point "older" and stop the stream after half the sequence space.
                return false;
            }
            if (ext > highestExtSeq) {
                advanceTo(ext);
                offset = seqOffset;
                record(ext, offset);
            } else if (ext <= highestExtSeq - HISTORY) {
                lateDrops++;
                return false;
            } else {
                offset = offsetBySource[(int) ext & MASK];
                if (offset == DROPPED) {
                    return false;
                }
            }
        }
        int outSeq = (srcSeq + offset) & 0xFFFF;
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

    /**
     * Leaves out one packet of the current source on purpose: when it is the newest, every later packet moves down by
     * one so the receiver sees no gap. A packet of another source (the stream has not switched to it yet) changes
     * nothing.
     */
    public void drop(long srcSsrc, int srcSeq) {
        if (srcSsrc != sourceSsrc) {
            return;
        }
        long ext = sourceSeqs.unwrap(srcSeq);
        if (ext < firstExtSeqOfSource || ext <= highestExtSeq - HISTORY) {
            return;
        }
        droppedOnPurpose++;
        if (ext > highestExtSeq) {
            advanceTo(ext);
            offsetBySource[(int) ext & MASK] = DROPPED;
            seqOffset = (seqOffset - 1) & 0xFFFF;
            return;
        }
        int offset = offsetBySource[(int) ext & MASK];
        if (offset != DROPPED) {
            // Later packets already went out: its number stays a gap, and a NACK for it finds nothing.
            offsetBySource[(int) ext & MASK] = DROPPED;
            int out = (srcSeq + offset) & 0xFFFF;
            sourceByOut[out & MASK] = -1;
            lateDrops++;
        }
    }

    /**
     * The packets missing just before {@code srcSeq} (lost upstream, not yet arrived) are known to be left out too
     * (they belong to a frame that is): later packets move down over them as well. Only for a gap right after the
     * newest packet handled, of at most {@link #HISTORY} packets.
     */
    public void dropGapBefore(long srcSsrc, int srcSeq) {
        if (srcSsrc != sourceSsrc) {
            return;
        }
        long ext = extendNearHighest(srcSeq);
        if (ext <= highestExtSeq + 1 || ext - highestExtSeq > HISTORY) {
            return;
        }
        for (long k = highestExtSeq + 1; k < ext; k++) {
            offsetBySource[(int) k & MASK] = DROPPED;
            seqOffset = (seqOffset - 1) & 0xFFFF;
            droppedOnPurpose++;
        }
        highestExtSeq = ext - 1;
    }

    /**
     * Moves the highest handled source seq to {@code ext}: the packets skipped on the way (lost upstream, perhaps
     * repaired later) keep their numbers at the current offset.
     */
    private void advanceTo(long ext) {
        long from = Math.max(highestExtSeq + 1, ext - HISTORY + 1);
        for (long k = from; k < ext; k++) {
            record(k, seqOffset);
        }
        highestExtSeq = ext;
    }

    private void record(long ext, int offset) {
        offsetBySource[(int) ext & MASK] = offset;
        int src = (int) ext & 0xFFFF;
        int out = (src + offset) & 0xFFFF;
        sourceByOut[out & MASK] = out << 16 | src;
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
        highestExtSeq = firstExtSeqOfSource;
    }

    /**
     * The source sequence number behind {@code outSeq}, a number this stream already used for the current
     * source (a NACK of the receiver, in its sequence space); -1 when there is no current source, or when
     * {@code outSeq} lies before the first packet of the current source (it belonged to an earlier source), after the
     * newest one, more than {@link #HISTORY} back, or belongs to a packet left out on purpose.
     */
    public int sourceSeqOf(int outSeq) {
        if (sourceSsrc < 0 || !sent) {
            return -1;
        }
        int out = outSeq & 0xFFFF;
        int entry = sourceByOut[out & MASK];
        if (entry == -1 || entry >>> 16 != out) {
            return -1;
        }
        int srcSeq = entry & 0xFFFF;
        long ext = extendNearHighest(srcSeq);
        if (ext < firstExtSeqOfSource || ext > highestExtSeq || ext <= highestExtSeq - HISTORY) {
            return -1;
        }
        int offset = offsetBySource[(int) ext & MASK];
        // An entry left by an earlier source maps to another number under the current source's offsets.
        return offset != DROPPED && ((srcSeq + offset) & 0xFFFF) == out ? srcSeq : -1;
    }

    /**
     * Writes this stream's SSRC, sequence number and timestamp for an already forwarded packet of the current
     * source (a retransmission) without touching the stream's state: the packet keeps the number it first had.
     */
    public void rewriteResent(byte[] buf, int off, int srcSeq, long srcTs) {
        long ext = extendNearHighest(srcSeq);
        int offset = ext > highestExtSeq - HISTORY && ext <= highestExtSeq ? offsetBySource[(int) ext & MASK] : DROPPED;
        RtpWriter.setSsrc(buf, off, outSsrc);
        RtpWriter.setSequenceNumber(buf, off, (srcSeq + (offset == DROPPED ? seqOffset : offset)) & 0xFFFF);
        RtpWriter.setTimestamp(buf, off, (srcTs + tsOffset) & 0xFFFFFFFFL);
    }

    private long extendNearHighest(int srcSeq) {
        return highestExtSeq + SequenceNumbers.diff(srcSeq & 0xFFFF, (int) (highestExtSeq & 0xFFFF));
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

    /** Packets left out on purpose ({@link #drop}). */
    public long droppedOnPurpose() {
        return droppedOnPurpose;
    }

    /** Packets that came too late to map, or were left out after later ones went (their number stays a gap). */
    public long lateDrops() {
        return lateDrops;
    }
}
