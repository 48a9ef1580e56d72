package dev.onair.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.QualityAssessor;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.room.Participant;
import dev.onair.sfu.room.Room;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cadence of connection-quality events under a manual clock (every interval, at once on a change, only known
 * tiers) and who sees which entries.
 */
class QualityTickerTest {
    private static final long SECOND_NANOS = 1_000_000_000L;

    /** Each identity's current tier (null: unknown); identities absent have no media session. */
    private final Map<String, String> tiers = new HashMap<>();
    private final List<String> judgesMade = new ArrayList<>();
    private final Room room = new Room("r", RoomKind.CONFERENCE, 0, 0);
    private final QualityTicker ticker = new QualityTicker(new QualityReporting(this::newJudge, 3_000),
            (p, wall) -> tiers.containsKey(p.identity()) ? tickOf(p.identity()) : null);

    /** The test's tick names its participant in its only track's direction, so a judge knows whom it judges. */
    private static QualityAssessor.Tick tickOf(String identity) {
        return new QualityAssessor.Tick(1, List.of(new QualityAssessor.TrackTick("audio", identity, null)));
    }

    private QualityAssessor.Judge newJudge() {
        judgesMade.add("judge");
        return (tick, nowNanos) -> {
            String tier = tiers.get(tick.tracks().get(0).direction());
            return tier == null ? null : new QualityAssessor.Verdict(tier, 90.0);
        };
    }

    private List<RoomEvent.ConnectionQuality> tickAt(int second) {
        return ticker.tick(List.of(room), second * SECOND_NANOS, 1_000L * second);
    }

    private Participant join(String identity, ParticipantRole role) {
        Participant p = new Participant(identity, null, null, role, role != ParticipantRole.VIEWER, 0, 0);
        room.add(p);
        return p;
    }

    private static List<String> entries(RoomEvent.ConnectionQuality e) {
        return e.participants().stream().map(q -> q.identity() + "=" + q.tier()).toList();
    }

    @Test
    void sendsEveryIntervalAndAtOnceOnAChangeListingOnlyKnownTiers() {
        join("a", ParticipantRole.PARTICIPANT);
        join("b", ParticipantRole.PARTICIPANT);
        join("c", ParticipantRole.PARTICIPANT); // no media session: never judged, never listed
        tiers.put("a", null);
        tiers.put("b", null);

        assertThat(tickAt(1)).as("no tier known yet: nothing to send").isEmpty();
        tiers.put("a", "good");
        List<RoomEvent.ConnectionQuality> first = tickAt(2);
        assertThat(first).hasSize(1);
        assertThat(entries(first.get(0))).containsExactly("a=good");
        assertThat(first.get(0).atMillis()).isEqualTo(2_000);
        assertThat(tickAt(3)).as("no change, within the interval").isEmpty();
        assertThat(tickAt(4)).isEmpty();
        assertThat(tickAt(5)).as("the interval (3 s) elapsed").hasSize(1);
        tiers.put("b", "poor");
        assertThat(tickAt(6)).as("b's tier became known").singleElement()
                .satisfies(e -> assertThat(entries(e)).containsExactly("a=good", "b=poor"));
        tiers.put("a", "lost");
        assertThat(tickAt(7)).as("a changed").singleElement()
                .satisfies(e -> assertThat(entries(e)).containsExactly("a=lost", "b=poor"));
        assertThat(tickAt(8)).isEmpty();
        assertThat(tickAt(9)).isEmpty();
        assertThat(tickAt(10)).hasSize(1);
        assertThat(judgesMade).as("one judge per judged participant, kept across ticks").hasSize(2);
    }

    @Test
    void aParticipantThatLosesItsSessionsStartsAfreshWithANewJudge() {
        join("a", ParticipantRole.PARTICIPANT);
        tiers.put("a", "excellent");
        assertThat(tickAt(1)).hasSize(1);
        tiers.remove("a");
        assertThat(tickAt(2)).as("nobody known").isEmpty();
        tiers.put("a", "good");
        assertThat(tickAt(3)).singleElement().satisfies(e -> assertThat(entries(e)).containsExactly("a=good"));
        assertThat(judgesMade).hasSize(2);
    }

    @Test
    void broadcastViewersSeeTheirOwnAndTheHostsTiersHostsSeeEveryone() {
        Room broadcast = new Room("b", RoomKind.BROADCAST, 0, 0);
        Participant host = new Participant("host", null, null, ParticipantRole.HOST, true, 0, 0);
        Participant v1 = new Participant("v1", null, null, ParticipantRole.VIEWER, false, 1, 0);
        Participant v2 = new Participant("v2", null, null, ParticipantRole.VIEWER, false, 2, 0);
        broadcast.add(host);
        broadcast.add(v1);
        broadcast.add(v2);
        RoomEvent.ConnectionQuality all = new RoomEvent.ConnectionQuality("b", List.of(
                new RoomEvent.ParticipantQuality("host", "good", 80.0),
                new RoomEvent.ParticipantQuality("v1", "poor", 40.0),
                new RoomEvent.ParticipantQuality("v2", "excellent", null)), 0);

        assertThat(EventRouter.visibleQuality(broadcast, all, host)).isSameAs(all);
        assertThat(entries(EventRouter.visibleQuality(broadcast, all, v1))).containsExactly("host=good", "v1=poor");
        assertThat(entries(EventRouter.visibleQuality(broadcast, all, v2)))
                .containsExactly("host=good", "v2=excellent");
        RoomEvent.ConnectionQuality onlyOtherViewer = new RoomEvent.ConnectionQuality("b",
                List.of(new RoomEvent.ParticipantQuality("v2", "good", null)), 0);
        assertThat(EventRouter.visibleQuality(broadcast, onlyOtherViewer, v1)).as("nothing left for v1").isNull();

        Participant a = join("a", ParticipantRole.PARTICIPANT);
        assertThat(EventRouter.visibleQuality(room, all, a)).as("conference: everyone's").isSameAs(all);
    }
}
