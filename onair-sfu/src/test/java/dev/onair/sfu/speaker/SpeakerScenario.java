package dev.onair.sfu.speaker;

import dev.onair.sfu.api.RoomEvent.Speaker;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.TrackFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A manual-clock room for detector tests: participants publish one Opus track each and send a packet every
 * 20 ms at their current level (or nothing while muted); the detector ticks every 200 ms; every changed list
 * is recorded as the identities in order.
 */
final class SpeakerScenario {
    static final int LEVEL_ID = 1;
    static final int MUTED = -1;
    static final long PACKET_MILLIS = 20;

    private final ActiveSpeakerDetector detector = new ActiveSpeakerDetector(SpeakerPolicy.DEFAULT);
    private final Map<String, PublishedTrack> tracks = new LinkedHashMap<>();
    private final Map<String, Integer> levels = new LinkedHashMap<>();
    private final Map<String, Integer> seqs = new LinkedHashMap<>();
    final List<List<String>> events = new ArrayList<>();
    final List<List<Speaker>> speakerEvents = new ArrayList<>();
    private long nowMillis;

    /** Adds a participant whose track negotiated the audio level extension (or not). */
    SpeakerScenario join(String identity, int levelDbov, boolean negotiated) {
        tracks.put(identity, TrackFixtures.audioTrack(identity + "/0", negotiated ? LEVEL_ID : 0));
        levels.put(identity, levelDbov);
        seqs.put(identity, 0);
        return this;
    }

    SpeakerScenario join(String identity, int levelDbov) {
        return join(identity, levelDbov, true);
    }

    SpeakerScenario leave(String identity) {
        tracks.remove(identity);
        levels.remove(identity);
        return this;
    }

    /** From now on the participant's packets carry this level (0..127) or, with {@link #MUTED}, stop. */
    SpeakerScenario level(String identity, int levelDbov) {
        levels.put(identity, levelDbov);
        return this;
    }

    /** Advances the clock by {@code millis} in 20 ms packet steps, ticking the detector every 200 ms. */
    SpeakerScenario run(long millis) {
        long end = nowMillis + millis;
        while (nowMillis < end) {
            nowMillis += PACKET_MILLIS;
            for (Map.Entry<String, PublishedTrack> e : tracks.entrySet()) {
                int level = levels.get(e.getKey());
                if (level != MUTED) {
                    int seq = seqs.merge(e.getKey(), 1, Integer::sum);
                    byte[] pkt = TrackFixtures.opus(seq, seq * 960L, e.getKey().hashCode() & 0xFFFFL, LEVEL_ID,
                            level);
                    e.getValue().onRtp(TrackFixtures.context(pkt, nowMillis * 1_000_000L));
                }
            }
            if (nowMillis % SpeakerPolicy.DEFAULT.tickMillis() == 0) {
                tick();
            }
        }
        return this;
    }

    private void tick() {
        List<SpeakerSource> sources = new ArrayList<>();
        tracks.forEach((id, t) -> sources.add(new SpeakerSource(id, t.audioLevel())));
        List<Speaker> changed = detector.tick(sources, nowMillis);
        if (changed != null) {
            speakerEvents.add(changed);
            events.add(changed.stream().map(Speaker::identity).toList());
        }
    }

    ActiveSpeakerDetector detector() {
        return detector;
    }

    /** Index of the next event, to look at what a later run adds. */
    int mark() {
        return events.size();
    }

    List<List<String>> since(int mark) {
        return events.subList(mark, events.size());
    }
}
