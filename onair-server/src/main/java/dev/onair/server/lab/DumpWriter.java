package dev.onair.server.lab;

import dev.onair.sfu.recorder.Recording;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one recording into a directory as {@code onair-<room>-<identity>-<UTC time>.jsonl} and {@code .pcap}.
 * Room and identity are sanitised (only {@code [A-Za-z0-9_-]} kept, others become {@code _}, each cut to
 * {@value #MAX_PART_CHARS} characters), so that no identity can name a path outside the directory; the time is the
 * recording's wall-clock stamp, {@code 20240501T120000.123Z}. Each file is written under a {@code .part} name and
 * then renamed, so a reader of the directory never sees half a dump. An existing dump is never overwritten: a
 * clash gets a {@code -2}, {@code -3}, … suffix. After each dump the oldest beyond {@code keep} are deleted.
 */
public final class DumpWriter {
    /** Characters kept of the room and of the identity. */
    public static final int MAX_PART_CHARS = 64;
    private static final int MAX_SUFFIX = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final Path directory;
    private final int keep;

    /** A writer that keeps every dump. */
    public DumpWriter(Path directory) {
        this(directory, Integer.MAX_VALUE);
    }

    /** A writer that keeps the newest {@code keep} dumps (file pairs) of the directory. */
    public DumpWriter(Path directory, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.keep = keep;
    }

    public Path directory() {
        return directory;
    }

    /** The file name without extension, e.g. {@code onair-demo-alice-20240501T120000.123Z}. */
    public static String baseName(String room, String identity, long wallMillis) {
        return "onair-" + safe(room) + "-" + safe(identity) + "-" + STAMP.format(Instant.ofEpochMilli(wallMillis));
    }

    /** {@code s} with every character outside {@code [A-Za-z0-9_-]} replaced by {@code _}, at most 64 long. */
    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return "_";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_PART_CHARS));
        for (int i = 0; i < s.length() && b.length() < MAX_PART_CHARS; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    /** Writes both files; returns their paths, JSON lines first. */
    public List<Path> write(String room, String identity, Recording recording) throws IOException {
        List<Path> written = writePair(room, identity, recording);
        prune();
        return written;
    }

    /**
     * Deletes the oldest dumps (by modification time, then name) beyond {@code keep} pairs: a server that runs for
     * months on a flaky network must not fill its disk. Only this writer's own files ({@code onair-*.jsonl} and
     * the {@code .pcap} beside each) are touched.
     */
    private void prune() throws IOException {
        List<Path> dumps;
        try (var files = Files.list(directory)) {
            dumps = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("onair-") && n.endsWith("." + RecordingDump.JSONL.extension());
            }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }
        if (dumps.size() <= keep) {
            return;
        }
        java.util.Map<Path, Long> times = new java.util.HashMap<>();
        for (Path p : dumps) {
            times.put(p, Files.getLastModifiedTime(p).toMillis());
        }
        dumps.sort(java.util.Comparator.<Path>comparingLong(times::get).thenComparing(Path::toString));
        for (Path old : dumps.subList(0, dumps.size() - keep)) {
            String n = old.getFileName().toString();
            Files.deleteIfExists(old);
            Files.deleteIfExists(old.resolveSibling(n.substring(0, n.length() - RecordingDump.JSONL.extension()
                    .length()) + RecordingDump.PCAP.extension()));
        }
    }

    private List<Path> writePair(String room, String identity, Recording recording) throws IOException {
        Files.createDirectories(directory);
        String base = baseName(room, identity, recording.takenAtWallMillis());
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String name = n == 1 ? base : base + "-" + n;
            Path jsonl = inside(name + "." + RecordingDump.JSONL.extension());
            Path pcap = inside(name + "." + RecordingDump.PCAP.extension());
            if (Files.exists(jsonl) || Files.exists(pcap)) {
                continue;
            }
            writeOnce(jsonl, RecordingDump.JSONL.write(recording));
            writeOnce(pcap, RecordingDump.PCAP.write(recording));
            return List.of(jsonl, pcap);
        }
        throw new FileAlreadyExistsException(directory.resolve(base).toString(), null,
                MAX_SUFFIX + " dumps with this name exist");
    }

    /** The path of {@code name} in the directory; refuses anything that would leave it (not reachable by design). */
    private Path inside(String name) throws IOException {
        Path p = directory.resolve(name).normalize();
        if (!directory.equals(p.getParent())) {
            throw new IOException("dump file name leaves the dump directory: " + name);
        }
        return p;
    }

    private static void writeOnce(Path target, byte[] bytes) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.write(part, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }
}
