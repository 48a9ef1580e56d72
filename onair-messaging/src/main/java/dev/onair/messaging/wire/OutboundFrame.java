package dev.onair.messaging.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One server frame, written once and encoded to UTF-8 once: a stored message's frame is built by the room and handed
 * to every receiver, so each transport writes the same bytes instead of encoding the text again per connection.
 * Immutable; {@link #sharedUtf8()} is the one shared array (transports wrap it, never modify it).
 */
public final class OutboundFrame {
    private final String text;
    private final byte[] utf8;

    private OutboundFrame(String text) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    /** The frame of {@code text} (JSON as {@link ServerFrames} writes it), encoded now. */
    public static OutboundFrame of(String text) {
        return new OutboundFrame(Objects.requireNonNull(text, "text"));
    }

    /** The frame as text. */
    public String text() {
        return text;
    }

    /** The frame's UTF-8 bytes: the array shared by every receiver, which nobody may modify. */
    public byte[] sharedUtf8() {
        return utf8;
    }

    /** The length of the UTF-8 encoding in bytes (what the frame's payload takes on the wire). */
    public int byteLength() {
        return utf8.length;
    }

    @Override
    public String toString() {
        return text;
    }
}
