package dev.onair.bench.quality;

import java.util.Map;

/**
 * A gap of at least 200 ms between two frames the player's {@code <video>} presented
 * ({@code requestVideoFrameCallback}), i.e. a visible freeze: when it ended (since the run started; a gap still open
 * at the end of the run ends there) and how long it was.
 */
public record FrameGap(double endMillis, double gapMillis) {

    /** When the gap started. */
    public double startMillis() {
        return endMillis - gapMillis;
    }

    public static FrameGap fromMap(Map<?, ?> m) {
        return new FrameGap(PlayerSample.dbl(m, "endMillis"), PlayerSample.dbl(m, "gapMillis"));
    }
}
