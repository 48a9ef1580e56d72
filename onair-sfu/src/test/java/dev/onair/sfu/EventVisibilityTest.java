package dev.onair.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.api.TrackSource;
import dev.onair.sfu.room.Participant;
import dev.onair.sfu.room.Room;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who sees which room event: nobody their own join; broadcast viewers not each other. */
class EventVisibilityTest {
    private static final ParticipantInfo.Track TRACK = new ParticipantInfo.Track("TR_1", "video", TrackSource.CAMERA,
            false);

    private static Participant participant(String identity, ParticipantRole role) {
        return new Participant(identity, null, null, role, role != ParticipantRole.VIEWER, 0, 0);
    }

    private static RoomEvent joined(Participant p) {
        return new RoomEvent.ParticipantJoined("r", new ParticipantInfo(p.identity(), null, p.role(), null, 0,
                List.of(), List.of()), 0);
    }

    @Test
    void broadcastViewersDoNotSeeEachOtherButHostsSeeEveryone() {
        Room room = new Room("r", RoomKind.BROADCAST, 0, 0);
        Participant host = participant("host", ParticipantRole.HOST);
        Participant v1 = participant("v1", ParticipantRole.VIEWER);
        Participant v2 = participant("v2", ParticipantRole.VIEWER);
        assertThat(EventRouter.visible(room, joined(v1), v1, v2)).isFalse();
        assertThat(EventRouter.visible(room, new RoomEvent.ParticipantLeft("r", "v1", "left", 0), v1, v2)).isFalse();
        assertThat(EventRouter.visible(room, joined(v1), v1, host)).isTrue();
        assertThat(EventRouter.visible(room, joined(host), host, v1)).isTrue();
        assertThat(EventRouter.visible(room, new RoomEvent.TrackPublished("r", "host", TRACK, 0), host, v2)).isTrue();
    }

    @Test
    void conferenceParticipantsSeeEachOtherButNotTheirOwnJoinOrPublications() {
        Room room = new Room("r", RoomKind.CONFERENCE, 0, 0);
        Participant a = participant("a", ParticipantRole.PARTICIPANT);
        Participant b = participant("b", ParticipantRole.PARTICIPANT);
        assertThat(EventRouter.visible(room, joined(a), a, b)).isTrue();
        assertThat(EventRouter.visible(room, joined(a), a, a)).isFalse();
        assertThat(EventRouter.visible(room, new RoomEvent.TrackPublished("r", "a", TRACK, 0), a, a)).isFalse();
        assertThat(EventRouter.visible(room, new RoomEvent.TrackMuted("r", "a", TRACK, true, 0), a, a))
                .as("an administrator's mute reaches the muted participant").isTrue();
        assertThat(EventRouter.visible(room, new RoomEvent.ActiveSpeakersChanged("r", List.of(), 0), null, a))
                .isTrue();
    }
}
