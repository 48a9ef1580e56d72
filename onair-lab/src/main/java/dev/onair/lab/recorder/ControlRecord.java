package dev.onair.lab.recorder;

/**
 * One recorded control event.
 *
 * @param atNanos monotonic time
 * @param kind    what happened
 * @param ssrc    the SSRC it concerns, or -1
 * @param detail  a short code (e.g. the RTCP packet type, 206 for PSFB), or 0
 */
public record ControlRecord(long atNanos, ControlKind kind, long ssrc, int detail) {
}
