package dev.onair.server.rtc;

import dev.onair.protocol.DropCounts;

/**
 * The {@code client_stats} and {@code track_view} messages the signalling refused, by {@link MessageRejection}.
 * Shared by every socket (through {@link RtcHub}) and read by {@code /metrics} from any thread.
 */
public final class RejectedMessages {
    private final DropCounts<MessageRejection> clientStats = new DropCounts<>(MessageRejection.class);
    private final DropCounts<MessageRejection> trackViews = new DropCounts<>(MessageRejection.class);

    /** Refused {@code client_stats} uploads. */
    public DropCounts<MessageRejection> clientStats() {
        return clientStats;
    }

    /** Refused {@code track_view} reports. */
    public DropCounts<MessageRejection> trackViews() {
        return trackViews;
    }
}
