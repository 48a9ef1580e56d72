package dev.onair.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.messaging.service.MessagingConfig;
import dev.onair.messaging.service.MessagingService;
import dev.onair.messaging.store.HistoryLimits;
import dev.onair.messaging.store.InMemoryMessageStore;
import dev.onair.messaging.store.InMemoryModerationStore;
import dev.onair.messaging.store.ModerationStore;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.ServerConfig;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The chat moderation routes answer once the change is stored: 204, or 503 when the moderation store failed. */
class ChatModerationEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final TokenService tokens = new TokenService(Map.of(ServerConfig.DEV_KEY_ID, ServerConfig.DEV_SECRET),
            ServerConfig.DEV_KEY_ID, CLOCK);

    private static MessagingService service(ModerationStore moderation) {
        return new MessagingService(new InMemoryMessageStore(HistoryLimits.DEFAULT, CLOCK), moderation, CLOCK,
                MessagingConfig.DEFAULT);
    }

    /** A request for {@code uri} with a lobby admin token (none when {@code admin} is false). */
    private FullHttpRequest request(HttpMethod method, String uri, boolean admin) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        if (admin) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + tokens.mint(new TokenSpec("lobby",
                    "root", null, EnumSet.of(Permission.ADMIN), Duration.ofHours(1))));
        }
        return request;
    }

    private FullHttpResponse moderate(ModerationStore moderation, boolean ban) throws Exception {
        MessagingService service = service(moderation);
        ChatAdminEndpoint endpoint = new ChatAdminEndpoint(service, tokens);
        FullHttpRequest request = request(HttpMethod.PUT, "/api/v1/rooms/lobby/chat/bans/mallory", true);
        try {
            return endpoint.moderate("lobby", ban, "mallory", true, request).get(5, TimeUnit.SECONDS);
        } finally {
            request.release();
            service.close();
        }
    }

    @Test
    void storedChangesAnswer204() throws Exception {
        InMemoryModerationStore moderation = new InMemoryModerationStore();
        assertThat(moderate(moderation, true).status().code()).isEqualTo(204);
        assertThat(moderation.isBanned("lobby", "mallory")).isTrue();
        assertThat(moderate(moderation, false).status().code()).isEqualTo(204);
        assertThat(moderation.isMuted("lobby", "mallory")).isTrue();
    }

    @Test
    void theListsShowWhoIsBannedAndWhoIsMutedSorted() throws Exception {
        InMemoryModerationStore moderation = new InMemoryModerationStore();
        moderation.set("lobby", "mallory", ModerationStore.Kind.BAN, true);
        moderation.set("lobby", "eve", ModerationStore.Kind.BAN, true);
        moderation.set("lobby", "bob", ModerationStore.Kind.MUTE, true);
        moderation.set("other", "zed", ModerationStore.Kind.BAN, true);
        MessagingService service = service(moderation);
        ChatAdminEndpoint endpoint = new ChatAdminEndpoint(service, tokens);
        FullHttpRequest request = request(HttpMethod.GET, "/api/v1/rooms/lobby/chat/bans", true);
        FullHttpRequest anonymous = request(HttpMethod.GET, "/api/v1/rooms/lobby/chat/bans", false);
        try {
            FullHttpResponse bans = endpoint.moderated("lobby", true, request).get(5, TimeUnit.SECONDS);
            assertThat(bans.status().code()).isEqualTo(200);
            assertThat(bans.content().toString(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"room\":\"lobby\",\"identities\":[\"eve\",\"mallory\"]}");
            FullHttpResponse mutes = endpoint.moderated("lobby", false, request).get(5, TimeUnit.SECONDS);
            assertThat(mutes.content().toString(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"room\":\"lobby\",\"identities\":[\"bob\"]}");
            assertThat(endpoint.moderated("lobby", true, anonymous).get(5, TimeUnit.SECONDS).status().code())
                    .isEqualTo(401);
        } finally {
            request.release();
            anonymous.release();
            service.close();
        }
    }

    @Test
    void aFailedStoreAnswers503() throws Exception {
        ModerationStore failing = new ModerationStore() {
            @Override
            public CompletionStage<Void> set(String room, String identity, Kind kind, boolean on) {
                return CompletableFuture.failedFuture(new IllegalStateException("redis is down"));
            }

            @Override
            public boolean isMuted(String room, String identity) {
                return false;
            }

            @Override
            public boolean isBanned(String room, String identity) {
                return false;
            }

            @Override
            public CompletionStage<Set<String>> list(String room, Kind kind) {
                return CompletableFuture.completedFuture(Set.of());
            }

            @Override
            public void listen(Listener listener) {
            }

            @Override
            public void close() {
            }
        };
        FullHttpResponse r = moderate(failing, true);
        assertThat(r.status().code()).isEqualTo(503);
        r.release();
    }
}
