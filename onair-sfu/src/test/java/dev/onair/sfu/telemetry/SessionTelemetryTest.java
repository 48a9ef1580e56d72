package dev.onair.sfu.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onair.sfu.api.SessionReport.SessionSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTelemetryTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void sessionSampleDifferencesTransportAndFeedbackCounters() {
        SessionTelemetry t = new SessionTelemetry(10);
        assertThat(t.sampleSession(0, 0, 0, 10, 20, 1, 2, 3, 4)).isNull();
        SessionSample s = t.sampleSession(2 * SECOND, 2000, 64_000, 210, 60, 1, 5, 3, 9);
        assertThat(s.packetRateIn()).isCloseTo(100.0, within(1e-9));
        assertThat(s.packetRateOut()).isCloseTo(20.0, within(1e-9));
        assertThat(s.bitrateBps()).isEqualTo(64_000);
        assertThat(s.nackReceived()).isZero();
        assertThat(s.pliReceived()).isEqualTo(3);
        assertThat(s.queueDrops()).isEqualTo(5);
        assertThat(t.sessionSamples()).containsExactly(s);
    }

    @Test
    void tracksGoneAtATickAreForgotten() {
        SessionTelemetry t = new SessionTelemetry(10);
        t.sampleTrack("0", 0, 0, t.counters());
        t.sampleTrack("1", 0, 0, t.counters());
        t.sampleTrack("0", SECOND, 0, t.counters());
        t.sampleTrack("1", SECOND, 0, t.counters());
        assertThat(t.trackSamples("1")).hasSize(1);
        t.retainTracks(List.of("0"));
        assertThat(t.trackSamples("1")).isEmpty();
        assertThat(t.trackSamples("0")).hasSize(1);
    }

    @Test
    void countersAreClearedForEachTrack() {
        SessionTelemetry t = new SessionTelemetry(10);
        TrackCounters c = t.counters();
        c.packets = 5;
        c.rttMillis = 3;
        assertThat(t.counters().packets).isZero();
        assertThat(t.counters().rttMillis).isNaN();
    }
}
