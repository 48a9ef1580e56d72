package dev.onair.server.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.lab.recorder.JsonLinesReader;
import dev.onair.lab.recorder.PcapReader;
import dev.onair.protocol.DropCounts;
import dev.onair.server.config.ConfigFile;
import dev.onair.server.config.RecorderConfig;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.recorder.Recording;
import dev.onair.transport.clock.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic dumps under a manual clock, a fake recording source and a direct executor: the threshold, one dump per
 * episode, the minimum interval, sanitised file names, both files readable.
 */
class AutoDumperTest {
    /** 2024-05-01T12:00:00.250Z. */
    private static final long WALL_MILLIS = 1_714_564_800_250L;
    private final ManualClock clock = new ManualClock(0, WALL_MILLIS);
    private final DropCounts<DumpResult> counts = new DropCounts<>(DumpResult.class);
    private final List<String> asked = new ArrayList<>();

    /** This test's own directory: the dump directory lives inside it, so "nothing beside dir" looks only here. */
    @TempDir
    Path root;
    private Path dir;

    @BeforeEach
    void makeDumpDirectory() throws IOException {
        dir = Files.createDirectory(root.resolve("dumps"));
    }

    private RecordingSource source() {
        return (room, identity) -> {
            asked.add(room + "/" + identity);
            if (identity.equals("gone")) {
                return CompletableFuture.completedFuture(null);
            }
            FlightRecorder r = new FlightRecorder(64, 16, 60_000_000_000L);
            for (int i = 0; i < 10; i++) {
                r.recordPacket(clock.nanoTime() - 1_000_000L * (10 - i), 0, false, 0x1234, 100 + i, 960L * i, 111,
                        120, false, false, i == 3 ? DropReason.IMPAIRMENT : DropReason.NONE);
            }
            return CompletableFuture.completedFuture(r.snapshot(clock.nanoTime(), clock.wallMillis()));
        };
    }

    private AutoDumper dumper(String yaml) {
        RecorderConfig cfg = RecorderConfig.from(ConfigFile.parse("recorder: " + yaml.replace("DIR", dir.toString())
                + "\n", "t.yaml").recorder());
        return new AutoDumper(cfg, source(), clock, Runnable::run, counts);
    }

    private static RoomEvent quality(String room, String identity, String tier, Double mos) {
        return new RoomEvent.ConnectionQuality(room, List.of(new RoomEvent.ParticipantQuality(identity, tier, 50.0,
                mos)), 0);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aParticipantEnteringPoorGetsBothFilesOnceAndTheyReadBack() throws IOException {
        AutoDumper d = dumper("{autoDump: true, dumpDirectory: DIR}");
        d.onEvent(quality("demo", "alice", "good", 4.2));
        assertThat(asked).as("good: no dump").isEmpty();
        d.onEvent(quality("demo", "alice", "poor", 3.9));
        d.onEvent(quality("demo", "alice", "poor", 3.9));
        d.onEvent(quality("demo", "alice", "lost", null));
        assertThat(asked).as("one dump per episode").containsExactly("demo/alice");
        assertThat(files()).extracting(p -> p.getFileName().toString()).containsExactly(
                "onair-demo-alice-20240501T120000.250Z.jsonl", "onair-demo-alice-20240501T120000.250Z.pcap");
        assertThat(counts.get(DumpResult.WRITTEN)).isEqualTo(1);
        assertThat(counts.get(DumpResult.FAILED)).isZero();

        JsonLinesReader.Result jsonl = JsonLinesReader.read(Files.newBufferedReader(files().get(0),
                StandardCharsets.UTF_8));
        assertThat(jsonl.error()).isNull();
        assertThat(jsonl.packets()).hasSize(10);
        assertThat(jsonl.packets().get(3).drop()).isEqualTo(DropReason.IMPAIRMENT);
        PcapReader.Result pcap = PcapReader.read(Files.readAllBytes(files().get(1)), 0, 0);
        assertThat(pcap.error()).isNull();
        assertThat(pcap.packets()).extracting(p -> p.sequence()).startsWith(100, 101).hasSize(10);
    }

    @Test
    void dumpsOfOneParticipantAreAtLeastTheIntervalApartAndADeferredEpisodeIsDumpedLater() throws IOException {
        AutoDumper d = dumper("{autoDump: true, dumpDirectory: DIR, autoDumpMinIntervalSeconds: 60}");
        d.onEvent(quality("demo", "bob", "poor", null));
        clock.advanceMillis(10_000);
        d.onEvent(quality("demo", "bob", "good", null));
        clock.advanceMillis(10_000);
        d.onEvent(quality("demo", "bob", "poor", null));
        d.onEvent(quality("demo", "carol", "poor", null));
        assertThat(asked).as("bob's second episode within 60 s waits; carol is another participant")
                .containsExactly("demo/bob", "demo/carol");
        clock.advanceMillis(39_999);
        d.onEvent(quality("demo", "bob", "poor", null));
        assertThat(asked).hasSize(2);
        clock.advanceMillis(1);
        d.onEvent(quality("demo", "bob", "poor", null));
        clock.advanceMillis(3_000);
        d.onEvent(quality("demo", "bob", "poor", null));
        assertThat(asked).as("60 s after the first dump, still poor: dumped once more")
                .containsExactly("demo/bob", "demo/carol", "demo/bob");
        assertThat(files()).hasSize(6);
        assertThat(counts.get(DumpResult.WRITTEN)).isEqualTo(3);
    }

    @Test
    void aMosThresholdAndALostOnlyTier() {
        AutoDumper d = dumper("{autoDump: true, dumpDirectory: DIR, autoDumpTier: lost, autoDumpMosBelow: 3.0}");
        d.onEvent(quality("r", "a", "poor", 3.5));
        assertThat(asked).as("poor is better than lost, MOS above 3").isEmpty();
        d.onEvent(quality("r", "a", "good", 2.8));
        assertThat(asked).containsExactly("r/a");
        d.onEvent(quality("r", "b", "lost", null));
        assertThat(asked).containsExactly("r/a", "r/b");
    }

    @Test
    void identitiesCannotLeaveTheDirectoryAndLongOnesAreCut() throws IOException {
        AutoDumper d = dumper("{autoDump: true, dumpDirectory: DIR}");
        d.onEvent(quality("../../etc", "../../../tmp/x y/..", "poor", null));
        d.onEvent(quality("r", "é".repeat(200), "poor", null));
        List<String> names = files().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).hasSize(4).allSatisfy(n -> assertThat(n).doesNotContain("/").doesNotContain("..")
                .matches("onair-[A-Za-z0-9_-]+-[A-Za-z0-9_-]+-\\d{8}T\\d{6}\\.\\d{3}Z\\.(jsonl|pcap)"));
        assertThat(names).contains("onair-______etc-_________tmp_x_y___-20240501T120000.250Z.jsonl",
                "onair-r-" + "_".repeat(DumpWriter.MAX_PART_CHARS) + "-20240501T120000.250Z.pcap");
        try (Stream<Path> all = Files.walk(dir.getParent(), 1)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".jsonl"))).as("nothing beside dir")
                    .isEmpty();
        }
    }

    @Test
    void aClashGetsASuffixAndAMissingParticipantOrAnUnwritableDirectoryCountsAFailure() throws IOException {
        AutoDumper d = dumper("{autoDump: true, dumpDirectory: DIR}");
        d.dump("r", "a").join();
        d.dump("r", "a").join();
        assertThat(files()).extracting(p -> p.getFileName().toString()).contains(
                "onair-r-a-20240501T120000.250Z.jsonl", "onair-r-a-20240501T120000.250Z-2.jsonl");
        assertThat(d.dump("r", "gone")).isCompletedExceptionally();
        assertThat(counts.get(DumpResult.FAILED)).isEqualTo(1);

        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        RecorderConfig cfg = RecorderConfig.defaults().withAutoDump(file.resolve("sub"), 1000);
        AutoDumper blocked = new AutoDumper(cfg, source(), clock, Runnable::run, counts);
        blocked.onEvent(quality("r", "z", "lost", null));
        assertThat(counts.get(DumpResult.FAILED)).isEqualTo(2);
        assertThat(counts.get(DumpResult.WRITTEN)).isEqualTo(2);
    }

    @Test
    void aParticipantWhoLeavesIsForgotten() {
        AutoDumper d = dumper("{autoDump: true, dumpDirectory: DIR}");
        d.onEvent(quality("r", "a", "poor", null));
        d.onEvent(new RoomEvent.ParticipantLeft("r", "a", "left", 0));
        clock.advanceMillis(1);
        d.onEvent(quality("r", "a", "poor", null));
        assertThat(asked).as("a new participant under the same identity: a new episode")
                .containsExactly("r/a", "r/a");
        d.onEvent(new RoomEvent.RoomFinished("r", 0));
        d.onEvent(quality("r", "a", "poor", null));
        assertThat(asked).hasSize(3);
    }

    @Test
    void theDirectoryKeepsOnlyTheNewestDumps() throws IOException {
        DumpWriter writer = new DumpWriter(dir, 2);
        Path stranger = Files.writeString(dir.resolve("notes.jsonl"), "kept");
        List<List<Path>> written = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<Path> pair = writer.write("r", "p" + i, new Recording(List.of(), List.of(), 0, 0, 0,
                    WALL_MILLIS + i));
            Files.setLastModifiedTime(pair.get(0), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
            written.add(pair);
        }
        assertThat(written.get(0)).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(written.get(1)).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(written.get(2)).allSatisfy(p -> assertThat(p).exists());
        assertThat(written.get(3)).allSatisfy(p -> assertThat(p).exists());
        assertThat(stranger).as("files that are not ours are left alone").exists();
    }

    @Test
    void theWrittenRecordingIsTheSourcesCopy() throws IOException {
        Recording empty = new Recording(List.of(), List.of(), 0, 0, 0, WALL_MILLIS);
        List<Path> paths = new DumpWriter(dir).write("r", "i", empty);
        assertThat(paths).hasSize(2).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir.toAbsolutePath()));
        assertThat(Files.readString(paths.get(0))).isEmpty();
        assertThat(Files.size(paths.get(1))).as("pcap global header").isEqualTo(24);
    }
}
