package dev.onair.messaging.store;

import java.util.Locale;
import java.util.Optional;

/** The kinds of message a room carries. */
public enum MessageKind {
    /** Text, at most 2,000 characters (code points). */
    CHAT,
    /** A reaction: a name and small parameters (hearts...), rendered as a screen effect. */
    REACTION,
    /** A screen effect: a name and small parameters (confetti, a sticker at x,y). */
    EFFECT,
    /** Application-defined JSON, at most 8 KiB. */
    EVENT,
    /** Text to one participant ({@link Draft#to()}); only the sender and the recipient receive it. */
    DM,
    /** Joined, left (stored); typing is ephemeral and never stored. */
    PRESENCE,
    /** A tombstone: an admin deleted message {@link Draft#targetSeq()}; delivered to everyone in order. */
    DELETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wire name; empty when unknown (never throws). */
    public static Optional<MessageKind> fromWire(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (MessageKind k : values()) {
            if (k.wireName().equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
