package dev.onair.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {
    private static final String SECRET_1 = "1".repeat(32);
    private static final String SECRET_2 = "2".repeat(32);

    private static ServerConfig resolve(String yaml) {
        return ConfigResolver.resolve(ConfigFile.parse(yaml, "t.yaml"), null, null, List.of(), null, List::of);
    }

    @Test
    void parsesTheSectionWithDefaults() {
        ServerConfig cfg = resolve("""
                keys:
                  k1: "%s"
                  k2: "%s"
                webhooks:
                  urls: [https://hooks.example/a, "http://10.0.0.1:9000/b"]
                  key: k2
                """.formatted(SECRET_1, SECRET_2));
        assertThat(cfg.webhooks()).isEqualTo(new WebhookConfig(
                List.of("https://hooks.example/a", "http://10.0.0.1:9000/b"), "k2", 5000, 5, 10_000));
        assertThat(cfg.webhooks().enabled()).isTrue();
        assertThat(cfg.webhookSecret()).isEqualTo(SECRET_2);
    }

    @Test
    void parsesTheOptionalLimits() {
        ServerConfig cfg = resolve("""
                webhooks:
                  urls: [http://127.0.0.1/h]
                  timeoutMillis: 1500
                  max-attempts: 2
                  queueSize: 7
                """);
        assertThat(cfg.webhooks()).isEqualTo(new WebhookConfig(List.of("http://127.0.0.1/h"), null, 1500, 2, 7));
    }

    @Test
    void withoutKeyTheTokenSigningKeySignsAndInDevModeTheDevKey() {
        assertThat(resolve("webhooks: {urls: [http://h/x]}\n").webhookSecret()).isEqualTo(ServerConfig.DEV_SECRET);
        assertThat(resolve("keys: {k1: \"%s\"}\nwebhooks: {urls: [http://h/x]}\n".formatted(SECRET_1))
                .webhookSecret()).isEqualTo(SECRET_1);
        assertThat(resolve("webhooks: {urls: [http://h/x], key: devkey}\n").webhookSecret())
                .isEqualTo(ServerConfig.DEV_SECRET);
    }

    @Test
    void noSectionMeansOff() {
        ServerConfig cfg = resolve("httpPort: 1\n");
        assertThat(cfg.webhooks()).isEqualTo(WebhookConfig.none());
        assertThat(cfg.webhooks().enabled()).isFalse();
        assertThat(new ServerConfig(0, 0, List.of(), Map.of(), 1).webhooks()).isEqualTo(WebhookConfig.none());
    }

    @Test
    void nonHttpUrlsAreRefusedWithTheUrlInTheMessage() {
        assertThatThrownBy(() -> resolve("webhooks: {urls: [\"ftp://h/x\"]}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ftp://h/x").hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> resolve("webhooks: {urls: [\"hooks.example/x\"]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hooks.example/x");
        assertThatThrownBy(() -> resolve("webhooks: {urls: [\"http://\"]}\n")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> resolve("webhooks: {urls: [\"http://a b/\"]}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> resolve("webhooks: {urls: [\"\"]}\n")).isInstanceOf(ConfigException.class);
    }

    @Test
    void unknownKeyAndBadLimitsAreRefused() {
        assertThatThrownBy(() -> resolve("keys: {k1: \"%s\"}\nwebhooks: {urls: [http://h/x], key: nope}\n"
                .formatted(SECRET_1))).isInstanceOf(ConfigException.class).hasMessageContaining("nope")
                .hasMessageContaining("k1");
        assertThatThrownBy(() -> resolve("webhooks: {urls: [http://h/x], maxAttempts: 0}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> resolve("webhooks: {urls: [http://h/x], queueSize: 0}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("queueSize");
        assertThatThrownBy(() -> resolve("webhooks: {urls: [http://h/x], timeoutMillis: 0}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("timeoutMillis");
        assertThatThrownBy(() -> resolve("webhooks: {url: [http://h/x]}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("url");
    }

    @Test
    void toStringNamesUrlsButNoSecret() {
        ServerConfig cfg = resolve("keys: {k1: \"%s\"}\nwebhooks: {urls: [http://h/x]}\n".formatted(SECRET_1));
        assertThat(cfg.toString()).contains("http://h/x").doesNotContain(SECRET_1);
    }
}
