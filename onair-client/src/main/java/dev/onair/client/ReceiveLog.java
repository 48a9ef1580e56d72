package dev.onair.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The received RTP streams by SSRC, at most {@link #MAX_STREAMS} of them. Thread-safe. */
public final class ReceiveLog {
    public static final int MAX_STREAMS = 32;
    private final Map<Long, ReceivedStream> streams = new ConcurrentHashMap<>();

    /** The stream for an SSRC, created on its first packet; null when the table is full. */
    ReceivedStream streamFor(long ssrc) {
        ReceivedStream s = streams.get(ssrc);
        if (s != null || streams.size() >= MAX_STREAMS) {
            return s;
        }
        return streams.computeIfAbsent(ssrc, ReceivedStream::new);
    }

    /** The stream of an SSRC, or null if none of its packets arrived. */
    public ReceivedStream stream(long ssrc) {
        return streams.get(ssrc);
    }

    public List<ReceivedStream> streams() {
        return new ArrayList<>(streams.values());
    }

    /** Packets of an SSRC so far (0 when none). */
    public long packets(long ssrc) {
        ReceivedStream s = streams.get(ssrc);
        return s == null ? 0 : s.packets();
    }
}
