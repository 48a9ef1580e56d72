package dev.onair.client;

import dev.onair.protocol.rtcp.RtcpPacket;
import java.util.ArrayList;
import java.util.List;

/** Every RTCP packet received (after SRTCP), with its arrival time, at most {@link #MAX_ENTRIES}. Thread-safe. */
public final class RtcpLog {
    public static final int MAX_ENTRIES = 100_000;

    /** One received RTCP packet; {@code arrivalNanos} is on the peer's clock. */
    public record Entry(RtcpPacket packet, long arrivalNanos) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(RtcpPacket packet, long arrivalNanos) {
        if (entries.size() < MAX_ENTRIES) {
            entries.add(new Entry(packet, arrivalNanos));
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The received packets of one type (SenderReport, ReceiverReport, PictureLossIndication, ...), in order. */
    public synchronized <T extends RtcpPacket> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Entry e : entries) {
            if (type.isInstance(e.packet())) {
                out.add(type.cast(e.packet()));
            }
        }
        return out;
    }

    public synchronized int count(Class<? extends RtcpPacket> type) {
        int n = 0;
        for (Entry e : entries) {
            if (type.isInstance(e.packet())) {
                n++;
            }
        }
        return n;
    }
}
