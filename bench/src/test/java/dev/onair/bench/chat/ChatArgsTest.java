package dev.onair.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatArgsTest {
    @Test
    void defaultsAreTheIssuesSizes() {
        ChatArgs a = ChatArgs.parse(new String[0]);
        assertThat(a.scenarios()).containsExactly("one-room", "many-rooms", "idle");
        assertThat(a.clients()).isEqualTo(1000);
        assertThat(a.rate()).isEqualTo(200);
        assertThat(a.seconds()).isEqualTo(30);
        assertThat(a.warmupSeconds()).isEqualTo(5);
        assertThat(a.serverJvmArgs()).isEmpty();
    }

    @Test
    void serverJvmArgsSplitOnSpaces() {
        ChatArgs a = ChatArgs.parse(new String[] {"--server-jvm-args", " -Xmx1g  -XX:StartFlightRecording:filename=s.jfr"});
        assertThat(a.serverJvmArgs()).containsExactly("-Xmx1g", "-XX:StartFlightRecording:filename=s.jfr");
    }

    @Test
    void flagsAndScenarioShapes() {
        ChatArgs a = ChatArgs.parse(new String[] {"--scenario", "many-rooms", "--clients", "500", "--rate", "50",
            "--seconds", "5"});
        assertThat(a.scenarios()).isEqualTo(List.of("many-rooms"));
        ChatScenario s = ChatScenario.of("many-rooms", a.clients(), a.rate(), a.seconds());
        assertThat(s.rooms()).isEqualTo(100);
        assertThat(s.clientsPerRoom()).isEqualTo(5);
        assertThat(s.clients()).isEqualTo(500);
        assertThat(s.roomName(7)).isEqualTo("many-rooms-7");
        ChatScenario one = ChatScenario.of("one-room", 1000, 200, 30);
        assertThat(one.rooms()).isEqualTo(1);
        assertThat(one.sendersPerRoom()).isEqualTo(4);
        assertThat(one.roomName(0)).isEqualTo("one-room");
    }

    @Test
    void refusesUnknownsAndNonPositives() {
        assertThatThrownBy(() -> ChatArgs.parse(new String[] {"--scenario", "huge"}))
                .hasMessageContaining("unknown scenario huge");
        assertThatThrownBy(() -> ChatArgs.parse(new String[] {"--rate", "0"})).hasMessageContaining("--rate");
        assertThatThrownBy(() -> ChatArgs.parse(new String[] {"--clients"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ChatArgs.parse(new String[] {"--fast"})).hasMessageContaining("unknown argument");
    }
}
