package dev.onair.sfu.api;

import java.util.List;

/** A point-in-time view of the media service, for status endpoints and metrics. */
public record MediaStatus(int rooms, int publishers, int subscribers, long sessionsCreated, long sessionsClosed,
                          List<SessionInfo> sessions) {

    /** One live session. {@code kind} is "publish" or "subscribe"; {@code state} e.g. "new", "connected". */
    public record SessionInfo(String resourceId, String room, String identity, String kind, String state,
                              long packetsIn, long packetsOut) {
    }
}
