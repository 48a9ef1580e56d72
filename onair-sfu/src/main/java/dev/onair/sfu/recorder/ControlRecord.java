package dev.onair.sfu.recorder;

/**
 * One recorded control event.
 *
 * @param atNanos monotonic time
 * @param order   position among all records (packets and controls) of the recorder, for a total order when times tie
 * @param link    which of the participant's transports (0, 1, … in the order they were attached)
 * @param kind    what happened
 * @param ssrc    the SSRC it concerns, or -1
 * @param detail  a short code (e.g. the FMT of a keyframe request, the size of a datagram), or 0
 */
public record ControlRecord(long atNanos, long order, int link, ControlKind kind, long ssrc, int detail) {
}
