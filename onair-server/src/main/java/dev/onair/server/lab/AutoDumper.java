package dev.onair.server.lab;

import dev.onair.protocol.DropCounts;
import dev.onair.server.config.RecorderConfig;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomEventListener;
import dev.onair.transport.clock.MediaClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dumps a participant's flight recorder when its quality drops below the configured threshold
 * ({@link RecorderConfig#belowThreshold}): it listens to the room-wide {@link RoomEvent.ConnectionQuality} events
 * (sent at once when a tier changes, and every quality interval). A participant that falls below the threshold
 * starts an <em>episode</em>, which is dumped once; the episode ends when an event shows it above the threshold
 * again. Dumps of one participant are at least {@link RecorderConfig#autoDumpMinIntervalMillis} apart (media clock):
 * an episode that starts sooner is dumped when the interval has passed, if it is still going on.
 *
 * <p>The recording is copied on the media loop (by the {@link RecordingSource}); the files are written on the
 * {@code io} executor, never on the media loop. Each dump is logged at INFO with its paths and counted by
 * {@link DumpResult}. A participant that leaves, or whose room finishes, is forgotten.
 */
public final class AutoDumper implements RoomEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoDumper.class);
    private final RecorderConfig config;
    private final RecordingSource source;
    private final MediaClock clock;
    private final Executor io;
    private final DumpWriter writer;
    private final DropCounts<DumpResult> counts;
    private final Map<String, Map<String, Episode>> byIdentityByRoom = new ConcurrentHashMap<>();

    /** One participant's state: whether its current episode was dumped, and when it was last dumped. */
    private static final class Episode {
        boolean dumped;
        boolean everDumped;
        long lastDumpNanos;
    }

    /**
     * @param io     runs the file writes (a direct executor in unit tests)
     * @param counts counts each dump's result (shown on {@code /metrics})
     */
    public AutoDumper(RecorderConfig config, RecordingSource source, MediaClock clock, Executor io,
                      DropCounts<DumpResult> counts) {
        this.config = config;
        this.source = source;
        this.clock = clock;
        this.io = io;
        this.writer = new DumpWriter(config.dumpDirectory(), config.autoDumpKeep());
        this.counts = counts;
    }

    /** A dumper with its own single writer thread ({@link #close} stops it). */
    public static AutoDumper start(RecorderConfig config, RecordingSource source, MediaClock clock,
                                   DropCounts<DumpResult> counts) {
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "onair-recorder-dumps");
            t.setDaemon(true);
            return t;
        });
        return new AutoDumper(config, source, clock, io, counts);
    }

    public Path directory() {
        return writer.directory();
    }

    @Override
    public void onEvent(RoomEvent event) {
        if (event instanceof RoomEvent.ConnectionQuality q) {
            long now = clock.nanoTime();
            Map<String, Episode> room = byIdentityByRoom.computeIfAbsent(q.room(), r -> new ConcurrentHashMap<>());
            for (RoomEvent.ParticipantQuality p : q.participants()) {
                Episode e = room.computeIfAbsent(p.identity(), i -> new Episode());
                if (due(e, config.belowThreshold(p.tier(), p.mos()), now)) {
                    LOG.info("quality of {} in room {} below the threshold (tier {}, MOS {}): dumping its recording",
                            p.identity(), q.room(), p.tier(), p.mos());
                    dump(q.room(), p.identity());
                }
            }
        } else if (event instanceof RoomEvent.ParticipantLeft l) {
            Map<String, Episode> room = byIdentityByRoom.get(l.room());
            if (room != null) {
                room.remove(l.identity());
            }
        } else if (event instanceof RoomEvent.RoomFinished f) {
            byIdentityByRoom.remove(f.room());
        }
    }

    /** Updates the participant's episode; true when a dump is due now. */
    private boolean due(Episode e, boolean below, long nowNanos) {
        if (!below) {
            e.dumped = false;
            return false;
        }
        if (e.dumped || (e.everDumped && nowNanos - e.lastDumpNanos < config.autoDumpMinIntervalMillis() * 1_000_000L)) {
            return false;
        }
        e.dumped = true;
        e.everDumped = true;
        e.lastDumpNanos = nowNanos;
        return true;
    }

    /**
     * Copies the participant's recording and writes both files off the calling thread; the future completes with
     * their paths, or exceptionally (counted and logged either way). Also used directly (not rate limited).
     */
    public CompletableFuture<List<Path>> dump(String room, String identity) {
        CompletableFuture<List<Path>> written;
        try {
            written = source.recording(room, identity).thenApplyAsync(rec -> {
                if (rec == null) {
                    throw new IllegalStateException("no such participant (left before its dump)");
                }
                try {
                    return writer.write(room, identity, rec);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, io);
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        return written.whenComplete((paths, failure) -> {
            if (failure == null) {
                counts.increment(DumpResult.WRITTEN);
                LOG.info("flight recording of {} in room {} dumped to {}", identity, room, paths);
            } else {
                counts.increment(DumpResult.FAILED);
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.warn("flight recording of {} in room {} not dumped to {}: {}", identity, room,
                        writer.directory(), cause.toString());
            }
        });
    }

    /** Stops the writer thread of {@link #start} after the dumps already started (at most 5 s). */
    @Override
    public void close() {
        if (io instanceof ExecutorService s) {
            s.shutdown();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
