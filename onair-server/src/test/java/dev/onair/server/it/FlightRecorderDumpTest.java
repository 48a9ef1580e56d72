package dev.onair.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.client.ReceivedStream;
import dev.onair.client.WebRtcPeer;
import dev.onair.lab.impair.Impairment;
import dev.onair.lab.impair.Scenario;
import dev.onair.lab.impair.parse.ScenarioParser;
import dev.onair.lab.recorder.JsonLinesReader;
import dev.onair.lab.recorder.Replay;
import dev.onair.lab.recorder.Resimulation;
import dev.onair.server.auth.Permission;
import dev.onair.server.auth.TokenSpec;
import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.PacketRecord;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flight recorder end to end: a WHIP publisher, a WHEP subscriber with 10 % seeded loss on its downlink, the
 * dumps fetched over HTTP. The pcap opens in tshark with the recorded sequence numbers, the replay of the
 * publisher's dump reproduces what the publisher sent, and the re-simulation of the subscriber's outbound datagrams
 * with the same seed drops exactly the packets dropped live (another seed does not).
 */
class FlightRecorderDumpTest {
    @RegisterExtension
    static final ItServer it = new ItServer();
    private static final String SCENARIO = "name: ten\nbase: {lossProbability: 0.1}";
    private final HttpClient http = HttpClient.newHttpClient();

    private String admin() {
        return it.server.tokens().mint(new TokenSpec("*", "ops", null, EnumSet.of(Permission.ADMIN),
                Duration.ofHours(1)));
    }

    private HttpResponse<byte[]> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(it.base + path))
                .header("Authorization", "Bearer " + admin());
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonLinesReader.Result jsonl(String room, String identity) throws Exception {
        HttpResponse<byte[]> r = send("GET", "/api/v1/rooms/" + room + "/participants/" + identity + "/recording",
                null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("filename=").contains(".jsonl");
        JsonLinesReader.Result read = JsonLinesReader.read(new StringReader(new String(r.body(),
                StandardCharsets.UTF_8)));
        assertThat(read.error()).isNull();
        return read;
    }

    @Test
    void dumpsOpenInTsharkReplayAndResimulateTheLiveDrops(@TempDir Path dir) throws Exception {
        String room = "recorder";
        WebRtcPeer pub = it.publisher(room, "alice");
        WebRtcPeer sub = it.subscriber(room, "bob");
        int sent = pub.sendOpus(5);
        Media.awaitPackets(sub, sub.answer().audioSsrc(), 3);
        HttpResponse<byte[]> put = send("PUT", "/api/v1/rooms/" + room + "/participants/bob/impairment",
                "{\"direction\":\"down\",\"scenario\":\"" + SCENARIO.replace("\n", "\\n") + "\",\"seed\":7}");
        assertThat(put.statusCode()).isEqualTo(200);
        ReceivedStream audio = Media.audio(sub);
        for (int i = 0; i < 20; i++) {
            sent += pub.sendOpus(20);
            long before = audio.packets();
            Media.await(() -> audio.packets() >= before + 14);
        }
        long pubSsrc = pub.audioSsrc();
        Media.await(() -> {
            try {
                return jsonl(room, "alice").packets().stream().filter(p -> p.ssrc() == pubSsrc).count() >= 405;
            } catch (Exception e) {
                return false;
            }
        });

        // The subscriber's downlink: re-simulated with the same seed, the live drops exactly; another seed differs.
        JsonLinesReader.Result bob = jsonl(room, "bob");
        Scenario scenario = ScenarioParser.parse(SCENARIO).value();
        Map<Integer, Resimulation.LinkResult> same = Resimulation.run(bob.packets(), bob.controls(), true,
                origin -> Impairment.create(scenario, 7, origin));
        assertThat(same).hasSize(1);
        Resimulation.LinkResult link = same.values().iterator().next();
        assertThat(link.liveDrops()).as("live drops").hasSizeGreaterThan(10);
        assertThat(link.drops()).isEqualTo(link.liveDrops());
        Resimulation.LinkResult other = Resimulation.run(bob.packets(), bob.controls(), true,
                origin -> Impairment.create(scenario, 8, origin)).get(link.link());
        assertThat(other.drops()).isNotEqualTo(link.liveDrops());

        // The pcap of the same participant opens in tshark, its RTP sequence numbers those recorded.
        HttpResponse<byte[]> pcap = send("GET", "/api/v1/rooms/" + room + "/participants/bob/recording?format=pcap",
                null);
        assertThat(pcap.statusCode()).isEqualTo(200);
        assertThat(pcap.headers().firstValue("Content-Disposition").orElse("")).contains(".pcap");
        List<Integer> recordedSeqs = jsonl(room, "bob").packets().stream().map(PacketRecord::sequence).toList();
        if (new File("/usr/bin/tshark").canExecute()) {
            Path file = dir.resolve("bob.pcap");
            Files.write(file, pcap.body());
            Process p = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(), "-d", "udp.port==5004,rtp",
                    "-T", "fields", "-e", "rtp.seq").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.getErrorStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            List<Integer> seqs = out.lines().filter(l -> !l.isBlank()).map(Integer::parseInt).toList();
            assertThat(seqs).hasSizeGreaterThan(300).isEqualTo(recordedSeqs);
        }

        // The publisher's uplink (not impaired): the replay receives every packet the publisher sent, none lost.
        JsonLinesReader.Result alice = jsonl(room, "alice");
        Replay.StreamStats stats = Replay.receiveStatistics(alice.packets(), pt -> 48_000).get(pubSsrc);
        assertThat(stats.received()).isEqualTo(sent);
        assertThat(stats.expected()).isEqualTo(sent);
        assertThat(stats.lost()).isZero();
        assertThat(stats.jitterMs()).isGreaterThanOrEqualTo(0);
        assertThat(send("GET", "/api/v1/rooms/" + room + "/participants/nobody/recording", null).statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> bad = send("GET", "/api/v1/rooms/" + room + "/participants/bob/recording?format=wav",
                null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("format must be jsonl or pcap");
    }
    @Test
    void theReplayOfALossyUplinkCountsExactlyWhatTheServerDropped() throws Exception {
        String room = "recorder-up";
        WebRtcPeer pub = it.publisher(room, "carol");
        pub.sendOpus(3);
        HttpResponse<byte[]> put = send("PUT", "/api/v1/rooms/" + room + "/participants/carol/impairment",
                "{\"direction\":\"up\",\"scenario\":\"" + SCENARIO.replace("\n", "\\n") + "\",\"seed\":3}");
        assertThat(put.statusCode()).isEqualTo(200);
        int sent = 3;
        for (int i = 0; i < 10; i++) {
            sent += pub.sendOpus(40);
        }
        int total = sent;
        long ssrc = pub.audioSsrc();
        // Every packet reached the socket edge and was recorded there, dropped or not.
        Media.await(() -> {
            try {
                return jsonl(room, "carol").packets().stream().filter(p -> p.ssrc() == ssrc).count() >= total;
            } catch (Exception e) {
                return false;
            }
        });
        List<PacketRecord> packets = jsonl(room, "carol").packets().stream().filter(p -> p.ssrc() == ssrc).toList();
        assertThat(packets).hasSize(total);
        List<PacketRecord> dropped = packets.stream().filter(p -> p.drop() != DropReason.NONE).toList();
        assertThat(dropped).as("10 %% seeded loss on %d packets", total).hasSizeBetween(total / 20, total / 5);

        // The server's own count of RTP it dropped on that uplink is the recording's.
        JsonNode status = new ObjectMapper().readTree(send("GET", "/api/v1/rooms/" + room
                + "/participants/carol/impairment", null).body());
        assertThat(status.at("/up/rtpDropped").asLong()).isEqualTo(dropped.size());

        // The replay through the receive statistics: what arrived, and as lost exactly the drops below the highest
        // sequence number that arrived (RFC 3550 counts nothing after it).
        Replay.StreamStats stats = Replay.receiveStatistics(packets, pt -> 48_000).get(ssrc);
        int first = packets.get(0).sequence();
        java.util.function.ToIntFunction<PacketRecord> rel = p -> (p.sequence() - first) & 0xFFFF; // across a wrap
        int lastArrived = packets.stream().filter(p -> p.drop() == DropReason.NONE).mapToInt(rel).max().orElseThrow();
        long lostBelow = dropped.stream().filter(p -> rel.applyAsInt(p) < lastArrived).count();
        assertThat(stats.received()).isEqualTo(total - dropped.size());
        assertThat(stats.lost()).isEqualTo(lostBelow);
        assertThat(stats.expected()).isEqualTo(stats.received() + lostBelow);
    }
}
