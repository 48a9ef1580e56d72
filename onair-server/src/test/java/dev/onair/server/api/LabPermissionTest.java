package dev.onair.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.lab.quality.ConnectionTier;
import dev.onair.server.auth.AuthResult;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenService;
import dev.onair.server.report.TierCounts;
import dev.onair.sfu.api.RoomEvent;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code lab} permission on the wire and from the dev token endpoint; the per-tier counts of /metrics. */
class LabPermissionTest {
    private final TokenService tokens = new TokenService(Map.of("k", "0123456789abcdef0123456789abcdef"), "k",
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final DevTokenEndpoint dev = new DevTokenEndpoint(tokens, true);

    private FullHttpResponse get(String query) {
        return dev.get(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/dev/token?" + query));
    }

    private boolean grantsLab(FullHttpResponse r) throws Exception {
        String token = new ObjectMapper().readTree(r.content().toString(StandardCharsets.UTF_8)).get("token").asText();
        return tokens.verify("Bearer " + token, "r", Permission.LAB) instanceof AuthResult.Granted;
    }

    @Test
    void labIsAPermissionNameAndTheDevEndpointGrantsItOnlyWhenAsked() throws Exception {
        assertThat(Permission.parseList("publish,lab")).contains(EnumSet.of(Permission.PUBLISH, Permission.LAB));
        assertThat(Permission.LAB.wireName()).isEqualTo("lab");
        assertThat(grantsLab(get("room=r&identity=a&lab=true"))).isTrue();
        assertThat(grantsLab(get("room=r&identity=a"))).isFalse();
        assertThat(grantsLab(get("room=r&identity=a&perms=subscribe,lab"))).isTrue();
        assertThat(get("room=r&identity=a&lab=yes").status().code()).isEqualTo(400);
    }

    @Test
    void tierCountsFollowTheLatestEventAndForgetWhoLeft() {
        TierCounts counts = new TierCounts();
        assertThat(counts.counts()).containsEntry(ConnectionTier.GOOD, 0L).hasSize(4);
        counts.onEvent(new RoomEvent.ConnectionQuality("r", List.of(
                new RoomEvent.ParticipantQuality("a", "good", null),
                new RoomEvent.ParticipantQuality("b", "poor", 40.0)), 0));
        counts.onEvent(new RoomEvent.ConnectionQuality("s", List.of(
                new RoomEvent.ParticipantQuality("c", "good", null)), 0));
        assertThat(counts.counts()).containsEntry(ConnectionTier.GOOD, 2L).containsEntry(ConnectionTier.POOR, 1L);
        counts.onEvent(new RoomEvent.ConnectionQuality("r", List.of(
                new RoomEvent.ParticipantQuality("a", "lost", null),
                new RoomEvent.ParticipantQuality("b", "poor", 40.0)), 0));
        counts.onEvent(new RoomEvent.ParticipantLeft("r", "b", "left", 0));
        counts.onEvent(new RoomEvent.RoomFinished("s", 0));
        assertThat(counts.counts()).containsEntry(ConnectionTier.LOST, 1L).containsEntry(ConnectionTier.GOOD, 0L)
                .containsEntry(ConnectionTier.POOR, 0L);
    }
}
