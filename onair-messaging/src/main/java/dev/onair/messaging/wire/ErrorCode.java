package dev.onair.messaging.wire;

import java.util.Locale;

/** Why a client frame or command was refused; its wire name is the lower-case name (e.g. {@code rate_limited}). */
public enum ErrorCode {
    // ---- frame errors (the parser) ----
    /** Chat or DM text empty or only whitespace. */
    EMPTY_TEXT,
    /** Text over 2,000 code points. */
    TEXT_TOO_LONG,
    /** A lone surrogate in a string (not valid Unicode, so not valid UTF-8 once sent on). */
    INVALID_UNICODE,
    /** The frame, an effect's params (512 bytes) or an event's data (8 KiB) is too large. */
    PAYLOAD_TOO_LARGE,
    /** The frame names its sender ({@code from}/{@code sender}): the sender comes from the token only. */
    FORGED_SENDER,
    /** Not JSON, not a JSON object, or a duplicate key. */
    MALFORMED_JSON,
    /** {@code type} missing or unknown. */
    UNKNOWN_TYPE,
    /** {@code kind} missing or unknown (or not one a client may send). */
    UNKNOWN_KIND,
    /** A stored kind sent without a {@code clientMsgId} (1..64 characters). */
    MISSING_CLIENT_MSG_ID,
    /** A resume with an epoch or lastSeq that is not a non-negative integer. */
    BAD_RESUME,
    /** A field of the kind is missing or malformed (effect name, params not an object, DM without {@code to}...). */
    INVALID_FIELD,
    // ---- service errors ----
    /** Over the per-identity rate limit (token bucket). */
    RATE_LIMITED,
    /** The identity is muted in this room: it may read, not send. */
    MUTED,
    /** The identity is banned from this room. */
    BANNED,
    /** The connection lacks the permission (chat, or admin for delete). */
    FORBIDDEN,
    /** The connection is not (or no more) in the room. */
    NOT_JOINED,
    /** The clientMsgId was already used by this sender for another message. */
    CLIENT_MSG_ID_CONFLICT,
    /** The message to delete does not exist. */
    NOT_FOUND,
    /** The store failed; the message was not stored (the client may retry with the same clientMsgId). */
    STORE_UNAVAILABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
