package dev.onair.server.lab;

import dev.onair.sfu.recorder.Recording;
import java.util.concurrent.CompletableFuture;

/**
 * Where a dump's recording comes from: {@code MediaService::recording} (the copy is taken on the media loop), or a
 * fake in tests.
 */
@FunctionalInterface
public interface RecordingSource {
    /** A copy of the participant's flight recorder; completes with null when there is no such participant. */
    CompletableFuture<Recording> recording(String room, String identity);
}
