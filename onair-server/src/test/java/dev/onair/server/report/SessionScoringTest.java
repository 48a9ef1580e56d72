package dev.onair.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onair.server.json.WireJson;
import dev.onair.sfu.api.ClientSample;
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.api.SessionReport.SessionSample;
import dev.onair.sfu.api.SessionReport.TrackReport;
import dev.onair.sfu.api.SessionReport.TrackSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionScoringTest {
    private final SessionScoring scoring = SessionScoring.withDefaults();

    private static TrackSample audio(long at, Double loss, Double rtt, double jitter) {
        return new TrackSample(at, 1000, 32_000, 50, loss, loss, jitter, rtt, 0, 0, 0, 0, 0, 0, null, null, 0);
    }

    private static SessionReport report(List<TrackSample> samples) {
        List<SessionSample> ss = new ArrayList<>();
        for (TrackSample s : samples) {
            ss.add(new SessionSample(s.atMillis(), 1000, s.bitrateBps(), 50, 0, 0, 0, 0, 0));
        }
        return new SessionReport("r1", "room", "alice", "subscribe", "connected", 300, ss,
                List.of(new TrackReport("0", "audio", "out", "TR_1", 1L, samples)));
    }

    @Test
    void cleanAudioScoresAboveFourAndLossLowersIt() {
        ScoredReport clean = scoring.score(report(List.of(audio(1000, 0.0, 40.0, 2))));
        ScoredReport lossy = scoring.score(report(List.of(audio(1000, 5.0, 40.0, 2))));
        double cleanMos = clean.tracks().get(0).latest().mos();
        assertThat(cleanMos).isGreaterThan(4.0);
        assertThat(lossy.tracks().get(0).latest().mos()).isLessThan(cleanMos - 0.3);
        assertThat(clean.quality().meanMos()).isEqualTo(cleanMos);
    }

    @Test
    void delayIsHalfTheRttPlusTwiceTheJitter() {
        // Ta = 400/2 + 2 × 50 = 300 ms: the same score as 600 ms RTT without jitter.
        double withJitter = scoring.score(report(List.of(audio(0, 0.0, 400.0, 50)))).tracks().get(0).latest().rating();
        double rttOnly = scoring.score(report(List.of(audio(0, 0.0, 600.0, 0)))).tracks().get(0).latest().rating();
        assertThat(withJitter).isCloseTo(rttOnly, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(withJitter).isLessThan(85);
    }

    @Test
    void unknownLossGivesNoMosAndUnknownRttIsFlagged() {
        ScoredReport r = scoring.score(report(List.of(audio(0, null, null, 1), audio(1000, 0.0, null, 1))));
        assertThat(r.tracks().get(0).scores().get(0).mos()).isNull();
        assertThat(r.tracks().get(0).scores().get(1).mos()).isNotNull();
        assertThat(r.tracks().get(0).scores().get(1).rttMeasured()).isFalse();
    }

    @Test
    void heavyLossMakesTheTierPoorAndSilenceLost() {
        List<TrackSample> bad = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bad.add(audio(i * 1000L, 20.0, 100.0, 5));
        }
        assertThat(scoring.score(report(bad)).quality().tier()).isEqualTo("poor");
        List<TrackSample> silent = new ArrayList<>();
        silent.add(audio(0, 0.0, 50.0, 1));
        for (int i = 1; i < 8; i++) {
            silent.add(new TrackSample(i * 1000L, 1000, 0, 0, null, null, null, null, 0, 0, 0, 0, 0, 0, null, null, 0));
        }
        assertThat(scoring.score(report(silent)).quality().tier()).isEqualTo("lost");
    }

    @Test
    void impairmentIsWrittenAsNullAndUnknownSampleFieldsAreLeftOut() throws Exception {
        JsonNode json = WireJson.mapper().valueToTree(scoring.score(report(List.of(audio(0, 0.0, null, 1)))));
        assertThat(json.has("impairment")).isTrue();
        assertThat(json.get("impairment").isNull()).isTrue();
        assertThat(json.at("/tracks/0/samples/0").has("rttMillis")).isFalse();
        assertThat(json.at("/tracks/0/samples/0/lossPercent").asDouble()).isZero();
    }

    private static ClientSample clientAudio(long at, double concealedPercent, double jitterBufferMillis) {
        return new ClientSample(at, 2000, 0.0, 1.0, null, null, null, null, null, concealedPercent,
                jitterBufferMillis, null, 30.0, null);
    }

    private static ClientSample clientVideo(long at, double fps, long freezes, double freezeMillis) {
        return new ClientSample(at, 2000, 0.0, 1.0, fps, 640L, 480L, freezes, freezeMillis, null, 40.0, 0L, 30.0,
                null);
    }

    private static TrackSample video(long at, double fps) {
        return new TrackSample(at, 1000, 500_000, 60, 0.0, 0.0, 1.0, 40.0, 0, 0, 0, 0, 0, 0, null, fps, 0);
    }

    private static SessionReport withTrack(TrackReport t) {
        List<SessionSample> ss = new ArrayList<>();
        for (TrackSample s : t.samples()) {
            ss.add(new SessionSample(s.atMillis(), 1000, s.bitrateBps(), 50, 0, 0, 0, 0, 0));
        }
        return new SessionReport("r1", "room", "bob", "subscribe", "connected", 60, ss, List.of(t));
    }

    private static TrackSample outVideo(long at, double forwardedFps, Double sourceFps, Long sourceWidth,
                                        Long sourceHeight) {
        return new TrackSample(at, 1000, 500_000, 60, 0.0, 0.0, 1.0, 40.0, 0, 0, 0, 0, 0, 0, null, forwardedFps, 0,
                sourceFps, sourceWidth, sourceHeight, null, null, 0, 0, 0, 0, null);
    }

    @Test
    void anOutTrackIsJudgedAgainstThePublishersFrameRateAndSize() {
        // Forwarding 15 fps of a 30 fps source scores lower than forwarding all 30 (no browser stats).
        double half = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L,
                List.of(outVideo(10_000, 15, 30.0, null, null))))).tracks().get(0).latest().videoScore();
        double full = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L,
                List.of(outVideo(10_000, 30, 30.0, null, null))))).tracks().get(0).latest().videoScore();
        assertThat(full).isEqualTo(100.0);
        assertThat(half).isLessThan(full - 5);
        // The browser decodes 640x480 of a 1280x720 source: lower than the same at the source's size.
        ScoredReport.Score small = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L,
                List.of(outVideo(10_000, 30, 30.0, 1280L, 720L)), List.of(clientVideo(10_200, 30, 0, 0)))))
                .tracks().get(0).latest();
        ScoredReport.Score sameSize = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L,
                List.of(outVideo(10_000, 30, 30.0, 640L, 480L)), List.of(clientVideo(10_200, 30, 0, 0)))))
                .tracks().get(0).latest();
        assertThat(sameSize.videoScore()).isEqualTo(100.0);
        assertThat(small.videoScore()).isLessThan(sameSize.videoScore() - 5);
        // A source size without the decoded size (or the reverse) counts as equal, never as a tiny picture.
        ScoredReport.Score unknownDecoded = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L,
                List.of(outVideo(10_000, 30, 30.0, 1280L, 720L))))).tracks().get(0).latest();
        assertThat(unknownDecoded.videoScore()).isEqualTo(100.0);
    }

    @Test
    void theBrowsersConcealmentIsTheAudioLossAtPlayout() {
        List<TrackSample> clean = List.of(audio(10_000, 0.0, 40.0, 2));
        double serverOnly = scoring.score(withTrack(new TrackReport("0", "audio", "out", "TR_1", 1L, clean)))
                .tracks().get(0).latest().mos();
        ScoredReport.Score joined = scoring.score(withTrack(new TrackReport("0", "audio", "out", "TR_1", 1L, clean,
                List.of(clientAudio(10_500, 8.0, 60))))).tracks().get(0).latest();
        assertThat(joined.fromClient()).isTrue();
        assertThat(joined.mos()).isLessThan(serverOnly - 0.3);
    }

    @Test
    void aClientSampleFurtherThanTheWindowIsNotJoined() {
        List<TrackSample> clean = List.of(audio(10_000, 0.0, 40.0, 2));
        ScoredReport.Score far = scoring.score(withTrack(new TrackReport("0", "audio", "out", "TR_1", 1L, clean,
                List.of(clientAudio(10_000 + SessionScoring.CLIENT_JOIN_WINDOW_MILLIS + 1, 8.0, 60)))))
                .tracks().get(0).latest();
        assertThat(far.fromClient()).isFalse();
        assertThat(far.mos()).isGreaterThan(4.0);
    }

    @Test
    void freezesAndALowDecodedFrameRateLowerTheVideoScore() {
        List<TrackSample> v = List.of(video(10_000, 30));
        double serverOnly = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L, v)))
                .tracks().get(0).latest().videoScore();
        assertThat(serverOnly).isEqualTo(100.0);
        ScoredReport.Score smooth = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L, v,
                List.of(clientVideo(10_200, 30, 0, 0))))).tracks().get(0).latest();
        ScoredReport.Score frozen = scoring.score(withTrack(new TrackReport("1", "video", "out", "TR_2", 2L, v,
                List.of(clientVideo(10_200, 15, 2, 500))))).tracks().get(0).latest();
        assertThat(smooth.fromClient()).isTrue();
        assertThat(smooth.videoScore()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
        // F = (1 - 0.25)^2, stalls 60/min: K = e^-9; T for half the frame rate: all strictly below 1.
        assertThat(frozen.videoScore()).isLessThan(10.0);
    }

    @Test
    void aPublishersEncodedFrameRateIsTheReferenceForTheFramesArrivingHere() {
        List<TrackSample> v = List.of(video(10_000, 15));
        ScoredReport.Score s = scoring.score(withTrack(new TrackReport("1", "video", "in", "TR_2", 2L, v,
                List.of(new ClientSample(10_100, 2000, null, null, 30.0, 640L, 480L, null, null, null, null, null,
                        20.0, "bandwidth"))))).tracks().get(0).latest();
        assertThat(s.fromClient()).isTrue();
        assertThat(s.videoScore()).isLessThan(90.0);
    }
}
