package dev.onair.server.testing;

import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.TrackSource;
import java.util.List;

/** Builds the SFU's participant and track views for hand-made room events in tests. */
public final class TestEvents {
    private TestEvents() {
    }

    public static ParticipantInfo participant(String identity, String name) {
        return new ParticipantInfo(identity, name, ParticipantRole.PARTICIPANT, null, 1000L, List.of(), List.of());
    }

    public static ParticipantInfo.Track track(String sid, String kind) {
        return new ParticipantInfo.Track(sid, kind, TrackSource.defaultFor("video".equals(kind)), false);
    }
}
