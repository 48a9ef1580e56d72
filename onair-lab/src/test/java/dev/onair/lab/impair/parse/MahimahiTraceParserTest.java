package dev.onair.lab.impair.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.lab.impair.MahimahiTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MahimahiTraceParserTest {

    @Test
    void parsesTimestampsToleratingBlankLinesCommentsAndCrlf() {
        ParseResult<MahimahiTrace> result = MahimahiTraceParser.parse("t", "# 4 opportunities / 10 ms\r\n1\r\n1\n\n5\n 10 \n");
        assertThat(result.error()).isNull();
        MahimahiTrace trace = result.value();
        assertThat(trace.opportunitiesPerPeriod()).isEqualTo(4);
        assertThat(trace.periodNanos()).isEqualTo(10_000_000);
        assertThat(trace.meanRateBps()).isEqualTo(4 * 1500 * 8 * 100.0);
        assertThat(trace.opportunityTimeNanos(5)).isEqualTo(11_000_000); // second loop, second entry
    }

    @Test
    void badLinesGiveTheLineNumber() {
        assertThat(MahimahiTraceParser.parse("t", "1\n2\nabc\n").error())
                .isEqualTo("trace 't' line 3: 'abc' is not a millisecond timestamp (a non-negative integer below 2^31)");
        assertThat(MahimahiTraceParser.parse("t", "1\n-4\n").error()).startsWith("trace 't' line 2: '-4'");
        assertThat(MahimahiTraceParser.parse("t", "1\n2.5\n").error()).startsWith("trace 't' line 2: '2.5'");
        assertThat(MahimahiTraceParser.parse("t", "1\n99999999999\n").error()).startsWith("trace 't' line 2:");
        assertThat(MahimahiTraceParser.parse("t", "5\n\n3\n").error())
                .isEqualTo("trace 't' line 3: 3 is earlier than the previous timestamp 5 (timestamps must not decrease)");
        assertThat(MahimahiTraceParser.parse("t", "\n# nothing\n").error()).contains("no timestamps");
        assertThat(MahimahiTraceParser.parse("t", "0\n0\n").error()).contains("last timestamp must be > 0");
    }

    @Test
    void readsFilesAndReportsUnreadableOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("link.trace");
        Files.writeString(file, "3\n6\n");
        assertThat(MahimahiTraceParser.parse(file).value().name()).isEqualTo("link.trace");
        assertThat(MahimahiTraceParser.parse(dir.resolve("missing.trace")).error())
                .startsWith("trace '").contains("missing.trace': cannot read");
    }
}
