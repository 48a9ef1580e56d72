package dev.onair.lab.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.ControlRecord;
import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.PacketRecord;
import java.io.StringReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON lines and pcap dumps: content, round trip through our reader, and Debian's tshark reading the pcap. */
class DumpFormatsTest {
    private static final long MS = 1_000_000L;
    private static final long WALL = 1_764_000_000_000_000_000L; // 2025-11-24, in Unix nanos

    private static List<PacketRecord> packets() {
        List<PacketRecord> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean video = i % 2 == 0;
            out.add(new PacketRecord(5_000 * MS + i * 10 * MS, 2L * i, i % 3, i % 5 == 4, video ? 0xDEADBEEFL : 0x11223344L,
                    (65530 + i) & 0xFFFF, video ? 90_000L * i : 960L * i, video ? 96 : 111, video ? 1100 : 90,
                    i % 4 == 0, i == 0, i == 7 ? DropReason.QUEUE_FULL : DropReason.NONE));
        }
        return out;
    }

    @Test
    void jsonLinesInterleavePacketsAndControlsInTimeOrder() throws Exception {
        StringWriter w = new StringWriter();
        List<ControlRecord> controls = List.of(new ControlRecord(5_015 * MS, 3, 0, ControlKind.KEYFRAME_REQUESTED,
                0xDEADBEEFL, 0));
        JsonLinesWriter.write(packets(), controls, w);
        String[] lines = w.toString().split("\n");
        assertThat(lines).hasSize(21);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("t").asText()).isEqualTo("rtp");
        assertThat(first.get("us").asLong()).isZero();
        assertThat(first.get("seq").asInt()).isEqualTo(65530);
        assertThat(first.get("key").asBoolean()).isTrue();
        assertThat(first.get("ssrc").asLong()).isEqualTo(0xDEADBEEFL);
        JsonNode ctl = json.readTree(lines[2]);
        assertThat(ctl.get("t").asText()).isEqualTo("ctl");
        assertThat(ctl.get("us").asLong()).isEqualTo(15_000);
        assertThat(ctl.get("kind").asText()).isEqualTo("keyframe_requested");
        assertThat(json.readTree(lines[8]).get("drop").asText()).isEqualTo("queue_full");
    }

    @Test
    void jsonLinesRoundTripThroughOurReader() throws Exception {
        StringWriter w = new StringWriter();
        List<ControlRecord> controls = List.of(new ControlRecord(5_015 * MS + 7, 3, 1, ControlKind.RTCP_SENT, -1, 80));
        JsonLinesWriter.write(packets(), controls, w);
        JsonLinesReader.Result r = JsonLinesReader.read(new StringReader(w.toString()));
        assertThat(r.error()).isNull();
        assertThat(r.packets()).hasSize(20);
        List<PacketRecord> in = packets();
        for (int i = 0; i < in.size(); i++) {
            PacketRecord a = in.get(i);
            PacketRecord b = r.packets().get(i);
            assertThat(b.atNanos()).isEqualTo(a.atNanos() - 5_000 * MS);
            assertThat(b).usingRecursiveComparison().ignoringFields("atNanos", "order").isEqualTo(a);
        }
        assertThat(r.controls()).singleElement().satisfies(c -> {
            assertThat(c.atNanos()).isEqualTo(15 * MS + 7);
            assertThat(c.kind()).isEqualTo(ControlKind.RTCP_SENT);
            assertThat(c.ssrc()).isEqualTo(-1);
            assertThat(c.detail()).isEqualTo(80);
            assertThat(c.link()).isEqualTo(1);
            assertThat(c.order()).isBetween(r.packets().get(1).order(), r.packets().get(2).order());
        });
    }

    @Test
    void aBadJsonLineIsReportedWithItsNumber() {
        String dump = "{\"t\":\"rtp\",\"ns\":0,\"ssrc\":1,\"seq\":2,\"size\":100}\n{\"t\":\"rtp\",\"seq\":\"x\"}\nnope\n";
        JsonLinesReader.Result r = JsonLinesReader.read(new StringReader(dump));
        assertThat(r.packets()).hasSize(1);
        assertThat(r.error()).startsWith("line 2:");
        assertThat(JsonLinesReader.read(new StringReader("nope")).error()).isEqualTo("line 1: not JSON");
    }

    @Test
    void pcapRoundTripsThroughOurReaderWithValidIpChecksums() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<PacketRecord> in = packets();
        PcapWriter.write(in, 0, WALL, out);
        byte[] file = out.toByteArray();
        assertThat(file).hasSize(24 + in.size() * (16 + PcapWriter.CAPTURED));
        byte[] ip = new byte[20];
        System.arraycopy(file, 24 + 16, ip, 0, 20);
        assertThat(PcapWriter.ipChecksum(ip)).as("a header with its checksum sums to zero").isZero();
        PcapReader.Result r = PcapReader.read(file, 0, WALL);
        assertThat(r.error()).isNull();
        assertThat(r.packets()).hasSize(in.size());
        for (int i = 0; i < in.size(); i++) {
            PacketRecord a = in.get(i);
            PacketRecord b = r.packets().get(i);
            assertThat(b.atNanos()).isEqualTo(a.atNanos());
            assertThat(b.outbound()).isEqualTo(a.outbound());
            assertThat(b.ssrc()).isEqualTo(a.ssrc());
            assertThat(b.sequence()).isEqualTo(a.sequence());
            assertThat(b.rtpTimestamp()).isEqualTo(a.rtpTimestamp());
            assertThat(b.payloadType()).isEqualTo(a.payloadType());
            assertThat(b.sizeBytes()).isEqualTo(a.sizeBytes());
            assertThat(b.marker()).isEqualTo(a.marker());
            assertThat(b.keyframe()).isEqualTo(a.keyframe());
            assertThat(b.drop()).isEqualTo(a.drop());
            assertThat(b.link()).isEqualTo(a.link());
        }
    }

    @Test
    void aBadFileIsReportedNotThrown() {
        byte[] file = new byte[24 + 10];
        assertThat(PcapReader.read(file, 0, 0).error()).contains("not a little-endian");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PcapWriter.write(packets(), 0, WALL, out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        byte[] good = out.toByteArray();
        for (int cut = 24; cut < good.length; cut += 7) {
            PcapReader.Result r = PcapReader.read(java.util.Arrays.copyOf(good, cut), 0, WALL);
            assertThat(r.packets().size()).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void tsharkReadsThePcapAsRtp(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/usr/bin/tshark").canExecute(), "Debian tshark is required (./onair test installs it)");
        Path pcap = dir.resolve("dump.pcap");
        try (var out = Files.newOutputStream(pcap)) {
            PcapWriter.write(packets(), 0, WALL, out);
        }
        Process p = new ProcessBuilder("/usr/bin/tshark", "-r", pcap.toString(), "-d", "udp.port==5004,rtp",
                "-T", "fields", "-e", "rtp.seq", "-e", "rtp.ssrc", "-e", "rtp.p_type", "-e", "rtp.marker")
                .redirectErrorStream(false).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("tshark: %s", stderr).isZero();
        String[] rows = stdout.strip().split("\n");
        assertThat(rows).hasSize(20);
        List<PacketRecord> in = packets();
        for (int i = 0; i < rows.length; i++) {
            String[] f = rows[i].split("\t");
            assertThat(Integer.parseInt(f[0])).isEqualTo(in.get(i).sequence());
            assertThat(Long.decode(f[1])).isEqualTo(in.get(i).ssrc());
            assertThat(Integer.parseInt(f[2])).isEqualTo(in.get(i).payloadType());
            assertThat(f[3]).isIn(in.get(i).marker() ? List.of("1", "True", "true") : List.of("0", "False", "false"));
        }
    }
}
