package dev.onair.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.DropCounts;
import dev.onair.server.http.HttpMetrics;
import dev.onair.server.http.RouteError;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.SessionReport.TrackSample;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-room gauges of /metrics: named rooms bounded, the rest under room="other", mean MOS. */
class MetricsRoomGaugesTest {

    private static String render(List<MediaStatus.RoomStats> rooms) {
        MediaStatus status = new MediaStatus(rooms.size(), 0, 0, 0, 0, List.of(), Map.of(), Map.of(), rooms);
        MediaService media = (MediaService) Proxy.newProxyInstance(MediaService.class.getClassLoader(),
                new Class<?>[] {MediaService.class}, (proxy, method, args) ->
                        method.getName().equals("status") ? status : null);
        return new MetricsEndpoint(media, new HttpMetrics(), new DropCounts<>(RouteError.class)).render();
    }

    private static TrackSample cleanAudio() {
        return new TrackSample(0, 1000, 32_000, 50, 0.0, 0.0, 1.0, 20.0, 0, 0, 0, 0, 0, 0, null, null, 0);
    }

    @Test
    void roomsBeyondTheLimitAreAddedUpAsOther() {
        List<MediaStatus.RoomStats> rooms = new ArrayList<>();
        for (int i = 0; i < MetricsEndpoint.MAX_ROOM_LABELS + 5; i++) {
            // room-000 has the most participants; the five smallest rooms have one each.
            rooms.add(new MediaStatus.RoomStats(String.format("room-%03d", i), i < MetricsEndpoint.MAX_ROOM_LABELS
                    ? 1000 - i : 1, 1, 0, List.of()));
        }
        String text = render(rooms);
        assertThat(text).contains("onair_room_participants{room=\"room-000\"} 1000");
        assertThat(text).contains("onair_room_participants{room=\"other\"} 5");
        assertThat(text).contains("onair_room_publishers{room=\"other\"} 5");
        assertThat(text).doesNotContain("room-100\"");
        assertThat(text.lines().filter(l -> l.startsWith("onair_room_participants{"))).hasSize(
                MetricsEndpoint.MAX_ROOM_LABELS + 1);
    }

    @Test
    void meanMosIsWrittenOnlyForRoomsWithScoredAudio() {
        String text = render(List.of(new MediaStatus.RoomStats("talk", 2, 1, 1, List.of(cleanAudio(), cleanAudio())),
                new MediaStatus.RoomStats("quiet", 1, 0, 1, List.of())));
        String line = text.lines().filter(l -> l.startsWith("onair_room_mean_mos{room=\"talk\"}")).findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThan(4.0);
        assertThat(text).doesNotContain("onair_room_mean_mos{room=\"quiet\"}");
        assertThat(text).contains("onair_participants 3");
        assertThat(text).contains("onair_sessions{kind=\"publish\"}");
    }
}
