package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.cli.CapturedCli;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code onair lab set/get/clear} against a real in-process server with a publishing participant. */
class LabCliTest {
    @RegisterExtension
    static final ItServer it = new ItServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CapturedCli cli = new CapturedCli();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    /** {@code onair lab ARGS}; {@link #out} and {@link #err} then hold only what this run printed. */
    private int lab(String... args) {
        cli.clear();
        String[] all = new String[args.length + 1];
        all[0] = "lab";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    private static String admin(String room) {
        return it.server.tokens().mint(new TokenSpec(room, "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
    }

    @Test
    void setGetAndClearAPresetThroughTheAdminApi() throws Exception {
        String room = "lab-cli";
        it.publisher(room, "alice");
        String[] target = {"--url", it.base, "--token", admin(room), "--room", room, "--identity", "alice"};

        assertThat(lab(concat(new String[] {"set", "--direction", "downlink", "--preset", "lte-congested", "--seed",
                "7"}, target))).as(err.toString()).isZero();
        JsonNode set = JSON.readTree(out.toString());
        assertThat(set.get("direction").asText()).isEqualTo("down");
        assertThat(set.get("preset").asText()).isEqualTo("lte-congested");
        assertThat(set.get("seed").asLong()).isEqualTo(7);

        assertThat(lab(concat(new String[] {"get"}, target))).isZero();
        JsonNode got = JSON.readTree(out.toString());
        assertThat(got.get("enabled").asBoolean()).isTrue();
        assertThat(got.get("seed").asLong()).isEqualTo(7);
        assertThat(got.has("down")).isTrue();

        assertThat(lab(concat(new String[] {"clear"}, target))).isZero();
        assertThat(lab(concat(new String[] {"get"}, target))).isZero();
        assertThat(JSON.readTree(out.toString()).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void aScenarioFileIsUploadedAndItsErrorsComeBackAsOneLine(@TempDir Path dir) throws Exception {
        String room = "lab-cli-scenario";
        it.publisher(room, "bob");
        String[] target = {"--url", it.base, "--token", admin(room), "--room", room, "--identity", "bob"};
        Path good = dir.resolve("ten.yaml");
        Files.writeString(good, "name: ten\nseed: 42\nbase: {lossProbability: 0.1}\n");
        assertThat(lab(concat(new String[] {"set", "--direction", "both", "--scenario", good.toString()}, target)))
                .as(err.toString()).isZero();
        JsonNode set = JSON.readTree(out.toString());
        assertThat(set.get("scenario").asText()).isEqualTo("ten");
        assertThat(set.get("seed").asLong()).as("the scenario's own seed").isEqualTo(42);
        assertThat(set.get("direction").asText()).isEqualTo("both");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nbase: {lossProbability: 2}\n");
        assertThat(lab(concat(new String[] {"set", "--scenario", bad.toString()}, target))).isEqualTo(1);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("onair: PUT " + it.base + "/api/v1/rooms/" + room
                + "/participants/bob/impairment: 400 ");
    }

    @Test
    void httpErrorsAreOneLineWithExitCode1() throws Exception {
        String room = "lab-cli-errors";
        it.publisher(room, "carol");
        assertThat(lab("set", "--url", it.base, "--token", admin(room), "--room", room, "--identity", "nobody",
                "--preset", "3g")).isEqualTo(1);
        assertThat(err.toString()).contains(": 404 no participant nobody in room " + room);
        assertThat(lab("set", "--url", it.base, "--token", admin(room), "--room", room, "--identity", "carol",
                "--preset", "moon")).isEqualTo(1);
        assertThat(err.toString()).contains(": 400 unknown preset");
        assertThat(lab("get", "--url", it.base, "--token", "not-a-jwt", "--room", room, "--identity", "carol"))
                .isEqualTo(1);
        assertThat(err.toString()).contains(": 401 ");
        assertThat(out.toString()).isEmpty();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
