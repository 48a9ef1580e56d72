package dev.onair.sfu.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LayerForViewTest {
    private static final int[] W = {320, 640, 1280};
    private static final int[] H = {180, 360, 720};

    @Test
    void theLowestLayerAtLeastAsLargeAsTheViewIsEnough() {
        assertThat(LayerForView.maxLayer(W, H, 320, 180)).isEqualTo(0);
        assertThat(LayerForView.maxLayer(W, H, 360, 200)).as("320 is 89 %% of 360: q is enough").isEqualTo(0);
        assertThat(LayerForView.maxLayer(W, H, 400, 225)).as("320 is 80 %% of 400: h")
                .isEqualTo(1);
        assertThat(LayerForView.maxLayer(W, H, 640, 360)).isEqualTo(1);
        assertThat(LayerForView.maxLayer(W, H, 700, 394)).as("640 is 91 %% of 700: close enough").isEqualTo(1);
        assertThat(LayerForView.maxLayer(W, H, 1280, 720)).isEqualTo(2);
        assertThat(LayerForView.maxLayer(W, H, 3840, 2160)).as("larger than every layer: the top").isEqualTo(2);
    }

    @Test
    void anUnknownViewTakesTheTopAndAHiddenOneNothing() {
        assertThat(LayerForView.maxLayer(W, H, -1, -1)).isEqualTo(2);
        assertThat(LayerForView.maxLayer(W, H, 0, 0)).isEqualTo(-1);
        assertThat(LayerForView.maxLayer(W, H, 640, 0)).isEqualTo(-1);
    }

    @Test
    void unknownLayerSizesAreHalvedFromTheKnownOneAbove() {
        int[] w = {0, 0, 1280};
        int[] h = {0, 0, 720};
        assertThat(LayerForView.maxLayer(w, h, 300, 170)).isEqualTo(0);
        assertThat(LayerForView.maxLayer(w, h, 600, 340)).isEqualTo(1);
        assertThat(LayerForView.maxLayer(new int[] {0, 0, 0}, new int[] {0, 0, 0}, 300, 170))
                .as("no size known at all: the top").isEqualTo(2);
        assertThat(LayerForView.maxLayer(new int[] {640}, new int[] {360}, 100, 100)).as("one layer").isEqualTo(0);
    }
}
