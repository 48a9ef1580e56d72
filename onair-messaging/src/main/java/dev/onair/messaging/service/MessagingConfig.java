package dev.onair.messaging.service;

/**
 * The messaging service's knobs.
 *
 * @param rateLimitPerSecond      messages per second per identity per room (token bucket refill)
 * @param rateLimitBurst          the bucket's size
 * @param maxOutboundBytes        a connection's bound of frames not yet written (for {@link OutboundBudget})
 * @param snapshotSize            messages sent to a fresh join or an unrecoverable resume
 * @param replayPageSize          messages read from the store per replay page
 * @param maxPendingWhileSyncing  live messages a connection may buffer while its replay runs (else slow consumer)
 * @param presenceEvents          store a presence message when an identity joins or leaves a room (on this node)
 * @param typingMinIntervalMillis typing notices a connection may send at most this often (extra ones are dropped)
 */
public record MessagingConfig(double rateLimitPerSecond, int rateLimitBurst, long maxOutboundBytes, int snapshotSize,
        int replayPageSize, int maxPendingWhileSyncing, boolean presenceEvents, long typingMinIntervalMillis) {
    public static final MessagingConfig DEFAULT = new MessagingConfig(5, 10, 1L << 20, 50, 200, 10_000, true, 1_000);

    public MessagingConfig {
        if (rateLimitPerSecond <= 0 || rateLimitBurst < 1 || maxOutboundBytes < 1 || snapshotSize < 0
                || replayPageSize < 1 || maxPendingWhileSyncing < 1 || typingMinIntervalMillis < 0) {
            throw new IllegalArgumentException("bad messaging config: " + this);
        }
    }

    public MessagingConfig withRateLimit(double perSecond, int burst) {
        return new MessagingConfig(perSecond, burst, maxOutboundBytes, snapshotSize, replayPageSize,
                maxPendingWhileSyncing, presenceEvents, typingMinIntervalMillis);
    }

    public MessagingConfig withPresenceEvents(boolean on) {
        return new MessagingConfig(rateLimitPerSecond, rateLimitBurst, maxOutboundBytes, snapshotSize, replayPageSize,
                maxPendingWhileSyncing, on, typingMinIntervalMillis);
    }

    public MessagingConfig withSnapshotSize(int messages) {
        return new MessagingConfig(rateLimitPerSecond, rateLimitBurst, maxOutboundBytes, messages, replayPageSize,
                maxPendingWhileSyncing, presenceEvents, typingMinIntervalMillis);
    }
}
