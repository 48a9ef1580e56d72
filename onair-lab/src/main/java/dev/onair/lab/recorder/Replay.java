package dev.onair.lab.recorder;

import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.PacketRecord;
import dev.onair.sfu.track.ReceiveStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Feeds a dump's inbound packets back through the SFU's receive statistics ({@link ReceiveStatistics}, the code
 * that makes our receiver reports) in recorded order, with the recorded arrival times as the clock, and returns
 * what it measured per SSRC: the same loss and jitter the live session computed, reproducible offline from a
 * pcap. Packets the server dropped before its statistics (impairment, malformed, SRTP failures) are skipped,
 * as they were live.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * Receive statistics of one SSRC.
     *
     * @param ssrc     the stream
     * @param received packets received
     * @param expected packets expected from the sequence numbers
     * @param lost     cumulative lost (expected − received, RFC 3550 A.3)
     * @param jitterMs interarrival jitter in milliseconds (RFC 3550 A.8)
     */
    public record StreamStats(long ssrc, long received, long expected, long lost, double jitterMs) {
    }

    /**
     * @param packets     a dump, oldest first
     * @param clockRateHz RTP clock rate by payload type (48,000 for Opus, 90,000 for video)
     */
    public static Map<Long, StreamStats> receiveStatistics(List<PacketRecord> packets, IntUnaryOperator clockRateHz) {
        Map<Long, ReceiveStatistics> bySsrc = new LinkedHashMap<>();
        Map<Long, Integer> rates = new LinkedHashMap<>();
        for (PacketRecord p : packets) {
            if (p.outbound() || !countedLive(p.drop())) {
                continue;
            }
            int rate = clockRateHz.applyAsInt(p.payloadType());
            ReceiveStatistics s = bySsrc.computeIfAbsent(p.ssrc(), ssrc -> new ReceiveStatistics(ssrc, rate));
            rates.putIfAbsent(p.ssrc(), rate);
            s.onPacket(p.sequence(), p.rtpTimestamp(), p.atNanos());
        }
        Map<Long, StreamStats> out = new LinkedHashMap<>();
        bySsrc.forEach((ssrc, s) -> out.put(ssrc, new StreamStats(ssrc, s.packetsReceived(), s.expected(),
                s.cumulativeLost(), s.jitterTicks() * 1000.0 / rates.get(ssrc))));
        return out;
    }

    /** Drops that happen before the receive statistics see a packet. */
    private static boolean countedLive(DropReason reason) {
        return switch (reason) {
            case IMPAIRMENT, BOTTLENECK, DELAY_LINE_FULL, TRANSPORT_CLOSED, MALFORMED, SRTP_AUTH, REPLAY -> false;
            default -> true;
        };
    }
}
