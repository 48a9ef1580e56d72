package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.client.WebRtcPeer;
import dev.onair.lab.recorder.JsonLinesReader;
import dev.onair.lab.recorder.PcapReader;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.server.config.RecorderConfig;
import dev.onair.server.testing.Poll;
import dev.onair.sfu.recorder.DropReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Automatic dumps end to end: a publisher sends audio, the admin API puts 40 % seeded loss on its uplink, its
 * connection tier drops to poor, and both dump files appear in the configured directory (polled with a deadline);
 * {@code /metrics} counts the dump.
 */
class AutoDumpTest {
    private static final Path DIR = tempDir();
    @RegisterExtension
    static final ItServer it = new ItServer(c -> c.withRecorder(RecorderConfig.defaults().withAutoDump(DIR, 60_000)));
    private final HttpClient http = HttpClient.newHttpClient();

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("onair-autodump-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (Stream<Path> s = Files.walk(DIR)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<Path> dumps(String suffix) {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void heavyLossOnTheUplinkWritesBothDumpFiles() throws Exception {
        String room = "autodump";
        WebRtcPeer alice = it.publisher(room, "alice");
        alice.startAudio();
        String admin = it.server.tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(it.base + "/api/v1/rooms/" + room
                        + "/participants/alice/impairment")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"direction\":\"up\",\"scenario\":\"name: forty\\nbase: "
                        + "{lossProbability: 0.4}\",\"seed\":3}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        List<Path> pcaps = Poll.until(Duration.ofSeconds(30), () -> dumps(".pcap"), l -> !l.isEmpty());
        alice.stopAudio();
        assertThat(pcaps).as("a pcap in %s", DIR).hasSize(1);
        List<Path> jsonl = dumps(".jsonl");
        assertThat(jsonl).hasSize(1);
        assertThat(jsonl.get(0).getFileName().toString()).startsWith("onair-autodump-alice-").endsWith("Z.jsonl");

        JsonLinesReader.Result read = JsonLinesReader.read(Files.newBufferedReader(jsonl.get(0),
                StandardCharsets.UTF_8));
        assertThat(read.error()).isNull();
        assertThat(read.packets()).as("the impairment's drops are in the dump")
                .anyMatch(p -> p.drop() == DropReason.IMPAIRMENT).anyMatch(p -> p.drop() == DropReason.NONE);
        PcapReader.Result pcap = PcapReader.read(Files.readAllBytes(pcaps.get(0)), 0, 0);
        assertThat(pcap.error()).isNull();
        assertThat(pcap.packets()).hasSize(read.packets().size());
        String metrics = it.get("/metrics");
        assertThat(metrics).contains("onair_recorder_dumps_total{result=\"written\"} 1")
                .contains("onair_recorder_dumps_total{result=\"failed\"} 0");
    }
}
