package dev.onair.lab.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MosMappingTest {

    @Test
    void knownPointsOfAnnexB() {
        // G.107 Annex B (R -> MOS_CQE), worked by hand and rounded to 0.01: 93.2 -> 4.41, 90 -> 4.34, 80 -> 4.02,
        // 70 -> 3.60, 60 -> 3.10, 50 -> 2.58
        assertThat(MosMapping.mosFromRating(93.2)).isCloseTo(4.41, within(0.005));
        assertThat(MosMapping.mosFromRating(90)).isCloseTo(4.34, within(0.005));
        assertThat(MosMapping.mosFromRating(80)).isCloseTo(4.02, within(0.005));
        assertThat(MosMapping.mosFromRating(70)).isCloseTo(3.60, within(0.005));
        assertThat(MosMapping.mosFromRating(60)).isCloseTo(3.10, within(0.005));
        assertThat(MosMapping.mosFromRating(50)).isCloseTo(2.58, within(0.005));
    }

    @Test
    void endsAreClamped() {
        assertThat(MosMapping.mosFromRating(-10)).isEqualTo(1.0);
        assertThat(MosMapping.mosFromRating(0)).isEqualTo(1.0);
        assertThat(MosMapping.mosFromRating(3)).isGreaterThanOrEqualTo(1.0);
        assertThat(MosMapping.mosFromRating(100)).isEqualTo(4.5);
        assertThat(MosMapping.mosFromRating(150)).isEqualTo(4.5);
        assertThat(MosMapping.mosFromRating(Double.NaN)).isEqualTo(1.0);
    }

    @Test
    void monotoneInRating() {
        double previous = 0;
        for (double r = -5; r <= 105; r += 0.1) {
            double mos = MosMapping.mosFromRating(r);
            assertThat(mos).as("R %s", r).isGreaterThanOrEqualTo(previous);
            previous = mos;
        }
    }
}
