package dev.onair.sfu;

import dev.onair.sfu.api.QualityAssessor;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.room.Participant;
import dev.onair.sfu.room.Room;
import dev.onair.sfu.session.MediaSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Connection tiers, once per telemetry tick: each participant with media sessions is judged by the
 * {@link QualityAssessor} from the samples its sessions took in this tick (a participant without sessions has no
 * known tier and starts afresh when it gets one). A room's {@link RoomEvent.ConnectionQuality} is due every
 * {@link QualityReporting#intervalMillis()}, and at once when a tier changed or became known; it lists only the
 * participants whose tier is known and is not sent while none is. Media loop only; its state follows the live
 * rooms and participants.
 */
final class QualityTicker {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final QualityAssessor assessor;
    private final TickSource ticks;
    private final long intervalNanos;
    private final Map<Participant, Judged> judged = new IdentityHashMap<>();
    private final Map<String, Long> lastSentNanos = new HashMap<>();

    /** Where a participant's telemetry of this tick comes from. */
    @FunctionalInterface
    interface TickSource {
        /** The participant's samples taken at {@code wallMillis}, or null when it has no media session. */
        QualityAssessor.Tick tickOf(Participant p, long wallMillis);
    }

    /** Judging the samples that the participants' sessions took in this tick. */
    QualityTicker(QualityReporting reporting) {
        this(reporting, QualityTicker::fromSessions);
    }

    QualityTicker(QualityReporting reporting, TickSource ticks) {
        this.assessor = reporting.assessor();
        this.ticks = ticks;
        this.intervalNanos = reporting.intervalMillis() * NANOS_PER_MILLI;
    }

    /** Judges every participant of {@code rooms}; returns the events due now (one per room at most). */
    List<RoomEvent.ConnectionQuality> tick(Collection<Room> rooms, long nowNanos, long wallMillis) {
        List<RoomEvent.ConnectionQuality> due = new ArrayList<>();
        Map<Participant, Judged> seen = new IdentityHashMap<>();
        Map<String, Long> sent = new HashMap<>();
        for (Room room : rooms) {
            RoomEvent.ConnectionQuality e = tickRoom(room, nowNanos, wallMillis, seen);
            Long last = lastSentNanos.get(room.name());
            if (e != null) {
                due.add(e);
                last = nowNanos;
            }
            if (last != null) {
                sent.put(room.name(), last);
            }
        }
        judged.clear();
        judged.putAll(seen);
        lastSentNanos.clear();
        lastSentNanos.putAll(sent);
        return due;
    }

    private RoomEvent.ConnectionQuality tickRoom(Room room, long nowNanos, long wallMillis,
                                                  Map<Participant, Judged> seen) {
        List<RoomEvent.ParticipantQuality> known = new ArrayList<>();
        boolean changed = false;
        for (Participant p : room.participants()) {
            QualityAssessor.Tick tick = ticks.tickOf(p, wallMillis);
            if (tick == null) {
                continue;
            }
            Judged j = judged.get(p);
            if (j == null) {
                j = new Judged(assessor.newJudge());
            }
            seen.put(p, j);
            QualityAssessor.Verdict v = j.judge.update(tick, nowNanos);
            String tier = v == null ? null : v.tier();
            changed |= !Objects.equals(tier, j.tier);
            j.tier = tier;
            if (v != null) {
                known.add(new RoomEvent.ParticipantQuality(p.identity(), v.tier(), v.score(), v.mos()));
            }
        }
        if (known.isEmpty()) {
            return null;
        }
        Long last = lastSentNanos.get(room.name());
        if (!changed && last != null && nowNanos - last < intervalNanos) {
            return null;
        }
        return new RoomEvent.ConnectionQuality(room.name(), known, wallMillis);
    }

    /** The samples that {@code p}'s sessions took at {@code wallMillis}; null when it has no session. */
    static QualityAssessor.Tick fromSessions(Participant p, long wallMillis) {
        if (p.sessions().isEmpty()) {
            return null;
        }
        List<QualityAssessor.TrackTick> tracks = new ArrayList<>();
        double packetRateIn = 0;
        for (MediaSession s : p.sessions()) {
            packetRateIn += s.collectTick(wallMillis, tracks);
        }
        return new QualityAssessor.Tick(packetRateIn, tracks);
    }

    /** A participant's judge and the tier it gave last (null: unknown). */
    private static final class Judged {
        final QualityAssessor.Judge judge;
        String tier;

        Judged(QualityAssessor.Judge judge) {
            this.judge = judge;
        }
    }
}
