package dev.onair.sfu.api;

import java.util.Locale;

/**
 * What a participant may do. In a conference everyone is a {@link #PARTICIPANT}; in a broadcast a participant
 * allowed to publish is a {@link #HOST} and every other one a {@link #VIEWER}.
 */
public enum ParticipantRole {
    HOST, PARTICIPANT, VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a participant gets in a room of {@code kind} when it may (or may not) publish. */
    public static ParticipantRole of(RoomKind kind, boolean mayPublish) {
        if (kind == RoomKind.BROADCAST) {
            return mayPublish ? HOST : VIEWER;
        }
        return PARTICIPANT;
    }
}
