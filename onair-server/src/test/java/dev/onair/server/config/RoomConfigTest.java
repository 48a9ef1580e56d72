package dev.onair.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.sfu.room.RoomPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code rooms:} section of the config file, from YAML to the SFU's {@link RoomPolicy}. */
class RoomConfigTest {

    private static ServerConfig resolve(String yaml) {
        return ConfigResolver.resolve(ConfigFile.parse(yaml, "t.yaml"), null, null, List.of(), null, List::of);
    }

    @Test
    void secondsBecomeMillisecondsInThePolicy() {
        ServerConfig cfg = resolve("""
                rooms:
                  emptyTimeoutSeconds: 45
                  resumeWindowSeconds: 300
                  maxVideoPerSubscriber: 4
                """);
        assertThat(cfg.rooms()).isEqualTo(new RoomPolicy(45_000, 300_000, 4));
    }

    @Test
    void kebabSpellingsAreAccepted() {
        ConfigFile f = ConfigFile.parse("""
                rooms:
                  empty-timeout-seconds: 0
                  resume-window-seconds: 5
                  max-video-per-subscriber: 0
                """, "t.yaml");
        assertThat(f.rooms()).isEqualTo(new ConfigFile.Rooms(0, 5, 0));
        assertThat(RoomConfig.from(f.rooms())).as("0: close at once, 0: no video cap")
                .isEqualTo(new RoomPolicy(0, 5_000, 0));
    }

    @Test
    void missingKeysAndAMissingSectionKeepTheDefaults() {
        assertThat(resolve("httpPort: 1\n").rooms()).isEqualTo(RoomPolicy.DEFAULT);
        assertThat(resolve("rooms: {resumeWindowSeconds: 10}\n").rooms())
                .isEqualTo(new RoomPolicy(RoomPolicy.DEFAULT.emptyTimeoutMillis(), 10_000,
                        RoomPolicy.DEFAULT.maxVideoPerSubscriber()));
        assertThat(resolve("rooms: {}\n").rooms()).isEqualTo(RoomPolicy.DEFAULT);
    }

    @Test
    void negativeValuesAndALongResumeWindowAreRefusedWithTheKey() {
        assertThatThrownBy(() -> resolve("rooms: {emptyTimeoutSeconds: -1}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("rooms.emptyTimeoutSeconds must not be negative, got -1");
        assertThatThrownBy(() -> resolve("rooms: {resumeWindowSeconds: -5}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("rooms.resumeWindowSeconds must not be negative, got -5");
        assertThatThrownBy(() -> resolve("rooms: {resumeWindowSeconds: 301}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("rooms.resumeWindowSeconds must be at most 300, got 301");
        assertThatThrownBy(() -> resolve("rooms: {maxVideoPerSubscriber: -2}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("rooms.maxVideoPerSubscriber must not be negative, got -2");
    }

    @Test
    void unknownKeysAndBadTypesInTheSectionAreRefused() {
        assertThatThrownBy(() -> ConfigFile.parse("rooms: {emptyTimeout: 5}\n", "my.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("my.yaml").hasMessageContaining("emptyTimeout");
        assertThatThrownBy(() -> ConfigFile.parse("rooms: {resumeWindowSeconds: soon}\n", "my.yaml"))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theServerConfigShowsItsRoomPolicy() {
        assertThat(resolve("rooms: {maxVideoPerSubscriber: 3}\n").toString()).contains("maxVideoPerSubscriber=3");
    }
}
