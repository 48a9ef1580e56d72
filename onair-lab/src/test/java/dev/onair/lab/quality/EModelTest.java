package dev.onair.lab.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EModelTest {

    private final EModel model = EModel.withDefaults();

    @Test
    void defaultsGiveTheRatingG107StatesForNoImpairment() {
        // G.107 §7.7: with all default values R = 93.2 (Ro = 94.77, Is = 1.41, Id = 0.15 at T = 0).
        AudioScore score = model.score(new AudioConditions(0, 0, 1, CodecImpairment.G711_PLC));
        assertThat(score.rating()).isCloseTo(93.2, within(0.5));
        assertThat(model.basicSignalToNoise()).isCloseTo(94.77, within(0.05));
        assertThat(model.simultaneousImpairment(0)).isCloseTo(1.41, within(0.05));
        assertThat(score.mos()).isCloseTo(4.41, within(0.01));
    }

    @Test
    void absoluteDelayImpairmentIsZeroUpTo100MillisThenFollowsG107() {
        assertThat(EModel.absoluteDelayImpairment(0)).isZero();
        assertThat(EModel.absoluteDelayImpairment(100)).isZero();
        // Idd by hand from the G.107 formula (X = log2(Ta/100)): 150 ms -> 0.16, 300 ms -> 14.7, 400 ms -> 24.1.
        assertThat(EModel.absoluteDelayImpairment(150)).isCloseTo(0.16, within(0.05));
        assertThat(EModel.absoluteDelayImpairment(300)).isCloseTo(14.73, within(0.1));
        assertThat(EModel.absoluteDelayImpairment(400)).isCloseTo(24.07, within(0.1));
    }

    @Test
    void delayImpairmentMatchesColeAndRosenbluthsFitOfTheG107DelayCurve() {
        // Cole & Rosenbluth (2001) fitted the default-parameter G.107 curve with
        // Id = 0.024 d + 0.11 (d - 177.3) H(d - 177.3); within 0.5 R in the range they fitted well.
        for (double d : new double[] {50, 100, 150, 200, 250, 300}) {
            double fit = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
            assertThat(model.delayImpairment(d)).as("Id at %s ms", d).isCloseTo(fit, within(0.5 + 0.0));
        }
    }

    @Test
    void ratingAtG114PlanningDelays() {
        // G.114: up to 150 ms one way most applications are unaffected; 400 ms is the planning upper bound.
        double at150 = model.score(AudioConditions.opus(150, 0)).rating();
        double at400 = model.score(AudioConditions.opus(400, 0)).rating();
        assertThat(at150).isGreaterThan(89).isLessThan(90.5);
        assertThat(at400).isLessThan(at150 - 25);
    }

    @Test
    void effectiveEquipmentImpairmentFollowsTheG107Formula() {
        // Ie,eff = Ie + (95 - Ie) Ppl / (Ppl / BurstR + Bpl)
        assertThat(EModel.effectiveEquipmentImpairment(CodecImpairment.G711_PLC, 0, 1)).isZero();
        assertThat(EModel.effectiveEquipmentImpairment(CodecImpairment.G711_PLC, 2, 1))
                .isCloseTo(95.0 * 2 / (2 + 25.1), within(1e-9));
        assertThat(EModel.effectiveEquipmentImpairment(new CodecImpairment(11, 19), 5, 2))
                .isCloseTo(11 + 84.0 * 5 / (2.5 + 19), within(1e-9));
        // all packets lost: 95 whatever the codec
        assertThat(EModel.effectiveEquipmentImpairment(CodecImpairment.OPUS, 100, 1))
                .isCloseTo(95 * 100 / (100 + 25.1), within(1e-9));
    }

    @Test
    void lossMovesTheRatingByG711PlcSlope() {
        // 1 % random loss with Bpl 25.1 costs 95/26.1 = 3.64 R: "about 4 R per percent with PLC" for low loss.
        double r0 = model.score(AudioConditions.opus(0, 0)).rating();
        double r1 = model.score(AudioConditions.opus(0, 1)).rating();
        assertThat(r0 - r1).isCloseTo(3.64, within(0.05));
    }

    @Test
    void burstyLossHurtsMoreThanRandomLoss() {
        double random = model.score(new AudioConditions(50, 5, 1, CodecImpairment.OPUS)).mos();
        double bursty = model.score(new AudioConditions(50, 5, 3, CodecImpairment.OPUS)).mos();
        assertThat(bursty).isLessThan(random);
    }

    @Test
    void mosFallsMonotonicallyWithLossOverAGrid() {
        for (double delay = 0; delay <= 600; delay += 50) {
            for (double burst : new double[] {1, 1.5, 3, 10}) {
                double previous = Double.POSITIVE_INFINITY;
                for (double loss = 0; loss <= 60; loss += 0.25) {
                    double mos = model.score(new AudioConditions(delay, loss, burst, CodecImpairment.OPUS)).mos();
                    assertThat(mos).as("delay %s burst %s loss %s", delay, burst, loss)
                            .isLessThanOrEqualTo(previous);
                    previous = mos;
                }
                assertThat(previous).isLessThan(model.score(
                        new AudioConditions(delay, 0, burst, CodecImpairment.OPUS)).mos());
            }
        }
    }

    @Test
    void mosFallsMonotonicallyWithDelay() {
        for (double loss : new double[] {0, 1, 5, 20}) {
            double previous = Double.POSITIVE_INFINITY;
            for (double delay = 0; delay <= 2000; delay += 5) {
                double mos = model.score(AudioConditions.opus(delay, loss)).mos();
                assertThat(mos).as("loss %s delay %s", loss, delay).isLessThanOrEqualTo(previous + 1e-12);
                previous = mos;
            }
            assertThat(previous).isLessThan(model.score(AudioConditions.opus(0, loss)).mos());
        }
    }

    @Test
    void networkConditionsUseHalfTheRttPlusTheJitterBuffer() {
        AudioConditions c = AudioConditions.fromNetwork(200, 40, 2, 1, CodecImpairment.OPUS);
        assertThat(c.oneWayDelayMillis()).isEqualTo(140);
        assertThat(model.score(c).mos()).isEqualTo(model.score(AudioConditions.opus(140, 2)).mos());
    }

    @Test
    void nonsenseInputIsClampedAndCountsAsWorstWhenUnknown() {
        AudioScore nan = model.score(new AudioConditions(Double.NaN, Double.NaN, Double.NaN, CodecImpairment.OPUS));
        assertThat(nan.mos()).isEqualTo(MosMapping.MIN_MOS);
        AudioScore negative = model.score(new AudioConditions(-5, -3, -1, CodecImpairment.OPUS));
        assertThat(negative.rating()).isEqualTo(model.score(AudioConditions.opus(0, 0)).rating());
        assertThat(model.score(AudioConditions.opus(1e9, 0)).rating())
                .isEqualTo(model.score(AudioConditions.opus(EModel.MAX_DELAY_MILLIS, 0)).rating());
    }

    @Test
    void advantageFactorRaisesTheRating() {
        EModel mobile = new EModel(EModelParameters.defaults().withAdvantageFactor(5));
        assertThat(mobile.score(AudioConditions.opus(200, 3)).rating())
                .isCloseTo(model.score(AudioConditions.opus(200, 3)).rating() + 5, within(1e-9));
    }
}
