package dev.onair.sfu;

import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.RoomInfo;
import dev.onair.sfu.session.MediaSession;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.track.PublishedTrack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the admin API sees of rooms: when each room started and the display name each session came with, plus
 * the views built from the live sessions. Used on the media loop only (not thread-safe).
 */
final class RoomDirectory {
    private final Map<String, Long> roomStartMillis = new HashMap<>();
    private final Map<String, String> displayNames = new HashMap<>();

    void roomStarted(String room, long wallMillis) {
        roomStartMillis.put(room, wallMillis);
    }

    void roomFinished(String room) {
        roomStartMillis.remove(room);
    }

    /** Remembers a session's display name (null allowed: then it has none). */
    void sessionAdded(String resourceId, String displayName) {
        if (displayName != null) {
            displayNames.put(resourceId, displayName);
        }
    }

    void sessionRemoved(String resourceId) {
        displayNames.remove(resourceId);
    }

    /** One entry per room that has a session, sorted by name. */
    List<RoomInfo> rooms(Collection<MediaSession> sessions) {
        Map<String, List<MediaSession>> byRoom = new TreeMap<>();
        for (MediaSession s : sessions) {
            byRoom.computeIfAbsent(s.room(), r -> new ArrayList<>()).add(s);
        }
        List<RoomInfo> out = new ArrayList<>(byRoom.size());
        byRoom.forEach((room, list) -> {
            int publishers = 0;
            for (MediaSession s : list) {
                publishers += s instanceof PublisherSession ? 1 : 0;
            }
            long identities = list.stream().map(MediaSession::identity).distinct().count();
            out.add(new RoomInfo(room, (int) identities, publishers, list.size() - publishers,
                    roomStartMillis.getOrDefault(room, 0L)));
        });
        return out;
    }

    /** The participants of {@code room} in order of their first session, or null if it has no session. */
    List<ParticipantInfo> participants(String room, Collection<MediaSession> sessions) {
        Map<String, List<MediaSession>> byIdentity = new LinkedHashMap<>();
        for (MediaSession s : sessions) {
            if (s.room().equals(room)) {
                byIdentity.computeIfAbsent(s.identity(), i -> new ArrayList<>()).add(s);
            }
        }
        if (byIdentity.isEmpty()) {
            return null;
        }
        List<ParticipantInfo> out = new ArrayList<>(byIdentity.size());
        byIdentity.forEach((identity, list) -> out.add(participant(identity, list)));
        return out;
    }

    private ParticipantInfo participant(String identity, List<MediaSession> list) {
        String name = null;
        List<ParticipantInfo.Session> infos = new ArrayList<>(list.size());
        List<ParticipantInfo.Track> tracks = new ArrayList<>();
        for (MediaSession s : list) {
            name = displayNames.getOrDefault(s.resourceId(), name);
            var info = s.info();
            infos.add(new ParticipantInfo.Session(s.resourceId(), info.kind(), info.state()));
            if (s instanceof PublisherSession ps) {
                for (PublishedTrack t : ps.tracks()) {
                    tracks.add(new ParticipantInfo.Track(t.id(), t.kind().sdpName()));
                }
            }
        }
        return new ParticipantInfo(identity, name, infos, tracks);
    }
}
