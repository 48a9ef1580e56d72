package dev.onair.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessagingSettingsTest {
    @Test
    void anAbsentSectionGivesTheDefaults() {
        MessagingSettings s = ConfigResolver.resolve(ConfigFile.parse("httpPort: 1\n", "t"), null, null, null, null,
                java.util.List::of).messaging();
        assertThat(s).isEqualTo(MessagingSettings.defaults());
        assertThat(s.redisUrl()).isNull();
        assertThat(s.historyMaxMessages()).isEqualTo(1_000);
        assertThat(s.historyMaxAgeSeconds()).isEqualTo(86_400);
        assertThat(s.rateLimitPerSecond()).isEqualTo(5);
        assertThat(s.rateLimitBurst()).isEqualTo(10);
        assertThat(s.maxOutboundBytes()).isEqualTo(1 << 20);
    }

    @Test
    void everyKeyIsRead() {
        ConfigFile f = ConfigFile.parse("""
                messaging:
                  redisUrl: redis://10.0.0.5:6379/2
                  historyMaxMessages: 500
                  historyMaxAgeSeconds: 3600
                  rateLimitPerSecond: 2.5
                  rateLimitBurst: 4
                  maxOutboundBytes: 65536
                  roomIdleTtlSeconds: 7200
                  writeWindowMillis: 0
                """, "t");
        assertThat(MessagingSettings.from(f.messaging()))
                .isEqualTo(new MessagingSettings("redis://10.0.0.5:6379/2", 500, 3600, 2.5, 4, 65536, 7200, 0));
        assertThat(MessagingSettings.defaults().writeWindowMillis()).isEqualTo(50);
    }

    @Test
    void theRoomIdleTtlDefaultsToTheHistoryAgePlusAnHour() {
        ConfigFile f = ConfigFile.parse("""
                messaging:
                  historyMaxAgeSeconds: 600
                """, "t");
        assertThat(MessagingSettings.from(f.messaging()).roomIdleTtlSeconds()).isEqualTo(600 + 3_600);
        assertThat(MessagingSettings.defaults().roomIdleTtlSeconds()).isEqualTo(86_400 + 3_600);
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        assertRefused("redisUrl: http://x:6379", "messaging.redisUrl must start with redis://");
        assertRefused("redisUrl: redis://", "messaging.redisUrl is not a URL");
        assertRefused("redisUrl: redis:///0", "messaging.redisUrl names no host");
        assertRefused("historyMaxMessages: 0", "messaging.historyMaxMessages must be between 1");
        assertRefused("historyMaxAgeSeconds: -5", "messaging.historyMaxAgeSeconds must be between 1");
        assertRefused("rateLimitPerSecond: 0", "messaging.rateLimitPerSecond must be a positive number");
        assertRefused("rateLimitBurst: 0", "messaging.rateLimitBurst must be at least 1");
        assertRefused("roomIdleTtlSeconds: 0", "messaging.roomIdleTtlSeconds must be between 1");
        assertRefused("writeWindowMillis: -1", "messaging.writeWindowMillis must be between 0 and 1000");
        assertRefused("writeWindowMillis: 5000", "messaging.writeWindowMillis must be between 0 and 1000");
        assertRefused("maxOutboundBytes: 100", "messaging.maxOutboundBytes must be between 16384");
        assertThatThrownBy(() -> ConfigFile.parse("messaging:\n  redisURL: x\n", "f.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("f.yaml");
    }

    private static void assertRefused(String line, String message) {
        ConfigFile f = ConfigFile.parse("messaging:\n  " + line + "\n", "t");
        assertThatThrownBy(() -> MessagingSettings.from(f.messaging())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
