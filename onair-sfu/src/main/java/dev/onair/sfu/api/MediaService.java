package dev.onair.sfu.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SFU as seen from signalling (WHIP/WHEP today, WebSocket rooms later). Knows nothing of HTTP or tokens:
 * callers authorise first. All methods are thread-safe and never block; results complete on a media loop.
 */
public interface MediaService {

    /** Starts a publisher session (the offer must send media). Same identity in the same room replaces the old one. */
    CompletableFuture<SessionOutcome> publish(SessionRequest request);

    /** Starts a subscriber session (recvonly offer): receives the room's first audio and video tracks. */
    CompletableFuture<SessionOutcome> subscribe(SessionRequest request);

    /** Ends a session; completes with false if no such resource exists (or it was already closed). */
    CompletableFuture<Boolean> close(String resourceId);

    /** The room and role of a live resource, or null if unknown. */
    ResourceRef resourceOf(String resourceId);

    MediaStatus status();

    /** The live rooms, sorted by name; empty when there are none. */
    CompletableFuture<List<RoomInfo>> rooms();

    /**
     * The participants of a room, in the order they joined. Completes with null when no such room exists; an
     * existing room always has at least one participant (rooms live exactly as long as their sessions).
     */
    CompletableFuture<List<ParticipantInfo>> participants(String room);

    /**
     * Closes every session of a room (each participant leaves with {@code reason}, then the room finishes).
     * Completes with false if no such room exists.
     */
    CompletableFuture<Boolean> closeRoom(String room, String reason);

    /**
     * Closes every session of one identity in a room (it leaves once); completes with how many were closed,
     * 0 if the room or identity is unknown.
     */
    CompletableFuture<Integer> removeParticipant(String room, String identity);

    /**
     * Registers a listener for room events (room started/finished, participant joined/left, track
     * published/unpublished, active speakers). Listeners added later miss earlier events.
     */
    void addListener(RoomEventListener listener);
}
