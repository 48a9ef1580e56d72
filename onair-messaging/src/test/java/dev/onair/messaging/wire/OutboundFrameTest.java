package dev.onair.messaging.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboundFrameTest {
    @Test
    void holdsTheTextAndItsUtf8EncodingOnce() {
        OutboundFrame f = OutboundFrame.of("{\"text\":\"é€😀\"}");
        assertThat(f.text()).isEqualTo("{\"text\":\"é€😀\"}");
        assertThat(f.sharedUtf8()).isEqualTo("{\"text\":\"é€😀\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(f.byteLength()).as("2 + 3 + 4 bytes for the three non-ASCII characters").isEqualTo(11 + 9);
        assertThat(f.sharedUtf8()).as("the same array for every receiver").isSameAs(f.sharedUtf8());
        assertThat(f).hasToString(f.text());
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> OutboundFrame.of(null)).isInstanceOf(NullPointerException.class);
    }
}
