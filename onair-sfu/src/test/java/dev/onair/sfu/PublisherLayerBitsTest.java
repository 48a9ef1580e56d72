package dev.onair.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flight recorder's detail of a {@code publisher_layers} record: one bit per known rid, one for any other. */
class PublisherLayerBitsTest {
    @Test
    void oneBitPerRid() {
        assertThat(SfuMediaService.layerBits(List.of())).isZero();
        assertThat(SfuMediaService.layerBits(List.of("q"))).isEqualTo(1);
        assertThat(SfuMediaService.layerBits(List.of("q", "h"))).isEqualTo(3);
        assertThat(SfuMediaService.layerBits(List.of("f", "h", "q"))).isEqualTo(7);
        assertThat(SfuMediaService.layerBits(List.of("x", "q"))).isEqualTo(9);
    }
}
