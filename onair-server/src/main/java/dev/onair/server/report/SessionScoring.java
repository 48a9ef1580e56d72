package dev.onair.server.report;

import dev.onair.lab.quality.AudioConditions;
import dev.onair.lab.quality.CodecImpairment;
import dev.onair.lab.quality.ConnectionTier;
import dev.onair.lab.quality.ConnectionTierTracker;
import dev.onair.lab.quality.EModel;
import dev.onair.lab.quality.QualitySample;
import dev.onair.lab.quality.TierPolicy;
import dev.onair.lab.quality.VideoConditions;
import dev.onair.lab.quality.VideoScore;
import dev.onair.sfu.api.ClientSample;
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.api.SessionReport.SessionSample;
import dev.onair.sfu.api.SessionReport.TrackReport;
import dev.onair.sfu.api.SessionReport.TrackSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a {@link SessionReport} (docs/quality.md §4). Pure: the same report gives the same scores.
 * <ul>
 *   <li>Audio, per sample: E-model with Opus, {@code Ta = RTT/2 + 2 × jitter} (an adaptive jitter buffer is
 *       assumed to hold about twice the interarrival jitter), loss = loss after retransmission, random loss
 *       (BurstR 1). No RTT measured (publisher side): RTT 0 is assumed and the score says so.</li>
 *   <li>Video, per sample: {@link VideoScore} with the frame rate seen here against the publisher's (for
 *       {@code in} tracks they are the same), freeze ratio and stalls unknown to the server = 0, resolution
 *       unknown = equal to the publisher's. An upper bound where browsers upload no stats.</li>
 *   <li>Client stats (docs/quality.md §5): the nearest browser sample within 3 s of a server sample feeds its
 *       score: concealment and jitter-buffer delay for audio, decoded fps, freezes and stalls for video, the
 *       candidate-pair RTT where the server measured none.</li>
 *   <li>Tier: each session sample's tracks (same tick) give a {@link QualitySample} (mean MOS, lowest video
 *       score, highest RTT, highest loss; unknown RTT = 0 as above; unknown loss = 0 when packets flowed), the
 *       last packet is the last tick with packets; replayed through a fresh tracker.</li>
 * </ul>
 */
public final class SessionScoring {
    /** Assumed jitter-buffer delay as a multiple of the interarrival jitter. */
    public static final double JITTER_BUFFER_FACTOR = 2.0;
    /** A client sample joins a server sample at most this far apart in time (the SDK uploads every 2 s). */
    public static final long CLIENT_JOIN_WINDOW_MILLIS = 3_000;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final double MILLIS_PER_MINUTE = 60_000;

    private final EModel model;
    private final TierPolicy policy;

    public SessionScoring(EModel model, TierPolicy policy) {
        this.model = model;
        this.policy = policy;
    }

    public static SessionScoring withDefaults() {
        return new SessionScoring(EModel.withDefaults(), TierPolicy.defaults());
    }

    public ScoredReport score(SessionReport report) {
        List<ScoredReport.Track> tracks = new ArrayList<>(report.tracks().size());
        double mosSum = 0;
        int mosCount = 0;
        Double minVideo = null;
        for (TrackReport t : report.tracks()) {
            List<ScoredReport.Score> scores = new ArrayList<>(t.samples().size());
            for (TrackSample s : t.samples()) {
                scores.add(score(t, s));
            }
            ScoredReport.Score latest = scores.isEmpty() ? null : scores.get(scores.size() - 1);
            if (latest != null && latest.mos() != null) {
                mosSum += latest.mos();
                mosCount++;
            }
            if (latest != null && latest.videoScore() != null) {
                minVideo = minVideo == null ? latest.videoScore() : Math.min(minVideo, latest.videoScore());
            }
            tracks.add(new ScoredReport.Track(t.mid(), t.kind(), t.direction(), t.trackSid(), t.ssrc(), t.samples(),
                    scores, latest, t.client()));
        }
        return new ScoredReport(report.resourceId(), report.room(), report.identity(), report.kind(), report.state(),
                report.capacity(), report.samples(), tracks, quality(report, tracks,
                mosCount == 0 ? null : mosSum / mosCount, minVideo), null)
                .withCongestion(report.congestion(), report.layerSwitches());
    }

    /** The MOS of one audio sample (as in the report), or null when its loss is unknown. */
    public Double mos(TrackSample audioSample) {
        return score(new TrackReport("", "audio", "", null, null, List.of()), audioSample).mos();
    }

    /** The scores of one sample of track {@code t}, with the browser's nearest sample when there is one. */
    ScoredReport.Score score(TrackReport t, TrackSample s) {
        ClientSample c = nearestClient(t.client(), s.atMillis());
        Double rttMillis = s.rttMillis() != null ? s.rttMillis() : c == null ? null : c.rttMillis();
        boolean rttMeasured = rttMillis != null;
        if ("audio".equals(t.kind())) {
            return audio(s, c, rttMillis, rttMeasured);
        }
        return video(t, s, c, rttMeasured);
    }

    /**
     * E-model: with the browser's concealment, the concealed share of samples is the loss at playout and its
     * jitter-buffer delay replaces {@code 2 × jitter}; otherwise the server's loss and jitter.
     */
    private ScoredReport.Score audio(TrackSample s, ClientSample c, Double rttMillis, boolean rttMeasured) {
        boolean client = c != null && c.concealedPercent() != null;
        Double loss = client ? c.concealedPercent() : s.lossAfterRetransmissionPercent();
        if (loss == null) {
            return new ScoredReport.Score(s.atMillis(), null, null, null, rttMeasured, false);
        }
        double rtt = rttMeasured ? rttMillis : 0;
        double jitterBufferMillis = client && c.jitterBufferDelayMillis() != null ? c.jitterBufferDelayMillis()
                : JITTER_BUFFER_FACTOR * (s.jitterMillis() == null ? 0 : s.jitterMillis());
        var a = model.score(AudioConditions.fromNetwork(rtt, jitterBufferMillis, loss, 1.0, CodecImpairment.OPUS));
        return new ScoredReport.Score(s.atMillis(), a.mos(), a.rating(), null, rttMeasured,
                client || (c != null && s.rttMillis() == null && rttMeasured));
    }

    /**
     * Video score. {@code out} with the browser's inbound view: decoded fps against the fps forwarded here,
     * freeze ratio = freeze time / the browser's interval, stalls = freezes per minute of that interval.
     * {@code in} with the browser's outbound view: fps arriving here against the fps it encoded. Without client
     * stats: the fps seen here against the source's (out) or itself (in), no freezes (an upper bound). The
     * reference for {@code out} is the publisher's: the fps arriving here from it ({@code sourceFramesPerSecond})
     * and its encoded size from its own browser's stats; the size counts only when both the decoded and the
     * source size are known, else as equal.
     */
    private ScoredReport.Score video(TrackReport t, TrackSample s, ClientSample c, boolean rttMeasured) {
        if (s.framesPerSecond() == null) {
            return new ScoredReport.Score(s.atMillis(), null, null, null, rttMeasured, false);
        }
        double here = s.framesPerSecond();
        boolean clientFps = c != null && c.framesPerSecond() != null;
        VideoConditions v;
        if (clientFps && "out".equals(t.direction())) {
            double intervalMillis = c.intervalMillis();
            double freezeRatio = c.freezeDurationMillis() == null || intervalMillis <= 0 ? 0
                    : c.freezeDurationMillis() / intervalMillis;
            double stallsPerMinute = c.freezeCount() == null || intervalMillis <= 0 ? 0
                    : c.freezeCount() * MILLIS_PER_MINUTE / intervalMillis;
            double sourceFps = s.sourceFramesPerSecond() != null ? s.sourceFramesPerSecond() : here;
            boolean sizes = c.frameWidth() != null && c.frameHeight() != null && s.sourceFrameWidth() != null
                    && s.sourceFrameHeight() != null;
            double received = sizes ? (double) c.frameWidth() * c.frameHeight() : 1;
            double source = sizes ? (double) s.sourceFrameWidth() * s.sourceFrameHeight() : 1;
            v = new VideoConditions(freezeRatio, c.framesPerSecond(), sourceFps, received, source, stallsPerMinute);
        } else if (clientFps) {
            v = new VideoConditions(0, here, c.framesPerSecond(), 1, 1, 0);
        } else if ("out".equals(t.direction()) && s.sourceFramesPerSecond() != null) {
            v = new VideoConditions(0, here, s.sourceFramesPerSecond(), 1, 1, 0);
        } else {
            v = new VideoConditions(0, here, here, 1, 1, 0);
        }
        return new ScoredReport.Score(s.atMillis(), null, null, VideoScore.score(v), rttMeasured, clientFps);
    }

    /** The client sample nearest to {@code atMillis} within {@link #CLIENT_JOIN_WINDOW_MILLIS}, or null. */
    static ClientSample nearestClient(List<ClientSample> client, long atMillis) {
        ClientSample best = null;
        long bestDistance = CLIENT_JOIN_WINDOW_MILLIS + 1;
        for (ClientSample c : client) {
            long d = Math.abs(c.atMillis() - atMillis);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private ScoredReport.Quality quality(SessionReport report, List<ScoredReport.Track> tracks, Double meanMos,
                                         Double minVideo) {
        ConnectionTierTracker tracker = new ConnectionTierTracker(policy);
        List<ScoredReport.TierAt> tiers = new ArrayList<>(report.samples().size());
        long lastPacketAtNanos = Long.MIN_VALUE / 2;
        for (SessionSample ss : report.samples()) {
            long at = ss.atMillis();
            TickMeasures m = new TickMeasures();
            for (ScoredReport.Track t : tracks) {
                for (int i = 0; i < t.samples().size(); i++) {
                    TrackSample s = t.samples().get(i);
                    if (s.atMillis() == at) {
                        m.add(s, t.scores().get(i));
                    }
                }
            }
            long nowNanos = at * NANOS_PER_MILLI;
            if (m.packets()) {
                lastPacketAtNanos = nowNanos;
            }
            ConnectionTier tier = tracker.update(m.sample(lastPacketAtNanos), nowNanos);
            tiers.add(new ScoredReport.TierAt(at, TierAssessor.wireName(tier)));
        }
        return new ScoredReport.Quality(tiers.isEmpty() ? null : TierAssessor.wireName(tracker.tier()), tiers, meanMos,
                minVideo);
    }
}
