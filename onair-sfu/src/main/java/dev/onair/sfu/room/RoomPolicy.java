package dev.onair.sfu.room;

/**
 * How rooms live and share bandwidth.
 *
 * @param emptyTimeoutMillis    a room with no participant closes after this long (0: at the next tick)
 * @param resumeWindowMillis    a participant whose signalling dropped may resume for this long
 * @param maxVideoPerSubscriber conference rooms: videos one subscriber receives at once (0: no cap)
 */
public record RoomPolicy(long emptyTimeoutMillis, long resumeWindowMillis, int maxVideoPerSubscriber) {
    public static final RoomPolicy DEFAULT = new RoomPolicy(20_000, 30_000, 9);

    public RoomPolicy {
        if (emptyTimeoutMillis < 0 || resumeWindowMillis < 0 || maxVideoPerSubscriber < 0) {
            throw new IllegalArgumentException("room timeouts and the video cap must not be negative");
        }
    }
}
