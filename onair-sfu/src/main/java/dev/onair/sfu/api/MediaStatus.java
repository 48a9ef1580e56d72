package dev.onair.sfu.api;

import dev.onair.protocol.DropCounts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A point-in-time view of the media service, for status endpoints and metrics.
 *
 * @param demuxDrops     datagrams the shared UDP port could not hand to any transport, by reason (non-zero only)
 * @param activeSpeakers per room with speakers, their identities loudest first (as last announced)
 */
public record MediaStatus(int rooms, int publishers, int subscribers, long sessionsCreated, long sessionsClosed,
                          List<SessionInfo> sessions, Map<String, Long> demuxDrops,
                          Map<String, List<String>> activeSpeakers, List<RoomStats> roomStats) {

    public MediaStatus {
        sessions = List.copyOf(sessions);
        roomStats = List.copyOf(roomStats);
        demuxDrops = Map.copyOf(demuxDrops);
        Map<String, List<String>> speakers = new TreeMap<>();
        activeSpeakers.forEach((room, ids) -> speakers.put(room, List.copyOf(ids)));
        activeSpeakers = java.util.Collections.unmodifiableMap(speakers);
    }

    public MediaStatus(int rooms, int publishers, int subscribers, long sessionsCreated, long sessionsClosed,
                       List<SessionInfo> sessions, Map<String, Long> demuxDrops,
                       Map<String, List<String>> activeSpeakers) {
        this(rooms, publishers, subscribers, sessionsCreated, sessionsClosed, sessions, demuxDrops, activeSpeakers,
                List.of());
    }

    public MediaStatus(int rooms, int publishers, int subscribers, long sessionsCreated, long sessionsClosed,
                       List<SessionInfo> sessions, Map<String, Long> demuxDrops) {
        this(rooms, publishers, subscribers, sessionsCreated, sessionsClosed, sessions, demuxDrops, Map.of());
    }

    public MediaStatus(int rooms, int publishers, int subscribers, long sessionsCreated, long sessionsClosed,
                       List<SessionInfo> sessions) {
        this(rooms, publishers, subscribers, sessionsCreated, sessionsClosed, sessions, Map.of());
    }

    /**
     * One live session. {@code kind} is "publish" or "subscribe"; {@code state} e.g. "new", "connected".
     * {@code drops} are the session's non-zero drop counts, named {@code transport.<TransportDrop>} and
     * {@code session.<SessionDrop>}.
     */
    public record SessionInfo(String resourceId, String room, String identity, String kind, String state,
                              long packetsIn, long packetsOut, Map<String, Long> drops) {
        public SessionInfo {
            drops = Map.copyOf(drops);
        }

        public SessionInfo(String resourceId, String room, String identity, String kind, String state,
                           long packetsIn, long packetsOut) {
            this(resourceId, room, identity, kind, state, packetsIn, packetsOut, Map.of());
        }
    }

    /**
     * One room's counts and the latest telemetry sample of every audio track of its sessions (in and out), for
     * per-room gauges such as the mean MOS.
     */
    public record RoomStats(String room, int participants, int publishers, int subscribers,
                            List<SessionReport.TrackSample> latestAudio) {
        public RoomStats {
            latestAudio = List.copyOf(latestAudio);
        }
    }

    /** The non-zero counts of each {@code DropCounts}, keyed {@code <prefix>.<REASON>}, sorted by key. */
    public static Map<String, Long> dropNames(String prefix, DropCounts<?> counts, Map<String, Long> into) {
        Map<String, Long> out = into == null ? new TreeMap<>() : into;
        counts.snapshot().forEach((reason, n) -> out.put(prefix + "." + reason.name(), n));
        return out;
    }
}
