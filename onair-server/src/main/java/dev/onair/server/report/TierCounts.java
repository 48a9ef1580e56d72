package dev.onair.server.report;

import dev.onair.lab.quality.ConnectionTier;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomEventListener;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest connection tier of every participant, from the room-wide {@link RoomEvent.ConnectionQuality} events,
 * counted per tier for {@code /metrics} (four label values, however many participants). A participant that leaves,
 * or whose room finishes, is forgotten. Events arrive on the media loop; counts are read from any thread.
 */
public final class TierCounts implements RoomEventListener {
    private final Map<String, Map<String, String>> tierByIdentityByRoom = new ConcurrentHashMap<>();

    @Override
    public void onEvent(RoomEvent event) {
        if (event instanceof RoomEvent.ConnectionQuality q) {
            Map<String, String> tiers = new ConcurrentHashMap<>();
            for (RoomEvent.ParticipantQuality p : q.participants()) {
                tiers.put(p.identity(), p.tier());
            }
            tierByIdentityByRoom.put(q.room(), tiers);
        } else if (event instanceof RoomEvent.ParticipantLeft l) {
            Map<String, String> tiers = tierByIdentityByRoom.get(l.room());
            if (tiers != null) {
                tiers.remove(l.identity());
            }
        } else if (event instanceof RoomEvent.RoomFinished f) {
            tierByIdentityByRoom.remove(f.room());
        }
    }

    /** Participants per tier now, every tier present (0 when none). */
    public Map<ConnectionTier, Long> counts() {
        Map<ConnectionTier, Long> out = new EnumMap<>(ConnectionTier.class);
        for (ConnectionTier t : ConnectionTier.values()) {
            out.put(t, 0L);
        }
        for (Map<String, String> room : tierByIdentityByRoom.values()) {
            for (String tier : room.values()) {
                for (ConnectionTier t : ConnectionTier.values()) {
                    if (TierAssessor.wireName(t).equals(tier)) {
                        out.merge(t, 1L, Long::sum);
                    }
                }
            }
        }
        return out;
    }
}
