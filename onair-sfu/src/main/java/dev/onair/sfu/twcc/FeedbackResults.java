package dev.onair.sfu.twcc;

import dev.onair.protocol.rtcp.TransportCc;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a subscriber's {@link TransportCc} feedback into one {@link PacketResult} per packet we sent and still
 * know: arrival = reference time × 64 ms plus the running sum of the receive deltas × 250 µs. The 24-bit
 * reference time is unwrapped across feedbacks. Numbers not in the {@link SendLog} (too old, or never sent) are
 * counted and skipped. Runs per feedback (tens a second), not per packet. Media loop only.
 */
public final class FeedbackResults {
    private static final long TICK_NANOS = 250_000L;
    private static final long REFERENCE_NANOS = 64_000_000L;
    private static final long REFERENCE_WRAP = 1L << 24;

    private final SendLog log;
    private long lastReference = -1;
    private long referenceOffset;
    private long feedbackReceived;
    private long unknownPackets;

    public FeedbackResults(SendLog log) {
        this.log = log;
    }

    /** The results of one feedback, in sequence order. */
    public List<PacketResult> onFeedback(TransportCc fb) {
        feedbackReceived++;
        long reference = unwrapReference(fb.referenceTime64ms());
        long ticks = reference * (REFERENCE_NANOS / TICK_NANOS);
        long base = log.unwrap(fb.baseSequenceNumber());
        List<PacketResult> out = new ArrayList<>(fb.packetStatusCount());
        for (int i = 0; i < fb.packets().size(); i++) {
            TransportCc.PacketStatus s = fb.packets().get(i);
            long arrival = -1;
            if (s.received()) {
                ticks += s.receiveDelta250us();
                arrival = ticks * TICK_NANOS;
            }
            long seq = base < 0 ? -1 : base + i;
            if (!log.contains(seq)) {
                unknownPackets++;
                continue;
            }
            out.add(new PacketResult(seq, log.sendNanos(seq), log.sizeBytes(seq), s.received(), arrival));
        }
        return out;
    }

    private long unwrapReference(int raw) {
        if (lastReference >= 0) {
            long diff = raw - lastReference;
            if (diff < -REFERENCE_WRAP / 2) {
                referenceOffset += REFERENCE_WRAP;
            } else if (diff > REFERENCE_WRAP / 2) {
                referenceOffset -= REFERENCE_WRAP;
            }
        }
        lastReference = raw;
        return raw + referenceOffset;
    }

    public long feedbackReceived() {
        return feedbackReceived;
    }

    /** Reported numbers we could not match to a logged packet. */
    public long unknownPackets() {
        return unknownPackets;
    }
}
