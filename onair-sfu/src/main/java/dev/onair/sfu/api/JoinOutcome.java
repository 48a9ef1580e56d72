package dev.onair.sfu.api;

import java.util.List;

/** The answer to a join or resume. */
public sealed interface JoinOutcome {

    /**
     * Joined (or resumed).
     *
     * @param room        the room as it is now
     * @param you         the participant itself
     * @param others      the participants this one sees (for a broadcast viewer: the hosts), join order
     * @param viewerCount viewers in the room (broadcast rooms; 0 otherwise)
     * @param resumeKey   secret that lets a new socket resume this participant; never shown to others
     * @param resumed     true when an existing participant was resumed
     */
    record Joined(RoomInfo room, ParticipantInfo you, List<ParticipantInfo> others, int viewerCount,
                  String resumeKey, boolean resumed) implements JoinOutcome {
        public Joined {
            others = List.copyOf(others);
        }
    }

    record Rejected(MediaError error, String reason) implements JoinOutcome {
    }
}
