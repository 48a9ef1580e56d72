package dev.onair.sfu.speaker;

import static dev.onair.sfu.speaker.SpeakerScenario.MUTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.api.RoomEvent.Speaker;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveSpeakerDetectorTest {
    private static final int LOUD = 20; // -20 dBov: 0.1 linear
    private static final int SPEECH = 30; // -30 dBov: 0.032 linear
    private static final int SILENT = 127;

    @Test
    void oneLoudSpeakerIsAnnouncedOnce() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD).join("bob", SILENT).run(2_000);
        assertThat(s.events).containsExactly(List.of("alice"));
        Speaker alice = s.speakerEvents.get(0).get(0);
        assertThat(alice.level()).isBetween(0.01, 0.1);
        assertThat(s.detector().current()).extracting(Speaker::identity).containsExactly("alice");
    }

    @Test
    void enteringTakesTwoVoicedWindows() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD).run(200);
        assertThat(s.events).as("one voiced window is not enough").isEmpty();
        s.run(200);
        assertThat(s.events).containsExactly(List.of("alice"));
    }

    @Test
    void twoSpeakersAreOrderedLoudestFirst() {
        SpeakerScenario s = new SpeakerScenario().join("alice", SPEECH).join("bob", LOUD).join("carol", SILENT)
                .run(2_000);
        assertThat(s.events).containsExactly(List.of("bob", "alice"));
        List<Speaker> first = s.speakerEvents.get(0);
        assertThat(first.get(0).level()).isGreaterThan(first.get(1).level());
    }

    @Test
    void aLouderSpeakerOvertakesButNearEqualLevelsDoNotReorder() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD).join("bob", 21).run(2_000);
        assertThat(s.events).containsExactly(List.of("alice", "bob"));
        int mark = s.mark();
        for (int i = 0; i < 10; i++) { // levels wiggle around each other by 1 dB (12%, under the 25% bar)
            s.level("alice", 21).level("bob", LOUD).run(300).level("alice", LOUD).level("bob", 21).run(300);
        }
        assertThat(s.since(mark)).as("no event while the order is within the hysteresis").isEmpty();
        s.level("bob", 10).run(1_000); // bob 10 dB louder
        assertThat(s.since(mark)).containsExactly(List.of("bob", "alice"));
    }

    @Test
    void aCoughShorterThanTheEnterCriterionIsIgnored() {
        SpeakerScenario s = new SpeakerScenario().join("alice", SILENT).run(1_000);
        s.level("alice", 0).run(100).level("alice", SILENT).run(2_000); // 100 ms at 0 dBov inside one window
        s.run(100).level("alice", 0).run(180).level("alice", SILENT).run(2_000); // 180 ms across two windows
        assertThat(s.events).isEmpty();
    }

    @Test
    void aPauseShorterThanTheHoldKeepsTheSpeaker() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD).run(1_000);
        assertThat(s.events).containsExactly(List.of("alice"));
        // 1.2 s of silence: the level falls below exitLevel after ~0.9 s, less than holdMillis later it resumes
        s.level("alice", SILENT).run(1_200).level("alice", LOUD).run(1_000);
        assertThat(s.events).containsExactly(List.of("alice"));
    }

    @Test
    void silenceEndsWithAnEmptyListOnce() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD).run(1_000);
        s.level("alice", SILENT).run(3_000);
        assertThat(s.events).containsExactly(List.of("alice"), List.of());
        assertThat(s.detector().current()).isEmpty();
        s.run(3_000);
        assertThat(s.events).hasSize(2);
    }

    @Test
    void mutedOrDtxWithoutPacketsDecaysToSilence() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD).join("bob", LOUD).run(1_000);
        assertThat(s.events).hasSize(1);
        s.level("alice", MUTED).run(3_000);
        assertThat(s.events.get(s.events.size() - 1)).containsExactly("bob");
    }

    @Test
    void noDuplicateEventsWhileTheSetIsStable() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD);
        for (int i = 0; i < 20; i++) { // speech-like: loud, quieter, a short gap
            s.level("alice", LOUD).run(200).level("alice", 35).run(100).level("alice", 70).run(60);
        }
        assertThat(s.events).containsExactly(List.of("alice"));
    }

    @Test
    void levelsWithoutTheNegotiatedExtensionAreIgnored() {
        SpeakerScenario s = new SpeakerScenario().join("alice", 0, false).run(3_000);
        assertThat(s.events).isEmpty();
        assertThat(s.detector().trackedSources()).isEqualTo(1);
    }

    @Test
    void aSpeakerWhoLeavesIsDroppedAndTheStateStaysBounded() {
        SpeakerScenario s = new SpeakerScenario().join("alice", LOUD).join("bob", SPEECH).run(1_000);
        assertThat(s.events).containsExactly(List.of("alice", "bob"));
        s.leave("alice").run(200);
        assertThat(s.events).containsExactly(List.of("alice", "bob"), List.of("bob"));
        assertThat(s.detector().trackedSources()).isEqualTo(1);
    }

    @Test
    void oneIdentityIsListedOnceWithItsLoudestTrack() {
        ActiveSpeakerDetector d = new ActiveSpeakerDetector(SpeakerPolicy.DEFAULT);
        AudioLevelMeter mic = new AudioLevelMeter(SpeakerPolicy.DEFAULT);
        AudioLevelMeter screen = new AudioLevelMeter(SpeakerPolicy.DEFAULT);
        List<SpeakerSource> sources = List.of(new SpeakerSource("alice", screen), new SpeakerSource("alice", mic));
        List<Speaker> last = null;
        for (long t = 200; t <= 1_000; t += 200) {
            for (int i = 0; i < 10; i++) {
                mic.onLevel(LOUD);
                screen.onLevel(SPEECH);
            }
            List<Speaker> changed = d.tick(sources, t);
            last = changed != null ? changed : last;
        }
        assertThat(last).extracting(Speaker::identity).containsExactly("alice");
        assertThat(d.current()).hasSize(1);
        assertThat(d.current().get(0).level()).isEqualTo(mic.level()).isGreaterThan(screen.level());
    }
}
