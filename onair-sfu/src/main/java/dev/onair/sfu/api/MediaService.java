package dev.onair.sfu.api;

import dev.onair.sfu.recorder.Recording;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SFU as seen from signalling (WHIP/WHEP, the WebSocket protocol, the admin API). Knows nothing of HTTP,
 * WebSockets or tokens: callers authorise first. All methods are thread-safe and never block; results complete
 * on a media loop.
 */
public interface MediaService {

    // --- WHIP / WHEP ---

    /** Starts a WHIP publisher session (the offer must send media). Same identity in the same room replaces the old one. */
    CompletableFuture<SessionOutcome> publish(SessionRequest request);

    /** Starts a WHEP subscriber session (recvonly offer): receives the room's first audio and video tracks. */
    CompletableFuture<SessionOutcome> subscribe(SessionRequest request);

    /** Ends a session; completes with false if no such resource exists (or it was already closed). */
    CompletableFuture<Boolean> close(String resourceId);

    /** The room and role of a live resource, or null if unknown. */
    ResourceRef resourceOf(String resourceId);

    // --- participants joined through signalling ---

    /**
     * Joins a room (created if needed, of {@link JoinRequest#roomKind()}). A participant of the same identity
     * that joined through signalling is replaced (its listener gets {@code REPLACED}). On success the
     * listener's {@link ParticipantListener#onJoined} is called on the media loop before any event.
     */
    CompletableFuture<JoinOutcome> join(JoinRequest request, ParticipantListener listener);

    /**
     * Resumes a participant whose signalling dropped, within the resume window, with the secret from its
     * {@link JoinOutcome.Joined#resumeKey()}: the new listener replaces the old one; nobody sees a leave or a
     * join. Completes with {@code Rejected(NOT_FOUND)} when there is nothing to resume.
     */
    CompletableFuture<JoinOutcome> resume(String room, String identity, String resumeKey, ParticipantListener listener);

    /** The signalling connection of {@code listener} dropped without leaving: the resume window starts. */
    void detach(String room, String identity, ParticipantListener listener);

    /** The participant of {@code listener} leaves; its sessions close. False if it is not (any more) there. */
    CompletableFuture<Boolean> leave(String room, String identity, ParticipantListener listener);

    /** An offer of a joined participant's publisher connection (first or renegotiation, ICE restart included). */
    CompletableFuture<NegotiationOutcome> publishConnection(PublishRequest request);

    /** An offer of a joined participant's subscriber connection (first or renegotiation, ICE restart included). */
    CompletableFuture<NegotiationOutcome> subscribeConnection(SubscribeRequest request);

    /**
     * Mutes or unmutes a published track: by its publisher, or by an administrator (only an administrator
     * lifts an administrator's mute). Muted tracks are not forwarded.
     */
    CompletableFuture<CommandResult> setMuted(String room, String identity, String sid, boolean muted, boolean byAdmin);

    /** Changes a participant's display name and/or metadata (null: unchanged). */
    CompletableFuture<CommandResult> updateParticipant(String room, String identity, String name, String metadata);

    // --- rooms ---

    /** Creates a room of {@code kind} (null: conference); an existing room is returned as it is. */
    CompletableFuture<RoomInfo> createRoom(String room, RoomKind kind);

    MediaStatus status();

    /**
     * The telemetry of a live session (per-second samples of the session and of each track, bounded), or null
     * when no such session exists.
     */
    CompletableFuture<SessionReport> report(String resourceId);

    /** The live rooms, sorted by name; empty when there are none. */
    CompletableFuture<List<RoomInfo>> rooms();

    /** One room, or null when it does not exist. */
    CompletableFuture<RoomInfo> room(String room);

    /** The participants of a room, in the order they joined; null when no such room exists. */
    CompletableFuture<List<ParticipantInfo>> participants(String room);

    /**
     * Closes a room now: every participant is removed (signalling ones are told {@code ROOM_CLOSED}), then the
     * room finishes. Completes with false if no such room exists.
     */
    CompletableFuture<Boolean> closeRoom(String room, String reason);

    /** Removes a participant (told {@code REMOVED}); completes with how many sessions it had, 0 if unknown. */
    CompletableFuture<Integer> removeParticipant(String room, String identity);

    // --- network lab ---

    /**
     * Shapes every current transport of the participant, and every transport it opens while the setting holds,
     * with fresh shapers from {@code setting} (replacing any earlier setting). Completes with {@code NOT_FOUND} when
     * there is no such room or participant.
     */
    CompletableFuture<CommandResult> setImpairment(String room, String identity, ImpairmentSetting setting);

    /** Turns shaping off for the participant (datagrams held in delay lines are delivered at once). */
    CompletableFuture<CommandResult> clearImpairment(String room, String identity);

    /** The participant's impairment and counters; null when there is no such room or participant. */
    CompletableFuture<ImpairmentStatus> impairment(String room, String identity);

    // --- flight recorder ---

    /**
     * A copy of the participant's flight recorder (its last minute of packet metadata and control events, all its
     * transports), taken on the media loop; an empty recording when recording is off; null when there is no such
     * room or participant.
     */
    CompletableFuture<Recording> recording(String room, String identity);

    // --- browser stats ---

    /**
     * A joined participant's browser uploaded its own {@code getStats()} summary: each entry is joined by SSRC to
     * the participant's sessions' tracks (publisher tracks: the browser's outbound SSRC; subscriber tracks: its
     * inbound SSRC) and stored in that track's telemetry at the server time it arrived. Entries that match no
     * track are ignored. Completes with {@code NOT_FOUND} when there is no such room or participant. The default
     * keeps nothing (an SFU without telemetry).
     */
    default CompletableFuture<CommandResult> clientStats(String room, String identity, ClientStats stats) {
        return CompletableFuture.completedFuture(CommandResult.fail(MediaError.NOT_FOUND, "client stats are not kept"));
    }

    // --- view sizes and dynacast ---

    /**
     * A joined participant shows the published track {@code trackSid} at {@code widthPx}x{@code heightPx} device
     * pixels (0x0: not visible). Stored on each of the participant's subscriber tracks bound to (or subscribed to)
     * that track, for the layer choice. Completes with {@code NOT_FOUND} when the room has no such track or the
     * participant does not subscribe to it, {@code INVALID} for sizes outside 0..{@value #MAX_VIEW_PX}. The default
     * keeps nothing.
     */
    default CompletableFuture<CommandResult> setTrackView(String room, String identity, String trackSid, int widthPx,
                                                          int heightPx) {
        return CompletableFuture.completedFuture(CommandResult.fail(MediaError.NOT_FOUND, "view sizes are not kept"));
    }

    /** The largest view width or height {@link #setTrackView} accepts, in device pixels. */
    int MAX_VIEW_PX = 16_384;

    /**
     * Dynacast: tells the publisher of {@code trackSid} (through its signalling listener, on the media loop) which
     * of its simulcast layers are watched ({@link ParticipantListener#onPublisherLayers}; empty = nobody watches,
     * pause them all). Completes with {@code NOT_FOUND} when {@code identity} does not publish that track in the
     * room, {@code CONFLICT} when it has no signalling connection (a WHIP publisher). The default tells nobody.
     */
    default CompletableFuture<CommandResult> notifyPublisherLayers(String room, String identity, String trackSid,
                                                                   List<String> activeRids) {
        return CompletableFuture.completedFuture(CommandResult.fail(MediaError.NOT_FOUND, "no dynacast"));
    }

    /**
     * Registers a listener for every room event except per-subscriber ones. Listeners added later miss
     * earlier events.
     */
    void addListener(RoomEventListener listener);
}
