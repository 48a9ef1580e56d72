package dev.onair.sfu.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.room.VideoCap.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoCapTest {
    private static final long NEVER = Long.MIN_VALUE;

    @Test
    void noCapOrFewVideosLetsEverythingFlow() {
        List<Candidate> videos = List.of(new Candidate("a", false, -1, NEVER, 0), new Candidate("b", false, -1, NEVER, 1));
        assertThat(VideoCap.allowed(videos, 0)).containsExactlyInAnyOrder("a", "b");
        assertThat(VideoCap.allowed(videos, 2)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void screenSharesComeFirstThenSpeakersByRank() {
        List<Candidate> videos = List.of(
                new Candidate("early", false, -1, NEVER, 0),
                new Candidate("second-speaker", false, 1, 50, 3),
                new Candidate("screen", true, -1, NEVER, 5),
                new Candidate("loudest", false, 0, 50, 4));
        assertThat(VideoCap.allowed(videos, 1)).containsExactly("screen");
        assertThat(VideoCap.allowed(videos, 2)).containsExactlyInAnyOrder("screen", "loudest");
        assertThat(VideoCap.allowed(videos, 3)).containsExactlyInAnyOrder("screen", "loudest", "second-speaker");
    }

    @Test
    void recentSpeakersBeatEarlyJoinersAndEarlyJoinersBreakTies() {
        List<Candidate> videos = List.of(
                new Candidate("first", false, -1, NEVER, 0),
                new Candidate("second", false, -1, NEVER, 1),
                new Candidate("spoke-long-ago", false, -1, 10, 7),
                new Candidate("spoke-recently", false, -1, 90, 8));
        assertThat(VideoCap.allowed(videos, 2)).containsExactlyInAnyOrder("spoke-recently", "spoke-long-ago");
        assertThat(VideoCap.allowed(videos, 3)).containsExactlyInAnyOrder("spoke-recently", "spoke-long-ago", "first");
    }
}
