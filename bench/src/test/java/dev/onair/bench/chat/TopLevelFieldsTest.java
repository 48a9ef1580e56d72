package dev.onair.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopLevelFieldsTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] KEYS = {"type", "kind", "text", "code", "seq", "duplicate", "from", "epoch", "x"};
    private static final String CHARS = "ab b0 9{}[],:é€😀\"\\\n";

    @Test
    void readsTheSameAsJacksonOnRandomObjects() throws IOException {
        Random random = new Random(6);
        int escaped = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] json = randomObject(random);
            BenchFrame fast = BenchFrame.parse(json, 0, json.length);
            BenchFrame reference = BenchFrame.parseWithJackson(json, 0, json.length);
            assertThat(fast).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(reference);
            if (TopLevelFields.read(json, 0, json.length) == TopLevelFields.ESCAPED) {
                escaped++;
            }
        }
        assertThat(escaped).as("some inputs take the fallback, most do not").isBetween(1000, 15_000);
    }

    @Test
    void readsAServerMessageFrameWithoutTheFallback() {
        byte[] json = ("{\"type\":\"msg\",\"seq\":41,\"epoch\":3,\"time\":1767225600000,\"kind\":\"chat\",\"from\":"
                + "{\"identity\":\"sender-0-1\"},\"clientMsgId\":\"m0-7\",\"text\":\"b 7 -12\"}")
                .getBytes(StandardCharsets.UTF_8);
        TopLevelFields f = TopLevelFields.read(json, 0, json.length);
        assertThat(f).isEqualTo(new TopLevelFields("msg", 41, "chat", "b 7 -12", null, false));
    }

    @Test
    void malformedInputReadsAsNothing() {
        for (String bad : new String[] {"", "{", "{\"type\"", "{\"type\":}", "{\"type\":\"msg\"", "[1]", "{\"a\":tru}",
            "{\"a\":{\"b\":[1,2}", "{\"type\":\"msg\"} x", "{\"seq\":99999999999999999999}", "{'a':1}"}) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertThat(TopLevelFields.read(b, 0, b.length)).as(bad).isNull();
            assertThat(BenchFrame.parse(b, 0, b.length).type()).as(bad).isEqualTo("unparseable");
        }
    }

    private static byte[] randomObject(Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            if (random.nextInt(4) == 0) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            int fields = random.nextInt(8);
            for (int f = 0; f < fields; f++) {
                g.writeFieldName(KEYS[random.nextInt(KEYS.length)]);
                value(g, random, 0);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void value(JsonGenerator g, Random random, int depth) throws IOException {
        switch (random.nextInt(depth < 2 ? 8 : 6)) {
            case 0, 1 -> g.writeString(randomString(random));
            case 2 -> g.writeNumber(random.nextLong() >> random.nextInt(64));
            case 3 -> g.writeNumber(random.nextDouble() * 1e6);
            case 4 -> g.writeBoolean(random.nextBoolean());
            case 5 -> g.writeNull();
            case 6 -> {
                g.writeStartObject();
                for (int k = random.nextInt(3); k > 0; k--) {
                    g.writeFieldName(randomString(random));
                    value(g, random, depth + 1);
                }
                g.writeEndObject();
            }
            default -> {
                g.writeStartArray();
                for (int k = random.nextInt(3); k > 0; k--) {
                    value(g, random, depth + 1);
                }
                g.writeEndArray();
            }
        }
    }

    private static String randomString(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(6);
        int[] cps = CHARS.codePoints().toArray();
        for (int k = 0; k < n; k++) {
            b.appendCodePoint(random.nextInt(3) == 0 ? cps[random.nextInt(cps.length)] : 'a' + random.nextInt(26));
        }
        return b.toString();
    }
}
