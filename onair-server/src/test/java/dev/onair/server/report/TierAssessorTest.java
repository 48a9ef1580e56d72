package dev.onair.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.sfu.api.QualityAssessor;
import dev.onair.sfu.api.SessionReport.TrackSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live tier from per-second ticks under a manual clock: unknown before packets, then scored, then lost. */
class TierAssessorTest {
    private static final long SECOND_NANOS = 1_000_000_000L;

    private static TrackSample audio(double packetRate, double lossPercent, double rttMillis) {
        return new TrackSample(0, 1000, 40_000, packetRate, lossPercent, lossPercent, 5.0, rttMillis, 0, 0, 0, 0, 0,
                0, null, null, 0);
    }

    private static QualityAssessor.Tick tick(TrackSample s) {
        return new QualityAssessor.Tick(s.packetRate(), List.of(new QualityAssessor.TrackTick("audio", "out", s)));
    }

    @Test
    void unknownUntilPacketsThenTheTierOfTheSamplesThenLost() {
        QualityAssessor.Judge judge = TierAssessor.withDefaults().newJudge();
        assertThat(judge.update(new QualityAssessor.Tick(0, List.of()), SECOND_NANOS)).as("nothing yet").isNull();

        QualityAssessor.Verdict clean = judge.update(tick(audio(50, 0, 40)), 2 * SECOND_NANOS);
        assertThat(clean.tier()).isEqualTo("excellent");
        assertThat(clean.score()).as("E-model R of clean Opus").isBetween(80.0, 100.0);

        QualityAssessor.Verdict lossy = null;
        for (int s = 3; s <= 6; s++) {
            lossy = judge.update(tick(audio(50, 20, 400)), s * SECOND_NANOS);
        }
        assertThat(lossy.tier()).as("20 %% loss held past the downgrade dwell").isEqualTo("poor");
        assertThat(lossy.score()).isLessThan(clean.score());
        assertThat(clean.mos()).as("mean audio MOS").isBetween(4.0, 4.5);
        assertThat(lossy.mos()).isLessThan(clean.mos());

        QualityAssessor.Verdict silent = null;
        for (int s = 7; s <= 12; s++) {
            silent = judge.update(new QualityAssessor.Tick(0, List.of()), s * SECOND_NANOS);
        }
        assertThat(silent.tier()).as("no packet for 5 s").isEqualTo("lost");
        assertThat(silent.score()).as("no sample, no score").isNull();
        assertThat(silent.mos()).as("no audio, no MOS").isNull();
    }

    @Test
    void theScoreIsTheLowerKnownMeasure() {
        assertThat(TierAssessor.score(Double.NaN, Double.NaN)).isNull();
        assertThat(TierAssessor.score(70.04, Double.NaN)).isEqualTo(70.0);
        assertThat(TierAssessor.score(90, 55.55)).isEqualTo(55.6);
    }
}
