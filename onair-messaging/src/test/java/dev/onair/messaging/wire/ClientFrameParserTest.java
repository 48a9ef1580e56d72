package dev.onair.messaging.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.store.MessageKind;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ClientFrameParserTest {
    private final ErrorCounters counters = new ErrorCounters();
    private final ClientFrameParser parser = new ClientFrameParser(counters);

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("", ErrorCode.MALFORMED_JSON),
                Arguments.of("{", ErrorCode.MALFORMED_JSON),
                Arguments.of("not json", ErrorCode.MALFORMED_JSON),
                Arguments.of("[1,2]", ErrorCode.MALFORMED_JSON),
                Arguments.of("null", ErrorCode.MALFORMED_JSON),
                Arguments.of("\"send\"", ErrorCode.MALFORMED_JSON),
                Arguments.of("{} {}", ErrorCode.MALFORMED_JSON),
                Arguments.of("{\"type\":\"send\",\"type\":\"resume\"}", ErrorCode.MALFORMED_JSON),
                Arguments.of("[".repeat(100) + "]".repeat(100), ErrorCode.MALFORMED_JSON),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\""
                        + "x".repeat(17_000) + "\"}", ErrorCode.PAYLOAD_TOO_LARGE),
                Arguments.of("{\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"hi\"}", ErrorCode.UNKNOWN_TYPE),
                Arguments.of("{\"type\":7}", ErrorCode.UNKNOWN_TYPE),
                Arguments.of("{\"type\":\"shout\"}", ErrorCode.UNKNOWN_TYPE),
                Arguments.of("{\"type\":\"send\",\"clientMsgId\":\"c1\",\"text\":\"hi\"}", ErrorCode.UNKNOWN_KIND),
                Arguments.of("{\"type\":\"send\",\"kind\":\"poke\",\"clientMsgId\":\"c1\"}", ErrorCode.UNKNOWN_KIND),
                Arguments.of("{\"type\":\"send\",\"kind\":\"delete\",\"clientMsgId\":\"c1\"}", ErrorCode.UNKNOWN_KIND),
                Arguments.of("{\"type\":\"send\",\"kind\":\"CHAT\",\"clientMsgId\":\"c1\",\"text\":\"x\"}",
                        ErrorCode.UNKNOWN_KIND),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"\"}",
                        ErrorCode.EMPTY_TEXT),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"  \\n\\t\"}",
                        ErrorCode.EMPTY_TEXT),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\"}", ErrorCode.EMPTY_TEXT),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":5}",
                        ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\""
                        + "a".repeat(2_001) + "\"}", ErrorCode.TEXT_TOO_LONG),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\""
                        + "\uD83D\uDE00".repeat(2_001) + "\"}", ErrorCode.TEXT_TOO_LONG),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"a\\ud800b\"}",
                        ErrorCode.INVALID_UNICODE),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"a\\udc00\"}",
                        ErrorCode.INVALID_UNICODE),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"ok\","
                        + "\"x\":{\"\\ud800\":1}}", ErrorCode.INVALID_UNICODE),
                Arguments.of("{\"type\":\"send\",\"kind\":\"event\",\"clientMsgId\":\"c1\",\"data\":[\"\uD800\"]}",
                        ErrorCode.INVALID_UNICODE),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"hi\","
                        + "\"from\":\"alice\"}", ErrorCode.FORGED_SENDER),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"hi\","
                        + "\"sender\":{\"identity\":\"admin\"}}", ErrorCode.FORGED_SENDER),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"text\":\"hi\"}", ErrorCode.MISSING_CLIENT_MSG_ID),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"\",\"text\":\"hi\"}",
                        ErrorCode.MISSING_CLIENT_MSG_ID),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":12,\"text\":\"hi\"}",
                        ErrorCode.MISSING_CLIENT_MSG_ID),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"" + "c".repeat(65)
                        + "\",\"text\":\"hi\"}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"a\\u0000b\",\"text\":\"hi\"}",
                        ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"dm\",\"clientMsgId\":\"c1\",\"text\":\"hi\"}",
                        ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"dm\",\"clientMsgId\":\"c1\",\"to\":\" \",\"text\":\"hi\"}",
                        ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"dm\",\"clientMsgId\":\"c1\",\"to\":\"bob\",\"text\":\"\"}",
                        ErrorCode.EMPTY_TEXT),
                Arguments.of("{\"type\":\"send\",\"kind\":\"reaction\",\"clientMsgId\":\"c1\"}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"reaction\",\"clientMsgId\":\"c1\",\"name\":\"Heart\"}",
                        ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"effect\",\"clientMsgId\":\"c1\",\"name\":\""
                        + "a".repeat(33) + "\"}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"effect\",\"clientMsgId\":\"c1\",\"name\":\"confetti\","
                        + "\"params\":[1]}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"effect\",\"clientMsgId\":\"c1\",\"name\":\"confetti\","
                        + "\"params\":{\"s\":\"" + "p".repeat(510) + "\"}}", ErrorCode.PAYLOAD_TOO_LARGE),
                Arguments.of("{\"type\":\"send\",\"kind\":\"event\",\"clientMsgId\":\"c1\"}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"event\",\"clientMsgId\":\"c1\",\"data\":null}",
                        ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"event\",\"clientMsgId\":\"c1\",\"data\":{\"s\":\""
                        + "e".repeat(8_190) + "\"}}", ErrorCode.PAYLOAD_TOO_LARGE),
                Arguments.of("{\"type\":\"send\",\"kind\":\"presence\",\"state\":\"joined\"}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"send\",\"kind\":\"presence\"}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"resume\",\"epoch\":1}", ErrorCode.BAD_RESUME),
                Arguments.of("{\"type\":\"resume\",\"epoch\":1,\"lastSeq\":-1}", ErrorCode.BAD_RESUME),
                Arguments.of("{\"type\":\"resume\",\"epoch\":-5,\"lastSeq\":1}", ErrorCode.BAD_RESUME),
                Arguments.of("{\"type\":\"resume\",\"epoch\":\"1\",\"lastSeq\":1}", ErrorCode.BAD_RESUME),
                Arguments.of("{\"type\":\"resume\",\"epoch\":1,\"lastSeq\":1.5}", ErrorCode.BAD_RESUME),
                Arguments.of("{\"type\":\"resume\",\"epoch\":1,\"lastSeq\":99999999999999999999999}",
                        ErrorCode.BAD_RESUME),
                Arguments.of("{\"type\":\"delete\",\"seq\":0}", ErrorCode.INVALID_FIELD),
                Arguments.of("{\"type\":\"delete\"}", ErrorCode.INVALID_FIELD));
    }

    @ParameterizedTest
    @MethodSource("badFrames")
    void refusesBadFramesWithAReasonAndCountsThem(String frame, ErrorCode expected) {
        ParseResult r = parser.parse(frame);
        assertThat(r).isInstanceOf(FrameError.class);
        FrameError e = (FrameError) r;
        assertThat(e.code()).isEqualTo(expected);
        assertThat(e.reason()).isNotBlank().doesNotContain("\n");
        assertThat(counters.get(expected)).isEqualTo(1);
        assertThat(counters.total()).isEqualTo(1);
    }

    @Test
    void parsesChatIntoACanonicalBody() {
        ParseResult r = parser.parse("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"hi \uD83D\uDE00\","
                + "\"extra\":1}");
        assertThat(r).isEqualTo(new ClientCommand.Send(MessageKind.CHAT, "c1", null, "{\"text\":\"hi \uD83D\uDE00\"}"));
        assertThat(counters.total()).isZero();
    }

    @Test
    void acceptsTextOfExactly2000CodePointsEvenWhenMoreChars() {
        String text = "\uD83D\uDE00".repeat(2_000);
        ParseResult r = parser.parse("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"" + text + "\"}");
        assertThat(r).isInstanceOf(ClientCommand.Send.class);
    }

    @Test
    void parsesDm() {
        assertThat(parser.parse("{\"type\":\"send\",\"kind\":\"dm\",\"clientMsgId\":\"c1\",\"to\":\"bob\",\"text\":\"psst\"}"))
                .isEqualTo(new ClientCommand.Send(MessageKind.DM, "c1", "bob", "{\"text\":\"psst\"}"));
    }

    @Test
    void parsesReactionAndEffectWithParams() {
        assertThat(parser.parse("{\"type\":\"send\",\"kind\":\"reaction\",\"clientMsgId\":\"r1\",\"name\":\"heart\"}"))
                .isEqualTo(new ClientCommand.Send(MessageKind.REACTION, "r1", null,
                        "{\"name\":\"heart\",\"params\":{}}"));
        assertThat(parser.parse("{\"type\":\"send\",\"kind\":\"effect\",\"clientMsgId\":\"e1\",\"name\":\"sticker_1\","
                + "\"params\": {\"x\": 0.25, \"y\": 1e3}}"))
                .isEqualTo(new ClientCommand.Send(MessageKind.EFFECT, "e1", null,
                        "{\"name\":\"sticker_1\",\"params\":{\"x\":0.25,\"y\":1E+3}}"));
    }

    @Test
    void parsesEventDataAsCompactJson() {
        assertThat(parser.parse("{\"type\":\"send\",\"kind\":\"event\",\"clientMsgId\":\"v1\",\"data\": { \"poll\" : "
                + "[1, 2, {\"a\": true}] } }"))
                .isEqualTo(new ClientCommand.Send(MessageKind.EVENT, "v1", null,
                        "{\"data\":{\"poll\":[1,2,{\"a\":true}]}}"));
    }

    @Test
    void parsesPresenceResumeAndDelete() {
        assertThat(parser.parse("{\"type\":\"send\",\"kind\":\"presence\",\"state\":\"typing\"}"))
                .isEqualTo(new ClientCommand.Presence("typing"));
        assertThat(parser.parse("{\"type\":\"resume\",\"epoch\":1767225600000123,\"lastSeq\":42}"))
                .isEqualTo(new ClientCommand.Resume(1_767_225_600_000_123L, 42));
        assertThat(parser.parse("{\"type\":\"resume\",\"epoch\":0,\"lastSeq\":0}"))
                .isEqualTo(new ClientCommand.Resume(0, 0));
        assertThat(parser.parse("{\"type\":\"delete\",\"seq\":7}")).isEqualTo(new ClientCommand.Delete(7));
    }

    @Test
    void echoesTheClientMsgIdInErrorsWhenReadable() {
        FrameError e = (FrameError) parser.parse("{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c9\",\"text\":\"\"}");
        assertThat(e.clientMsgId()).isEqualTo("c9");
    }

    @Test
    void tenThousandMutatedFramesNeverThrowAndAlwaysYieldACommandOrAnError() {
        List<String> seeds = List.of(
                "{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"c1\",\"text\":\"hi \uD83D\uDE00\"}",
                "{\"type\":\"send\",\"kind\":\"dm\",\"clientMsgId\":\"c2\",\"to\":\"bob\",\"text\":\"psst\"}",
                "{\"type\":\"send\",\"kind\":\"effect\",\"clientMsgId\":\"e\",\"name\":\"confetti\",\"params\":{\"x\":1}}",
                "{\"type\":\"send\",\"kind\":\"event\",\"clientMsgId\":\"v\",\"data\":{\"a\":[1,2.5,null,\"s\"]}}",
                "{\"type\":\"send\",\"kind\":\"presence\",\"state\":\"typing\"}",
                "{\"type\":\"resume\",\"epoch\":12,\"lastSeq\":3}",
                "{\"type\":\"delete\",\"seq\":3}");
        String alphabet = "{}[]\":,\\ 0123456789-.eEtruefalsnl\uD800\uDC00\u00e9\u0000abc";
        SplittableRandom random = new SplittableRandom(20_261_126L);
        int commands = 0;
        int errors = 0;
        for (int i = 0; i < 10_000; i++) {
            StringBuilder frame = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(6);
            for (int k = 0; k < edits; k++) {
                int at = frame.isEmpty() ? 0 : random.nextInt(frame.length());
                switch (random.nextInt(4)) {
                    case 0 -> frame.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (!frame.isEmpty()) {
                            frame.deleteCharAt(at);
                        }
                    }
                    case 2 -> {
                        if (!frame.isEmpty()) {
                            frame.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                    default -> frame.setLength(at);
                }
            }
            ParseResult r = parser.parse(frame.toString());
            assertThat(r).as(frame.toString()).isNotNull();
            if (r instanceof ClientCommand) {
                commands++;
            } else {
                FrameError e = (FrameError) r;
                assertThat(e.reason()).isNotBlank().doesNotContain("\n");
                errors++;
            }
        }
        assertThat(commands + errors).isEqualTo(10_000);
        assertThat(errors).as("most mutations break the frame").isGreaterThan(5_000);
        assertThat(commands).as("some survive").isGreaterThan(100);
        assertThat(counters.total()).isEqualTo(errors);
    }
}
