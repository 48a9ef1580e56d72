package dev.onair.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.config.ServerConfig;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OnairCliTest {
    private final CapturedCli cli = new CapturedCli();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.execute(args);
    }

    @Test
    void tokenCarriesRoomKindAndMetadataAndRefusesBadOnes() {
        assertThat(run("token", "--room", "stage", "--identity", "host", "--kind", "broadcast", "--metadata",
                "{\"seat\":1}")).isZero();
        String token = out.toString().strip();
        TokenService dev = new TokenService(Map.of(ServerConfig.DEV_KEY_ID, ServerConfig.DEV_SECRET),
                ServerConfig.DEV_KEY_ID, Clock.systemUTC());
        assertThat(dev.verify("Bearer " + token, "stage", Permission.PUBLISH)).isInstanceOfSatisfying(
                AuthResult.Granted.class, g -> {
                    assertThat(g.grant().roomKind()).isEqualTo("broadcast");
                    assertThat(g.grant().metadata()).isEqualTo("{\"seat\":1}");
                });
        assertThat(run("token", "--room", "stage", "--identity", "x", "--kind", "party")).isEqualTo(2);
        assertThat(err.toString()).contains("--kind must be conference or broadcast");
        assertThat(run("token", "--room", "stage", "--identity", "x", "--metadata", "m".repeat(1025))).isEqualTo(2);
        assertThat(err.toString()).contains("1 KiB");
    }

    @Test
    void tokenWithDevKeyVerifies() {
        assertThat(run("token", "--room", "demo", "--identity", "obs", "--perms", "publish", "--ttl", "30m")).isZero();
        String token = out.toString().strip();
        TokenService dev = new TokenService(Map.of(ServerConfig.DEV_KEY_ID, ServerConfig.DEV_SECRET),
                ServerConfig.DEV_KEY_ID, Clock.systemUTC());
        assertThat(dev.verify("Bearer " + token, "demo", Permission.PUBLISH)).isInstanceOfSatisfying(AuthResult.Granted.class,
                g -> assertThat(g.grant().identity()).isEqualTo("obs"));
        assertThat(dev.verify("Bearer " + token, "demo", Permission.SUBSCRIBE)).isInstanceOf(AuthResult.Denied.class);
        assertThat(err.toString()).contains("dev key");
    }

    @Test
    void tokenWithConfiguredKeyVerifiesOnlyWithThatKey(@TempDir Path dir) throws Exception {
        String secret = "q".repeat(48);
        Path cfg = dir.resolve("onair.yaml");
        Files.writeString(cfg, "keys:\n  live: \"" + secret + "\"\n");
        assertThat(run("token", "--room", "*", "--identity", "ops", "--name", "Ops", "--perms", "admin",
                "--config", cfg.toString())).isZero();
        String token = out.toString().strip();
        TokenService live = new TokenService(Map.of("live", secret), "live", Clock.systemUTC());
        assertThat(live.verify("Bearer " + token, "any", Permission.ADMIN)).isInstanceOfSatisfying(AuthResult.Granted.class,
                g -> assertThat(g.grant().name()).isEqualTo("Ops"));
        TokenService dev = new TokenService(Map.of(ServerConfig.DEV_KEY_ID, ServerConfig.DEV_SECRET),
                ServerConfig.DEV_KEY_ID, Clock.systemUTC());
        assertThat(dev.verify("Bearer " + token, "any", Permission.ADMIN)).isInstanceOf(AuthResult.Denied.class);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("token", "--room", "a", "--identity", "b", "--perms", "fly")).isEqualTo(2);
        assertThat(err.toString()).contains("not a comma list");
        assertThat(run("token", "--room", "a", "--identity", "b", "--ttl", "soon")).isEqualTo(2);
        assertThat(run("token", "--identity", "b")).isEqualTo(2);
    }

    @Test
    void serveRefusesShortSecret(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "keys:\n  k1: short\n");
        assertThat(run("serve", "--config", cfg.toString(), "--http-port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("refusing to start").contains("shorter than 32 bytes");
    }

    @Test
    void serveFlagsOverrideTheFile(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("onair.yaml");
        Files.writeString(cfg, "httpPort: 9000\nmaxSessions: 3\n");
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--config", cfg.toString(), "--http-port", "0", "--announce-ip", "192.0.2.1",
                "--announce-ip", "192.0.2.2");
        ServerConfig resolved = serve.resolveConfig();
        assertThat(resolved.httpPort()).isZero();
        assertThat(resolved.maxSessions()).isEqualTo(3);
        assertThat(resolved.announceIps()).containsExactly("192.0.2.1", "192.0.2.2");
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("onair 0.1.0");
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--http-port", "--media-port", "--announce-ip", "--config", "--max-sessions");
        assertThat(run("token", "--help")).isZero();
        assertThat(out.toString()).contains("--room", "--identity", "--perms", "--ttl");
    }

    @Test
    void durations() {
        assertThat(DurationConverter.parse("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationConverter.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationConverter.parse("0s")).isNull();
        assertThat(DurationConverter.parse("-PT1H")).isNull();
        assertThat(DurationConverter.parse("6 hours")).isNull();
    }
}
