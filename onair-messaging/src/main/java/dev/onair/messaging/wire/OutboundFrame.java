package dev.onair.messaging.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * One server frame, written once and encoded to UTF-8 once: a stored message's frame is built by the room and handed
 * to every receiver, so each transport writes the same bytes instead of encoding the text again per connection.
 * A transport may also derive its own form of the frame once ({@link #derived}, e.g. the bytes of a whole WebSocket
 * frame, which are the same for every receiver). Immutable as far as anyone can tell; {@link #sharedUtf8()} is the one
 * shared array (transports wrap it, never modify it).
 */
public final class OutboundFrame {
    private final String text;
    private final byte[] utf8;
    private volatile Derived derived;

    private record Derived(Function<OutboundFrame, ?> derive, Object value) {
    }

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

    /**
     * {@code derive} of this frame, computed on the first call and kept for the next calls with the same function
     * (one kept value per frame; a call with another function computes without keeping). Threads racing on the first
     * call may each compute it, so {@code derive} must be pure; its result must not be modified.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Function<OutboundFrame, T> derive) {
        Derived d = derived;
        if (d != null && d.derive() == derive) {
            return (T) d.value();
        }
        T value = derive.apply(this);
        if (d == null) {
            derived = new Derived(derive, value);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
