package dev.onair.sfu.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onair.sfu.api.SessionReport.TrackSample;
import org.junit.jupiter.api.Test;

/** The sampler over synthetic counters and explicit times: rates, loss, feedback deltas, the ring bound. */
class TrackSamplerTest {
    private static final long SECOND = 1_000_000_000L;

    private static TrackCounters publisherAt(long packets, long bytes, long expected, long received) {
        TrackCounters c = new TrackCounters();
        c.packets = packets;
        c.bytes = bytes;
        c.expected = expected;
        c.received = received;
        return c;
    }

    @Test
    void firstReadingIsTheBaselineAndGivesNoSample() {
        TrackSampler s = new TrackSampler(10);
        assertThat(s.sample(5 * SECOND, 1000, publisherAt(100, 10_000, 100, 100))).isNull();
        assertThat(s.samples().size()).isZero();
    }

    @Test
    void ratesAreDeltasOverTheActualInterval() {
        TrackSampler s = new TrackSampler(10);
        s.sample(0, 0, publisherAt(0, 0, 0, 0));
        // 50 packets of 1000 bytes in 0.5 s: 100 pps, 800 kbit/s.
        TrackSample t = s.sample(SECOND / 2, 500, publisherAt(50, 50_000, 50, 50));
        assertThat(t.intervalMillis()).isEqualTo(500);
        assertThat(t.atMillis()).isEqualTo(500);
        assertThat(t.packetRate()).isCloseTo(100.0, within(1e-9));
        assertThat(t.bitrateBps()).isEqualTo(800_000);
        assertThat(t.lossPercent()).isEqualTo(0.0);
    }

    @Test
    void lossIsExpectedMinusReceivedInTheIntervalOnly() {
        TrackSampler s = new TrackSampler(10);
        s.sample(0, 0, publisherAt(90, 0, 100, 90)); // 10 % lost before the baseline: not this interval's
        TrackSample t = s.sample(SECOND, 1000, publisherAt(165, 0, 200, 165)); // 100 expected, 75 received
        assertThat(t.lossPercent()).isCloseTo(25.0, within(1e-9));
        assertThat(t.lossAfterRetransmissionPercent()).isEqualTo(t.lossPercent());
    }

    @Test
    void anOutTrackCarriesTheSubscribersRrTotalsAndTheSourcesView() {
        TrackSampler s = new TrackSampler(10);
        TrackCounters c = new TrackCounters();
        c.packets = 10;
        assertThat(s.sample(0, 0, c)).isNull();
        c.packets = 60;
        TrackSample before = s.sample(SECOND, 1000, c);
        assertThat(before.reportedPacketsLost()).as("no RR yet").isNull();
        assertThat(before.reportedHighestSequence()).isNull();
        assertThat(before.sourceFramesPerSecond()).isNull();
        c.packets = 110;
        c.reportedPacketsLost = 7;
        c.reportedHighestSequence = 70_000;
        c.sourceFramesPerSecond = 29.5;
        c.sourceFrameWidth = 1280;
        c.sourceFrameHeight = 720;
        TrackSample after = s.sample(2 * SECOND, 2000, c);
        assertThat(after.reportedPacketsLost()).isEqualTo(7);
        assertThat(after.reportedHighestSequence()).isEqualTo(70_000);
        assertThat(after.sourceFramesPerSecond()).isEqualTo(29.5);
        assertThat(after.sourceFrameWidth()).isEqualTo(1280);
        assertThat(after.sourceFrameHeight()).isEqualTo(720);
    }

    @Test
    void duplicatesNeverGiveNegativeLossAndNothingExpectedGivesUnknown() {
        TrackSampler s = new TrackSampler(10);
        s.sample(0, 0, publisherAt(0, 0, 0, 0));
        assertThat(s.sample(SECOND, 0, publisherAt(12, 0, 10, 12)).lossPercent()).isEqualTo(0.0);
        assertThat(s.sample(2 * SECOND, 0, publisherAt(12, 0, 10, 12)).lossPercent()).isNull();
    }

    @Test
    void restartedStatisticsMakeTheIntervalLossUnknownNotNegative() {
        TrackSampler s = new TrackSampler(10);
        s.sample(0, 0, publisherAt(500, 0, 500, 500));
        TrackSample t = s.sample(SECOND, 0, publisherAt(550, 0, 50, 50)); // a new SSRC restarted the statistics
        assertThat(t.lossPercent()).isNull();
        assertThat(t.packetRate()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void subscriberSideReportsTheReceiversLossJitterAndRtt() {
        TrackSampler s = new TrackSampler(10);
        TrackCounters c = new TrackCounters();
        s.sample(0, 0, c);
        c.packets = 50;
        c.reportedLossPercent = 12.5;
        c.jitterMillis = 4.0;
        c.rttMillis = 80;
        c.queueDrops = 3;
        TrackSample t = s.sample(SECOND, 0, c);
        assertThat(t.lossPercent()).isEqualTo(12.5);
        assertThat(t.jitterMillis()).isEqualTo(4.0);
        assertThat(t.rttMillis()).isEqualTo(80.0);
        assertThat(t.queueDrops()).isEqualTo(3);
    }

    @Test
    void unknownValuesAreNullNotZero() {
        TrackSampler s = new TrackSampler(10);
        TrackCounters c = new TrackCounters();
        s.sample(0, 0, c);
        TrackSample t = s.sample(SECOND, 0, c);
        assertThat(t.lossPercent()).isNull();
        assertThat(t.jitterMillis()).isNull();
        assertThat(t.rttMillis()).isNull();
        assertThat(t.keyframeIntervalMillis()).isNull();
        assertThat(t.framesPerSecond()).isNull();
    }

    @Test
    void feedbackCountsAreDeltasAndKeyframeIntervalAndFrameRateAreReported() {
        TrackSampler s = new TrackSampler(10);
        TrackCounters c = new TrackCounters();
        c.frames = 100;
        c.pliSent = 4;
        c.nackReceived = 7;
        s.sample(0, 0, c);
        c.frames = 130;
        c.pliSent = 6;
        c.nackReceived = 7;
        c.keyframeIntervalNanos = 2 * SECOND;
        TrackSample t = s.sample(SECOND, 0, c);
        assertThat(t.framesPerSecond()).isCloseTo(30.0, within(1e-9));
        assertThat(t.pliSent()).isEqualTo(2);
        assertThat(t.nackReceived()).isZero();
        assertThat(t.keyframeIntervalMillis()).isEqualTo(2000.0);
    }

    @Test
    void theRingKeepsOnlyTheLastCapacitySamples() {
        TrackSampler s = new TrackSampler(5);
        for (int i = 0; i <= 20; i++) {
            s.sample(i * SECOND, i * 1000L, publisherAt(i * 10L, 0, i * 10L, i * 10L));
        }
        assertThat(s.samples().size()).isEqualTo(5);
        assertThat(s.samples().toList()).extracting(TrackSample::atMillis)
                .containsExactly(16_000L, 17_000L, 18_000L, 19_000L, 20_000L);
    }

    @Test
    void aTrackThatNacksHasLossAfterRetransmissionFromItsGiveUps() {
        TrackSampler s = new TrackSampler(8);
        TrackCounters base = publisherAt(0, 0, 0, 0);
        base.unrecoverable = 0;
        s.sample(0, 0, base);
        TrackCounters now = publisherAt(180, 0, 200, 180); // 20 of 200 missing
        now.unrecoverable = 2;
        now.rtxRecovered = 17;
        now.rtxDiscarded = 40;
        TrackSample t = s.sample(SECOND, 1000, now);
        assertThat(t.lossPercent()).isEqualTo(10.0);
        assertThat(t.lossAfterRetransmissionPercent()).isEqualTo(1.0);
        assertThat(t.unrecoverableLosses()).isEqualTo(2L);
        assertThat(t.rtxRecovered()).isEqualTo(17);
        assertThat(t.rtxDiscarded()).isEqualTo(40);
    }

    @Test
    void aTrackThatDoesNotNackKeepsLossAfterRetransmissionEqualToLoss() {
        TrackSampler s = new TrackSampler(8);
        s.sample(0, 0, publisherAt(0, 0, 0, 0));
        TrackSample t = s.sample(SECOND, 1000, publisherAt(180, 0, 200, 180));
        assertThat(t.lossAfterRetransmissionPercent()).isEqualTo(t.lossPercent()).isEqualTo(10.0);
        assertThat(t.unrecoverableLosses()).isNull();
    }

    @Test
    void redAndKeyframeCountsAreIntervalDeltasAndNullWhereTheTrackKeepsNone() {
        TrackSampler s = new TrackSampler(8);
        TrackCounters base = publisherAt(0, 0, 0, 0);
        base.redForwarded = 10;
        base.redStripped = 0;
        base.keyframesRequested = 4;
        base.keyframeRequestsSent = 3;
        base.keyframeRetries = 1;
        base.keyframesReceived = 2;
        s.sample(0, 0, base);
        TrackCounters now = publisherAt(50, 0, 50, 50);
        now.redForwarded = 60;
        now.redStripped = 0;
        now.keyframesRequested = 9;
        now.keyframeRequestsSent = 5;
        now.keyframeRetries = 2;
        now.keyframesReceived = 4;
        TrackSample t = s.sample(SECOND, 1000, now);
        assertThat(t.redForwarded()).isEqualTo(50L);
        assertThat(t.redStripped()).isEqualTo(0L);
        assertThat(t.keyframesRequested()).isEqualTo(5L);
        assertThat(t.keyframeRequestsSent()).isEqualTo(2L);
        assertThat(t.keyframeRetries()).isEqualTo(1L);
        assertThat(t.keyframesReceived()).isEqualTo(2L);
        assertThat(t.redReceived()).as("not counted for this track").isNull();
    }

    @Test
    void aCounterThatAppearsLaterCountsFromZero() {
        TrackSampler s = new TrackSampler(8);
        s.sample(0, 0, publisherAt(0, 0, 0, 0));
        TrackCounters now = publisherAt(50, 0, 50, 50);
        now.redReceived = 7;
        assertThat(s.sample(SECOND, 1000, now).redReceived()).isEqualTo(7L);
    }
}
