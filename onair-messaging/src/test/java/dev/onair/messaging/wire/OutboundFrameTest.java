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
    void aDerivedFormIsComputedOncePerFunction() {
        OutboundFrame f = OutboundFrame.of("{}");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<OutboundFrame, String> framed = x -> {
            calls.incrementAndGet();
            return "[" + x.text() + "]";
        };
        assertThat(f.derived(framed)).isEqualTo("[{}]");
        assertThat(f.derived(framed)).isEqualTo("[{}]");
        assertThat(calls).hasValue(1);
        assertThat(f.<Integer>derived(OutboundFrame::byteLength)).as("another function: computed, not kept")
                .isEqualTo(2);
        assertThat(f.derived(framed)).isEqualTo("[{}]");
        assertThat(calls).as("the first function's value is still kept").hasValue(1);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> OutboundFrame.of(null)).isInstanceOf(NullPointerException.class);
    }
}
