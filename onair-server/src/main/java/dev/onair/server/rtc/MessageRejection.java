package dev.onair.server.rtc;

/**
 * Why a {@code client_stats} or {@code track_view} message was refused:
 * {@code onair_rtc_rejected_messages_total{type,reason}}.
 */
public enum MessageRejection {
    /** Larger than the message type allows ({@code frame_too_large}). */
    TOO_LARGE,
    /** Not valid: a missing or mistyped field, a negative or non-finite number ({@code bad_request}). */
    MALFORMED,
    /** Valid, but the SFU refused it: a track the participant does not subscribe to, no such session. */
    REFUSED
}
