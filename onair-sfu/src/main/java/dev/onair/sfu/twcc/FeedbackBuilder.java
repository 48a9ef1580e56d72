package dev.onair.sfu.twcc;

import dev.onair.protocol.rtcp.TransportCc;
import dev.onair.protocol.rtp.SequenceUnwrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records the transport-wide sequence number and arrival time of every RTP packet of one BUNDLE transport and
 * turns them into {@link TransportCc} feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).
 *
 * <p>Arrival times live in a preallocated ring indexed by the unwrapped sequence number, so recording a packet
 * allocates nothing. A feedback covers the packets from the first one not yet reported up to the highest one
 * received; numbers in between that did not arrive are reported as not received. Its reference time is the first
 * received packet's arrival rounded down to 64 ms; each receive delta is the arrival minus the previous one in
 * 250 µs units (the first against the reference time). A feedback ends early, and the rest goes into the next,
 * when it would cover more than {@link #MAX_PACKETS_PER_FEEDBACK} numbers (so that it fits one datagram) or when a
 * delta does not fit 16 bits (more than 8.19 s between two arrivals).
 *
 * <p>A packet older than what was already reported is counted as late and ignored; a jump ahead by more than the
 * ring's capacity gives up the oldest unreported numbers (counted as skipped). Media loop only.
 */
public final class FeedbackBuilder {
    /** At most this many sequence numbers per feedback: at worst ~2.3 bytes each, well inside one datagram. */
    public static final int MAX_PACKETS_PER_FEEDBACK = 400;
    private static final long NOT_RECEIVED = Long.MIN_VALUE;
    private static final long TICK_NANOS = 250_000L;
    private static final long REFERENCE_NANOS = 64_000_000L;
    private static final int TICKS_PER_REFERENCE = 256;

    private final long[] arrivals;
    private final int mask;
    private final long intervalNanos;
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    /** Unwrapped number of the first packet not reported yet; -1 before the first packet. */
    private long nextUnreported = -1;
    private long highest = -1;
    private long lastFeedbackNanos = Long.MIN_VALUE;
    private int feedbackCount;
    private long packetsRecorded;
    private long latePackets;
    private long skippedNumbers;
    private long feedbackSent;

    /**
     * @param capacity      sequence numbers kept (a power of two, at least {@link #MAX_PACKETS_PER_FEEDBACK})
     * @param intervalNanos the least time between two feedback rounds (50 to 100 ms is usual)
     */
    public FeedbackBuilder(int capacity, long intervalNanos) {
        if (Integer.bitCount(capacity) != 1 || capacity < MAX_PACKETS_PER_FEEDBACK) {
            throw new IllegalArgumentException("capacity must be a power of two >= " + MAX_PACKETS_PER_FEEDBACK);
        }
        this.arrivals = new long[capacity];
        Arrays.fill(arrivals, NOT_RECEIVED);
        this.mask = capacity - 1;
        this.intervalNanos = intervalNanos;
    }

    /** One arrival: {@code seq16} is the packet's transport-wide sequence number (low 16 bits used). */
    public void onPacket(int seq16, long arrivalNanos) {
        long seq = unwrapper.unwrap(seq16);
        packetsRecorded++;
        if (nextUnreported < 0) {
            nextUnreported = seq;
            highest = seq - 1;
        }
        if (seq < nextUnreported) {
            latePackets++;
            return;
        }
        if (seq > highest) {
            long from = Math.max(highest + 1, seq - arrivals.length + 1);
            for (long s = from; s < seq; s++) {
                arrivals[(int) (s & mask)] = NOT_RECEIVED;
            }
            highest = seq;
            long oldestKept = seq - arrivals.length + 1;
            if (nextUnreported < oldestKept) {
                skippedNumbers += oldestKept - nextUnreported;
                nextUnreported = oldestKept;
            }
        }
        arrivals[(int) (seq & mask)] = arrivalNanos;
    }

    /** True when packets wait to be reported and the last feedback is at least the interval old. */
    public boolean isDue(long nowNanos) {
        return hasPending() && (lastFeedbackNanos == Long.MIN_VALUE || nowNanos - lastFeedbackNanos >= intervalNanos);
    }

    /** True when some received packet has not been reported yet. */
    public boolean hasPending() {
        return nextUnreported >= 0 && nextUnreported <= highest;
    }

    /**
     * Everything pending, as one or more feedback packets in order, and marks the round as sent at
     * {@code nowNanos}. Empty when nothing is pending.
     */
    public List<TransportCc> drain(long senderSsrc, long mediaSsrc, long nowNanos) {
        List<TransportCc> out = new ArrayList<>(1);
        while (hasPending()) {
            out.add(next(senderSsrc, mediaSsrc));
        }
        if (!out.isEmpty()) {
            lastFeedbackNanos = nowNanos;
        }
        return out;
    }

    private TransportCc next(long senderSsrc, long mediaSsrc) {
        long base = nextUnreported;
        long firstArrival = NOT_RECEIVED;
        for (long s = base; s <= highest && s < base + MAX_PACKETS_PER_FEEDBACK && firstArrival == NOT_RECEIVED; s++) {
            firstArrival = arrivals[(int) (s & mask)];
        }
        long reference64ms = firstArrival == NOT_RECEIVED ? 0 : Math.floorDiv(firstArrival, REFERENCE_NANOS);
        long prevTicks = reference64ms * TICKS_PER_REFERENCE;
        List<TransportCc.PacketStatus> packets = new ArrayList<>();
        long s = base;
        for (; s <= highest && s < base + MAX_PACKETS_PER_FEEDBACK; s++) {
            long arrival = arrivals[(int) (s & mask)];
            if (arrival == NOT_RECEIVED) {
                packets.add(new TransportCc.PacketStatus((int) (s & 0xFFFF), false, 0));
                continue;
            }
            long ticks = Math.floorDiv(arrival, TICK_NANOS);
            long delta = ticks - prevTicks;
            if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                break;
            }
            packets.add(new TransportCc.PacketStatus((int) (s & 0xFFFF), true, (int) delta));
            prevTicks = ticks;
        }
        nextUnreported = base + packets.size();
        feedbackSent++;
        TransportCc fb = new TransportCc(senderSsrc, mediaSsrc, (int) (base & 0xFFFF),
                (int) (reference64ms & 0xFFFFFF), feedbackCount, packets);
        feedbackCount = (feedbackCount + 1) & 0xFF;
        return fb;
    }

    /** Packets recorded so far (including late ones). */
    public long packetsRecorded() {
        return packetsRecorded;
    }

    /** Packets that arrived after their number had been reported (ignored). */
    public long latePackets() {
        return latePackets;
    }

    /** Sequence numbers given up unreported because the ring overflowed. */
    public long skippedNumbers() {
        return skippedNumbers;
    }

    /** Feedback packets built so far. */
    public long feedbackSent() {
        return feedbackSent;
    }
}
