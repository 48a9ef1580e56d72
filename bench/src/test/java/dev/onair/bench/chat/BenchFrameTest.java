package dev.onair.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchFrameTest {
    @Test
    void readsABenchmarkChatMessage() {
        BenchFrame f = BenchFrame.parse("{\"type\":\"msg\",\"seq\":5,\"epoch\":9,\"time\":1767225600000,\"kind\":\"chat\","
                + "\"from\":{\"identity\":\"sender-0-1\",\"name\":\"x\"},\"clientMsgId\":\"m0-7\",\"text\":\""
                + BenchFrame.benchText(7, -123456789L) + "\"}");
        assertThat(f.type()).isEqualTo("msg");
        assertThat(f.seq()).isEqualTo(5);
        assertThat(f.benchIndex()).isEqualTo(7);
        assertThat(f.sendNanos()).isEqualTo(-123456789L);
    }

    @Test
    void otherMessagesAreNotBenchmarkMessages() {
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":1,\"kind\":\"presence\",\"state\":\"joined\"}")
                .benchIndex()).isEqualTo(-1);
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":2,\"kind\":\"chat\",\"text\":\"b x 1\"}")
                .benchIndex()).isEqualTo(-1);
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":2,\"kind\":\"chat\",\"text\":\"hello\"}")
                .benchIndex()).isEqualTo(-1);
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":2,\"kind\":\"chat\",\"text\":\"b -1 5\"}")
                .benchIndex()).isEqualTo(-1);
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":2,\"kind\":\"chat\",\"text\":\"b 1 5 6\"}")
                .benchIndex()).isEqualTo(-1);
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":2,\"kind\":\"chat\",\"text\":\"w 1 5\"}")
                .benchIndex()).as("a warm-up message").isEqualTo(-1);
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":2,\"kind\":\"chat\",\"text\":\"w 1\"}").isWarmup())
                .isTrue();
        assertThat(BenchFrame.parse("{\"type\":\"msg\",\"seq\":2,\"kind\":\"chat\",\"text\":\"b 1 5\"}").isWarmup())
                .isFalse();
    }

    @Test
    void readsAnErrorCodeAndSurvivesGarbage() {
        assertThat(BenchFrame.parse("{\"type\":\"error\",\"code\":\"rate_limited\",\"retryAfterMillis\":200}").code())
                .isEqualTo("rate_limited");
        assertThat(BenchFrame.parse("not json").type()).isEqualTo("unparseable");
        assertThat(BenchFrame.parse("[1,2]").type()).isEqualTo("unparseable");
        assertThat(BenchFrame.parse("{\"seq\":1}").type()).isEqualTo("unparseable");
    }

    @Test
    void parsesUtf8BytesInARangeAndAckDuplicates() {
        byte[] utf8 = ("xx{\"type\":\"msg\",\"seq\":12,\"kind\":\"chat\",\"from\":{\"identity\":\"\u00e9\"},\"text\":\""
                + BenchFrame.benchText(3, 99L) + "\"}yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BenchFrame f = BenchFrame.parse(utf8, 2, utf8.length - 4);
        assertThat(f.seq()).isEqualTo(12);
        assertThat(f.benchIndex()).isEqualTo(3);
        assertThat(f.sendNanos()).isEqualTo(99L);
        assertThat(BenchFrame.parse("{\"type\":\"ack\",\"clientMsgId\":\"a\",\"seq\":1,\"duplicate\":true}")
                .duplicate()).isTrue();
        assertThat(BenchFrame.parse("{\"type\":\"ack\",\"clientMsgId\":\"a\",\"seq\":1,\"duplicate\":false}")
                .duplicate()).isFalse();
    }
}
