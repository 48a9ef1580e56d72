package dev.onair.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.parse.ScenarioParser;
import dev.onair.server.lab.RecordingDump;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.FlightRecorder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onair replay} on a dump written by the real writer from a filled {@link FlightRecorder}: 100 inbound
 * packets of which 10 were dropped by the impairment, and 200 outbound ones on a shaped link whose live drops come
 * from a seeded 20 % loss scenario.
 */
class ReplayCommandTest {
    private static final String SCENARIO = "name: twenty\nbase: {lossProbability: 0.2}\n";
    private static final long MS = 1_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CapturedCli cli = new CapturedCli();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;
    private final List<Integer> liveDrops = new ArrayList<>();

    @TempDir
    Path dir;
    private Path dump;
    private Path scenario;

    private int run(String... args) {
        return cli.execute(args);
    }

    @BeforeEach
    void writeDump() throws Exception {
        FlightRecorder r = new FlightRecorder(1000, 100, 60_000 * MS);
        long t = 1_000 * MS;
        for (int i = 0; i < 100; i++) {
            r.recordPacket(t + i * 20 * MS, 0, false, 1000, 500 + i, 960L * i, 111, 100, false, false,
                    i % 10 == 5 ? DropReason.IMPAIRMENT : DropReason.NONE);
        }
        long shapedAt = t + 2_000 * MS;
        r.recordControl(shapedAt, 0, ControlKind.SHAPING_CHANGED, -1, 2);
        Impairment live = Impairment.create(ScenarioParser.parse(SCENARIO).value(), 7, shapedAt);
        for (int i = 0; i < 200; i++) {
            long at = shapedAt + (i + 1) * 20 * MS;
            boolean dropped = live.decide(at, 120).dropped();
            if (dropped) {
                liveDrops.add(i);
            }
            r.recordPacket(at, 0, true, 2000, i, 960L * i, 111, 120, false, false,
                    dropped ? DropReason.IMPAIRMENT : DropReason.NONE);
        }
        dump = dir.resolve("d.jsonl");
        Files.write(dump, RecordingDump.JSONL.write(r.snapshot(shapedAt + 5_000 * MS, 0)));
        scenario = dir.resolve("twenty.yaml");
        Files.writeString(scenario, SCENARIO);
    }

    @Test
    void printsEachDirectionAndSsrcsReceiveStatistics() {
        assertThat(run("replay", dump.toString())).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("300 packets, 1 control events");
        assertThat(text.lines().filter(l -> l.startsWith("in ")).findFirst().orElseThrow())
                .as("90 of 100 received, 10 lost").matches("in\\s+1000\\s+90\\s+100\\s+10\\s+10\\.00\\s+\\d+\\.\\d\\d");
        int delivered = 200 - liveDrops.size();
        assertThat(text.lines().filter(l -> l.startsWith("out ")).findFirst().orElseThrow())
                .matches("out\\s+2000\\s+" + delivered + "\\s+\\d+\\s+\\d+\\s+.*");
    }

    @Test
    void theSameSeedReproducesTheLiveDropsAndAnotherDoesNot() throws Exception {
        assertThat(liveDrops).as("the scenario dropped some").hasSizeBetween(20, 60);
        assertThat(run("replay", dump.toString(), "--impairment", scenario.toString(), "--seed", "7")).isZero();
        assertThat(out.toString()).contains("re-simulation: " + scenario + ", seed 7, direction out")
                .contains("link 0: 200 datagrams, " + liveDrops.size() + " RTP packets dropped (live: "
                        + liveDrops.size() + "), matches the live drops")
                .contains("first dropped (ssrc:seq): 2000:" + liveDrops.get(0) + " 2000:" + liveDrops.get(1));

        out.getBuffer().setLength(0);
        assertThat(run("replay", dump.toString(), "--impairment", scenario.toString(), "--seed", "8", "--json"))
                .isZero();
        JsonNode j = JSON.readTree(out.toString());
        assertThat(j.get("streams")).hasSize(2);
        assertThat(j.at("/streams/0/direction").asText()).isEqualTo("in");
        assertThat(j.at("/streams/0/lost").asLong()).isEqualTo(10);
        assertThat(j.at("/streams/0/lossPercent").asDouble()).isEqualTo(10.0);
        assertThat(j.at("/resimulation/seed").asLong()).isEqualTo(8);
        assertThat(j.at("/resimulation/links/0/liveDropped").asInt()).isEqualTo(liveDrops.size());
        assertThat(j.at("/resimulation/links/0/matchesLive").asBoolean()).isFalse();
        assertThat(j.at("/resimulation/links/0/firstDropped")).hasSizeLessThanOrEqualTo(ReplayAnalysis.FIRST_DROPS);

        out.getBuffer().setLength(0);
        assertThat(run("replay", dump.toString(), "--impairment", "3g", "--seed", "1", "--direction", "in"))
                .isZero();
        assertThat(out.toString()).contains("re-simulation: 3g, seed 1, direction in")
                .contains("no link was shaped in this direction");
    }

    @Test
    void aBadFileOrArgumentIsOneLineAndExitCode2() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        List<String> lines = Files.readAllLines(dump, StandardCharsets.UTF_8);
        Files.write(bad, List.of(lines.get(0), lines.get(1), "{not json"), StandardCharsets.UTF_8);
        assertThat(run("replay", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("onair replay: " + bad + ": line 3: not JSON" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();

        err.getBuffer().setLength(0);
        assertThat(run("replay", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("onair replay: cannot read").hasLineCount(1);

        err.getBuffer().setLength(0);
        assertThat(run("replay", dump.toString(), "--impairment", "carrier-pigeon", "--seed", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("neither a preset").contains("lte-congested").hasLineCount(1);

        err.getBuffer().setLength(0);
        assertThat(run("replay", dump.toString(), "--impairment", scenario.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--seed is required");

        err.getBuffer().setLength(0);
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "name: x\nbase: {lossProbability: 7}\n");
        assertThat(run("replay", dump.toString(), "--impairment", broken.toString(), "--seed", "1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("onair replay: " + broken + ": scenario:").hasLineCount(1);

        err.getBuffer().setLength(0);
        assertThat(run("replay", dump.toString(), "--direction", "sideways")).isEqualTo(2);
        assertThat(err.toString()).contains("--direction must be out or in");
    }
}
