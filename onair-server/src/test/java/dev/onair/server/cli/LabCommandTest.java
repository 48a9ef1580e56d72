package dev.onair.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code onair lab} without a server: presets offline, usage errors, and an unreachable server. */
class LabCommandTest {
    private final CapturedCli cli = new CapturedCli();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.execute(args);
    }

    @Test
    void presetsListsEveryPresetWithItsParameters() {
        assertThat(run("lab", "presets")).isZero();
        String text = out.toString();
        assertThat(text.lines()).hasSize(5);
        assertThat(text).contains("lte-good", "3g", "wifi-crowded", "subway-handover");
        String congested = text.lines().filter(l -> l.startsWith("lte-congested ")).findFirst().orElseThrow();
        assertThat(congested).contains("rate 1.50 Mbit/s", "delay 60 ms ± 25 ms", "Gilbert-Elliott 3.00 %",
                "bursts of 3.0", "queue 400 ms", "in order");
        String subway = text.lines().filter(l -> l.startsWith("subway-handover ")).findFirst().orElseThrow();
        assertThat(subway).contains("at 25000 ms for 2000 ms: blackout", "repeats every 30000 ms");
    }

    @Test
    void setNeedsExactlyOneOfPresetAndScenarioAndTheTarget() {
        assertThat(run("lab", "set", "--token", "t", "--room", "r", "--identity", "i")).isEqualTo(2);
        assertThat(err.toString()).contains("--preset", "--scenario");
        assertThat(run("lab", "set", "--token", "t", "--room", "r", "--identity", "i", "--preset", "3g",
                "--scenario", "x.yaml")).isEqualTo(2);
        assertThat(run("lab", "get", "--room", "r", "--identity", "i")).isEqualTo(2);
        assertThat(err.toString()).contains("--token");
    }

    @Test
    void aBadDirectionOrAMissingScenarioFileIsAUsageErrorBeforeAnyRequest() {
        assertThat(run("lab", "set", "--url", "http://127.0.0.1:1", "--token", "t", "--room", "r", "--identity", "i",
                "--preset", "3g", "--direction", "sideways")).isEqualTo(2);
        assertThat(err.toString()).contains("--direction must be up, down or both");
        assertThat(run("lab", "set", "--url", "http://127.0.0.1:1", "--token", "t", "--room", "r", "--identity", "i",
                "--scenario", "/nonexistent/onair-scenario.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read scenario file /nonexistent/onair-scenario.yaml");
    }

    @Test
    void anUnreachableServerIsExitCode3WithOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(run("lab", "get", "--url", "http://127.0.0.1:" + port, "--token", "t", "--room", "r",
                "--identity", "i")).isEqualTo(3);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("onair: GET http://127.0.0.1:" + port
                + "/api/v1/rooms/r/participants/i/impairment: cannot reach the server");
    }

    @Test
    void theTargetsPathSegmentsAreEncoded() {
        LabTarget t = new LabTarget();
        t.url = "http://h:1/";
        t.room = "a room/1";
        t.identity = "é";
        assertThat(t.impairmentUri().toString())
                .isEqualTo("http://h:1/api/v1/rooms/a%20room%2F1/participants/%C3%A9/impairment");
    }
}
