package dev.onair.protocol.sdp;

/**
 * One alternative inside a simulcast stream (RFC 8853 section 5.1).
 *
 * <pre>
 * sc-id = [sc-id-paused] rid-id        ; sc-id-paused = "~"
 * </pre>
 *
 * @param rid    the rid the alternative refers to
 * @param paused true when written with a leading {@code ~}
 */
public record SimulcastFormat(String rid, boolean paused) {
    /** The text as written. */
    public String toText() {
        return paused ? "~" + rid : rid;
    }
}
