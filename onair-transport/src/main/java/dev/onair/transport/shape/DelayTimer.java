package dev.onair.transport.shape;

/**
 * Arms the one wake-up of a {@link ShapingStage}: at (or soon after) {@code deadlineNanos} the owner calls
 * {@link ShapingStage#onTimer(long)} on the media loop. Production schedules one task on the event loop per arm;
 * tests record the deadline and call {@code onTimer} themselves.
 */
public interface DelayTimer {
    void armAt(long deadlineNanos);
}
