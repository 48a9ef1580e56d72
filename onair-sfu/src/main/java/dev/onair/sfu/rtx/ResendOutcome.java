package dev.onair.sfu.rtx;

/** What became of one packet a subscriber's NACK asked for. */
public enum ResendOutcome {
    /** Queued as RTX (RFC 4588) on the subscriber's RTX SSRC. */
    SENT_RTX,
    /** Queued again as it was first sent (no RTX negotiated). */
    SENT_PLAIN,
    /** Resent to this subscriber less than a round trip ago: not again. */
    SUPPRESSED,
    /** Not in the cache (never received, evicted, older than useful), not ours, or no room in the queue. */
    MISSED;

    public boolean sent() {
        return this == SENT_RTX || this == SENT_PLAIN;
    }
}
