package dev.onair.sfu.simulcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RidLayersTest {

    @Test
    void indexIsThePositionInTheSimulcastListLookedUpFromBytes() {
        RidLayers r = new RidLayers(List.of("q", "h", "f"));
        byte[] b = "xxhfq".getBytes(StandardCharsets.US_ASCII);
        assertThat(r.layerCount()).isEqualTo(3);
        assertThat(r.indexOf(b, 4, 1)).isZero();
        assertThat(r.indexOf(b, 2, 1)).isEqualTo(1);
        assertThat(r.indexOf(b, 3, 1)).isEqualTo(2);
        assertThat(r.indexOf(b, 2, 2)).as("\"hf\" is no rid").isEqualTo(-1);
        assertThat(r.rid(2)).isEqualTo("f");
    }

    @Test
    void withoutSimulcastOneLayerAndAtMostThree() {
        assertThat(new RidLayers(List.of()).layerCount()).isEqualTo(1);
        assertThat(new RidLayers(List.of()).isSimulcast()).isFalse();
        assertThat(new RidLayers(List.of()).rid(0)).isNull();
        assertThat(new RidLayers(List.of("a", "b", "c", "d")).layerCount()).isEqualTo(RidLayers.MAX_LAYERS);
    }
}
