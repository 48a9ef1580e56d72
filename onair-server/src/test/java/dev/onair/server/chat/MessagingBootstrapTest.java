package dev.onair.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.messaging.store.InMemoryMessageStore;
import dev.onair.server.config.ConfigException;
import dev.onair.server.config.MessagingSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class MessagingBootstrapTest {
    @Test
    void withoutARedisUrlHistoryIsInMemoryWithTheConfiguredLimits() {
        try (MessagingBootstrap.Started s = MessagingBootstrap.start(MessagingSettings.defaults()
                .withRateLimit(7, 3).withMaxOutboundBytes(64 * 1024), Clock.systemUTC())) {
            assertThat(s.store()).isInstanceOf(InMemoryMessageStore.class);
            assertThat(s.service().config().rateLimitPerSecond()).isEqualTo(7);
            assertThat(s.service().config().rateLimitBurst()).isEqualTo(3);
            assertThat(s.service().config().maxOutboundBytes()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void anUnreachableRedisFailsTheStartWithAClearMessage() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "redis://127.0.0.1:" + closedPort;
        assertThatThrownBy(() -> MessagingBootstrap.start(MessagingSettings.defaults().withRedisUrl(url),
                Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("messaging.redisUrl: cannot connect to " + url);
    }
}
