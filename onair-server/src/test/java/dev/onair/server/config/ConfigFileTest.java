package dev.onair.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final String SECRET = "s".repeat(32);

    @Test
    void parsesEveryKey() {
        ConfigFile f = ConfigFile.parse("""
                httpPort: 8443
                mediaPort: 20000
                announceIps: [203.0.113.7, 198.51.100.2]
                maxSessions: 42
                keys:
                  prod1: "%s"
                webhooks:
                  urls: [https://hooks.example/a]
                rooms:
                  emptyTimeoutSeconds: 60
                """.formatted(SECRET), "test.yaml");
        assertThat(f).isEqualTo(new ConfigFile(8443, 20000, List.of("203.0.113.7", "198.51.100.2"),
                Map.of("prod1", SECRET), 42, new ConfigFile.Webhooks(List.of("https://hooks.example/a"), null, null,
                null, null), new ConfigFile.Rooms(60, null, null)));
    }

    @Test
    void acceptsCliSpellings() {
        ConfigFile f = ConfigFile.parse("http-port: 1\nmedia-port: 2\nannounce-ip: [10.0.0.1]\nmax-sessions: 3\n", "t");
        assertThat(f).isEqualTo(new ConfigFile(1, 2, List.of("10.0.0.1"), null, 3));
    }

    @Test
    void emptyFileIsEmptyConfig() {
        assertThat(ConfigFile.parse("  \n", "t")).isEqualTo(ConfigFile.empty());
    }

    @Test
    void unknownKeysAndBadTypesAreRefused() {
        assertThatThrownBy(() -> ConfigFile.parse("htpPort: 1\n", "my.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("my.yaml").hasMessageContaining("htpPort");
        assertThatThrownBy(() -> ConfigFile.parse("httpPort: abc\n", "my.yaml")).isInstanceOf(ConfigException.class);
    }

    @Test
    void shortSecretIsRefusedWithClearMessage() {
        ConfigFile f = ConfigFile.parse("keys:\n  k1: tooshort\n", "t");
        assertThatThrownBy(() -> ConfigResolver.resolve(f, null, null, List.of(), null, List::of))
                .isInstanceOf(ConfigException.class)
                .hasMessage("keys: the secret of key 'k1' is shorter than 32 bytes; use a random secret of at least 32 bytes");
    }

    @Test
    void flagsOverrideFileAndDefaultsFillTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("onair.yaml");
        Files.writeString(file, "httpPort: 9000\nmediaPort: 11000\nannounceIps: [10.1.1.1]\nkeys:\n  k: \"" + SECRET + "\"\n");
        ServerConfig cfg = ConfigResolver.resolve(ConfigFile.read(file), 0, null, List.of("192.0.2.1"), 7, List::of);
        assertThat(cfg.httpPort()).isZero();
        assertThat(cfg.mediaPort()).isEqualTo(11000);
        assertThat(cfg.announceIps()).containsExactly("192.0.2.1");
        assertThat(cfg.maxSessions()).isEqualTo(7);
        assertThat(cfg.devMode()).isFalse();
        assertThat(cfg.signingKeyId()).isEqualTo("k");
        assertThat(cfg.toString()).doesNotContain(SECRET);
    }

    @Test
    void defaultsAreDevModeWithLocalAddresses() {
        ServerConfig cfg = ConfigResolver.resolve(ConfigFile.empty(), null, null, List.of(), null, () -> List.of("10.9.9.9"));
        assertThat(cfg).isEqualTo(new ServerConfig(8080, 10000, List.of("10.9.9.9"), Map.of(), 500));
        assertThat(cfg.devMode()).isTrue();
        assertThat(cfg.effectiveKeys()).containsExactly(Map.entry("devkey", "onair-dev-secret-0123456789abcdef"));
        assertThat(ServerConfig.DEV_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(33);
    }

    @Test
    void invalidNumbersAreRefused() {
        assertThatThrownBy(() -> new ServerConfig(70000, 0, List.of(), Map.of(), 1)).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new ServerConfig(0, 0, List.of(), Map.of(), 0)).isInstanceOf(ConfigException.class);
    }

    @Test
    void missingFileIsAConfigError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigFile.read(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read config file");
    }

    @Test
    void localAddressesAreIpv4() {
        assertThat(LocalAddresses.upIpv4()).isNotEmpty().allMatch(a -> a.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
    }
}
