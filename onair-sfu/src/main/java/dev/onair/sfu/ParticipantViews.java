package dev.onair.sfu;

import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.RoomInfo;
import dev.onair.sfu.room.Participant;
import dev.onair.sfu.room.Room;
import dev.onair.sfu.session.MediaSession;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.track.PublishedTrack;
import java.util.ArrayList;
import java.util.List;

/** Builds the API views of rooms, participants and tracks from the live model. Media loop only. */
final class ParticipantViews {
    private ParticipantViews() {
    }

    static ParticipantInfo.Track track(PublishedTrack t) {
        return new ParticipantInfo.Track(t.id(), t.kind().sdpName(), t.source(), t.isMuted());
    }

    static ParticipantInfo participant(Participant p) {
        List<ParticipantInfo.Session> sessions = new ArrayList<>(p.sessions().size());
        List<ParticipantInfo.Track> tracks = new ArrayList<>();
        for (MediaSession s : p.sessions()) {
            MediaStatus.SessionInfo info = s.info();
            sessions.add(new ParticipantInfo.Session(s.resourceId(), info.kind(), info.state()));
            if (s instanceof PublisherSession ps && !ps.isClosed()) {
                for (PublishedTrack t : ps.tracks()) {
                    tracks.add(track(t));
                }
            }
        }
        return new ParticipantInfo(p.identity(), p.name(), p.role(), p.metadata(), p.joinedAtMillis(), sessions,
                tracks);
    }

    /** The participants {@code viewer} sees, without itself: everyone, or for a broadcast viewer the hosts. */
    static List<ParticipantInfo> visibleTo(Room room, Participant viewer) {
        List<ParticipantInfo> out = new ArrayList<>();
        for (Participant p : room.participants()) {
            if (p == viewer) {
                continue;
            }
            if (viewer.role() == ParticipantRole.VIEWER && p.role() == ParticipantRole.VIEWER) {
                continue;
            }
            out.add(participant(p));
        }
        return out;
    }

    static List<ParticipantInfo> all(Room room) {
        List<ParticipantInfo> out = new ArrayList<>();
        for (Participant p : room.participants()) {
            out.add(participant(p));
        }
        return out;
    }

    static RoomInfo room(Room room) {
        int publishers = 0;
        int subscribers = 0;
        for (Participant p : room.participants()) {
            for (MediaSession s : p.sessions()) {
                if (s instanceof PublisherSession) {
                    publishers++;
                } else {
                    subscribers++;
                }
            }
        }
        return new RoomInfo(room.name(), room.kind(), room.participants().size(), publishers, subscribers,
                room.createdAtMillis());
    }
}
