package dev.onair.server.webhook;

/**
 * Outcomes counted per (event, URL): each delivery ends {@link #DELIVERED}, {@link #FAILED} or {@link #DROPPED};
 * {@link #RETRIED} counts the extra attempts on the way. Exposed as
 * {@code onair_webhook_deliveries_total{result="..."}}.
 */
public enum WebhookResult {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** A 3xx/4xx answer, or attempts exhausted on network errors, timeouts and 5xx. */
    FAILED,
    /** The URL's queue was full (or the sender was closing), so the event was never sent there. */
    DROPPED,
    /** An attempt failed with a network error, a timeout or a 5xx and another one was scheduled. */
    RETRIED
}
