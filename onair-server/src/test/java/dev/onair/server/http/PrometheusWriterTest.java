package dev.onair.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusWriterTest {
    @Test
    void writesHelpTypeAndSamples() {
        String text = new PrometheusWriter()
                .family("onair_x", "counter", "An x.\nSecond line")
                .sample("onair_x", 3)
                .sample("onair_x", "code", "a\"b\\c", 4)
                .toString();
        assertThat(text).isEqualTo("""
                # HELP onair_x An x.\\nSecond line
                # TYPE onair_x counter
                onair_x 3
                onair_x{code="a\\"b\\\\c"} 4
                """);
    }
}
