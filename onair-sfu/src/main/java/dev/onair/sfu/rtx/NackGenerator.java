package dev.onair.sfu.rtx;

import dev.onair.protocol.rtcp.NackItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which packets of one published SSRC to ask for again with generic NACKs (RFC 4585 §6.2.1), from the
 * extended sequence numbers that arrive. A gap makes its packets missing; a missing packet is first asked for once
 * it is past the reorder allowance ({@link #REORDER_PACKETS} newer packets arrived, or {@link #REORDER_NANOS}
 * passed), then again every round trip (at least {@link #MIN_RETRY_NANOS}) up to {@link #MAX_RETRIES} times. It is
 * given up (an unrecoverable loss, and a keyframe is needed) after its last retry went unanswered for a round trip
 * or once it has been missing for {@code max(1 s, 5 × RTT)}. More missing packets than the list holds: all of them
 * are given up at once and a keyframe is needed. Preallocated arrays, no allocation per packet; media loop only.
 */
public final class NackGenerator {
    public static final int DEFAULT_CAPACITY = 512;
    public static final int REORDER_PACKETS = 2;
    public static final long REORDER_NANOS = 10_000_000L;
    public static final int MAX_RETRIES = 10;
    public static final long MIN_RETRY_NANOS = 20_000_000L;
    public static final long MIN_GIVE_UP_NANOS = 1_000_000_000L;

    /** What {@link #onPacket} found the packet to be. */
    public enum Arrival {
        /** Newer than any before (possibly after a gap), or the first. */
        NEW,
        /** One of the missing packets: late, or retransmitted. */
        RECOVERED,
        /** Older than the newest and not missing: a duplicate, or one already given up. */
        OLD
    }

    private final int capacity;
    /** Missing packets, ascending by sequence number, in {@code [0, count)}. */
    private final long[] seqs;
    private final long[] missingSinceNanos;
    private final long[] lastSentNanos;
    private final int[] sent;
    private int count;
    private int unsent;
    private boolean started;
    private long highest;
    private long rttNanos = RetransmissionTimers.DEFAULT_RTT_NANOS;
    private long nextDueNanos = Long.MAX_VALUE;
    private boolean keyframeNeeded;
    private long requested;
    private long recovered;
    private long unrecoverable;

    public NackGenerator(int capacity) {
        this.capacity = capacity;
        seqs = new long[capacity];
        missingSinceNanos = new long[capacity];
        lastSentNanos = new long[capacity];
        sent = new int[capacity];
    }

    public NackGenerator() {
        this(DEFAULT_CAPACITY);
    }

    /** The publisher's round-trip time; values of 0 or less mean unknown (100 ms is assumed). */
    public void setRttNanos(long rttNanos) {
        this.rttNanos = rttNanos > 0 ? rttNanos : RetransmissionTimers.DEFAULT_RTT_NANOS;
    }

    public long retryIntervalNanos() {
        return Math.max(MIN_RETRY_NANOS, rttNanos);
    }

    public long giveUpNanos() {
        return Math.max(MIN_GIVE_UP_NANOS, 5 * rttNanos);
    }

    /** Records the arrival of {@code extSeq} (an original or a restored retransmission). */
    public Arrival onPacket(long extSeq, long nowNanos) {
        if (!started) {
            started = true;
            highest = extSeq;
            return Arrival.NEW;
        }
        if (extSeq > highest) {
            long gap = extSeq - highest - 1;
            if (gap > capacity - count) {
                giveUpAll(gap);
            } else {
                for (long s = highest + 1; s < extSeq; s++) {
                    seqs[count] = s;
                    missingSinceNanos[count] = nowNanos;
                    lastSentNanos[count] = 0;
                    sent[count] = 0;
                    count++;
                    unsent++;
                }
                if (gap > 0) {
                    nextDueNanos = Math.min(nextDueNanos, nowNanos + REORDER_NANOS);
                }
            }
            highest = extSeq;
            if (unsent > 0) {
                nextDueNanos = Math.min(nextDueNanos, nowNanos);
            }
            return Arrival.NEW;
        }
        int i = indexOf(extSeq);
        if (i < 0) {
            return Arrival.OLD;
        }
        if (sent[i] == 0) {
            unsent--;
        }
        remove(i);
        recovered++;
        return Arrival.RECOVERED;
    }

    /** True when {@link #poll} has something to do at {@code nowNanos}. */
    public boolean isDue(long nowNanos) {
        return count > 0 && nowNanos >= nextDueNanos;
    }

    /**
     * Gives up what is too old, and writes into {@code out} (ascending) the sequence numbers to ask for now, each
     * counted as sent once more; returns how many. {@code out} must hold the generator's capacity.
     */
    public int poll(long nowNanos, long[] out) {
        long retry = retryIntervalNanos();
        long giveUp = giveUpNanos();
        long next = Long.MAX_VALUE;
        int n = 0;
        int w = 0;
        for (int r = 0; r < count; r++) {
            long seq = seqs[r];
            long since = missingSinceNanos[r];
            int times = sent[r];
            long last = lastSentNanos[r];
            boolean stale = nowNanos - since >= giveUp
                    || (times >= MAX_RETRIES && nowNanos - last >= retry);
            if (stale) {
                if (times == 0) {
                    unsent--;
                }
                unrecoverable++;
                keyframeNeeded = true;
                continue;
            }
            boolean ask;
            if (times == 0) {
                ask = highest - seq > REORDER_PACKETS || nowNanos - since >= REORDER_NANOS;
            } else {
                ask = times < MAX_RETRIES && nowNanos - last >= retry;
            }
            if (ask) {
                if (times == 0) {
                    unsent--;
                }
                times++;
                last = nowNanos;
                out[n++] = seq;
                requested++;
            }
            seqs[w] = seq;
            missingSinceNanos[w] = since;
            lastSentNanos[w] = last;
            sent[w] = times;
            w++;
            long due = times == 0 ? since + REORDER_NANOS : last + retry;
            next = Math.min(next, Math.min(due, since + giveUp));
        }
        count = w;
        nextDueNanos = next;
        return n;
    }

    /** True once since the last call when packets were given up (the decoder needs a keyframe). */
    public boolean takeKeyframeNeeded() {
        boolean k = keyframeNeeded;
        keyframeNeeded = false;
        return k;
    }

    /** Forgets everything (a new SSRC); what was missing is not counted as given up. */
    public void reset() {
        started = false;
        count = 0;
        unsent = 0;
        nextDueNanos = Long.MAX_VALUE;
    }

    /** Packets missing now (past or within the reorder allowance). */
    public int missingCount() {
        return count;
    }

    /** Missing packets still within the reorder allowance, never asked for. */
    public int unsentCount() {
        return unsent;
    }

    /** Sequence numbers asked for so far, retries included. */
    public long requested() {
        return requested;
    }

    /** Missing packets that arrived after all (late or retransmitted). */
    public long recovered() {
        return recovered;
    }

    /** Missing packets given up. */
    public long unrecoverable() {
        return unrecoverable;
    }

    /** The newest extended sequence number, or -1 before the first packet. */
    public long highest() {
        return started ? highest : -1;
    }

    /** Packs ascending extended sequence numbers {@code seqs[0, n)} into PID/BLP items. */
    public static List<NackItem> items(long[] seqs, int n) {
        List<NackItem> items = new ArrayList<>();
        long pid = -1;
        int blp = 0;
        for (int i = 0; i < n; i++) {
            long delta = seqs[i] - pid;
            if (pid >= 0 && delta >= 1 && delta <= 16) {
                blp |= 1 << (delta - 1);
            } else {
                if (pid >= 0) {
                    items.add(new NackItem((int) (pid & 0xFFFF), blp));
                }
                pid = seqs[i];
                blp = 0;
            }
        }
        if (pid >= 0) {
            items.add(new NackItem((int) (pid & 0xFFFF), blp));
        }
        return items;
    }

    /** The list overflows: what was missing and the {@code gap} new ones are all lost. */
    private void giveUpAll(long gap) {
        unrecoverable += count + gap;
        keyframeNeeded = true;
        count = 0;
        unsent = 0;
        nextDueNanos = Long.MAX_VALUE;
    }

    private int indexOf(long seq) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = seqs[mid];
            if (v < seq) {
                lo = mid + 1;
            } else if (v > seq) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void remove(int i) {
        int tail = count - i - 1;
        if (tail > 0) {
            System.arraycopy(seqs, i + 1, seqs, i, tail);
            System.arraycopy(missingSinceNanos, i + 1, missingSinceNanos, i, tail);
            System.arraycopy(lastSentNanos, i + 1, lastSentNanos, i, tail);
            System.arraycopy(sent, i + 1, sent, i, tail);
        }
        count--;
    }
}
