package dev.onair.sfu.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyframeRequesterTest {
    @Test
    void atMostOneRequestPer500Millis() {
        KeyframeRequester k = new KeyframeRequester(KeyframeRequester.DEFAULT_MIN_INTERVAL_NANOS);
        assertThat(k.tryRequest(0)).isTrue();
        assertThat(k.tryRequest(100_000_000L)).isFalse();
        assertThat(k.tryRequest(499_999_999L)).isFalse();
        assertThat(k.tryRequest(500_000_000L)).isTrue();
        assertThat(k.requested()).isEqualTo(4);
        assertThat(k.sent()).isEqualTo(2);
    }
}
