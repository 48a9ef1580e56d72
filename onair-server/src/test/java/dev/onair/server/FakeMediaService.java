package dev.onair.server;

import dev.onair.sfu.api.CommandResult;
import dev.onair.sfu.api.JoinOutcome;
import dev.onair.sfu.api.JoinRequest;
import dev.onair.sfu.api.MediaError;
import dev.onair.sfu.api.NegotiationOutcome;
import dev.onair.sfu.api.ParticipantListener;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.PublishRequest;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.api.SubscribeRequest;
import dev.onair.sfu.api.TrackSource;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.RoomInfo;
import dev.onair.sfu.api.ResourceRef;
import dev.onair.sfu.api.RoomEventListener;
import dev.onair.sfu.api.SessionOutcome;
import dev.onair.sfu.api.SessionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** In-memory media service for HTTP tests: creates sessions instantly, or answers as told. */
final class FakeMediaService implements MediaService {
    static final String ANSWER = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=fake answer\r\n";

    private final Map<String, String[]> sessions = new LinkedHashMap<>(); // id -> {room, identity, kind}
    private final Map<String, RoomKind> createdRooms = new TreeMap<>();
    private final java.util.Set<String> mutedSids = new java.util.HashSet<>();
    private final Map<String, String[]> updates = new java.util.HashMap<>(); // room/identity -> {name, metadata}
    /** Every successful setMuted: "room/identity/sid muted=.. byAdmin=..". */
    final List<String> mutes = new ArrayList<>();
    final List<SessionRequest> requests = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    /** When set, the next publish/subscribe is rejected with this error. */
    volatile MediaError rejectNext;
    /** When true, publish/subscribe return this future instead of answering. */
    volatile CompletableFuture<SessionOutcome> pending;
    private int nextId = 1;
    private long created;
    private long closedCount;

    @Override
    public synchronized CompletableFuture<SessionOutcome> publish(SessionRequest request) {
        return start(request, "publish");
    }

    @Override
    public synchronized CompletableFuture<SessionOutcome> subscribe(SessionRequest request) {
        return start(request, "subscribe");
    }

    private CompletableFuture<SessionOutcome> start(SessionRequest request, String kind) {
        requests.add(request);
        if (pending != null) {
            return pending;
        }
        MediaError reject = rejectNext;
        if (reject != null) {
            rejectNext = null;
            return CompletableFuture.completedFuture(new SessionOutcome.Rejected(reject, "fake says " + reject.name()));
        }
        String id = "res" + nextId++;
        sessions.put(id, new String[] {request.room(), request.identity(), kind});
        created++;
        return CompletableFuture.completedFuture(new SessionOutcome.Created(id, ANSWER));
    }

    @Override
    public synchronized CompletableFuture<Boolean> close(String resourceId) {
        closed.add(resourceId);
        boolean existed = sessions.remove(resourceId) != null;
        if (existed) {
            closedCount++;
        }
        return CompletableFuture.completedFuture(existed);
    }

    @Override
    public synchronized ResourceRef resourceOf(String resourceId) {
        String[] s = sessions.get(resourceId);
        return s == null ? null : new ResourceRef(s[0], "publish".equals(s[2]));
    }

    @Override
    public CompletableFuture<dev.onair.sfu.api.SessionReport> report(String resourceId) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized MediaStatus status() {
        List<MediaStatus.SessionInfo> infos = new ArrayList<>();
        sessions.forEach((id, s) -> infos.add(new MediaStatus.SessionInfo(id, s[0], s[1], s[2], "new", 7, 3)));
        int pubs = (int) infos.stream().filter(i -> i.kind().equals("publish")).count();
        int rooms = (int) infos.stream().map(MediaStatus.SessionInfo::room).distinct().count();
        return new MediaStatus(rooms, pubs, infos.size() - pubs, created, closedCount, infos);
    }

    /**
     * Rooms from the live sessions and {@link #createRoom} (kind from the create, else conference), sorted by
     * name; createdAtMillis is always 1000 here.
     */
    @Override
    public synchronized CompletableFuture<List<RoomInfo>> rooms() {
        Map<String, List<String[]>> byRoom = new TreeMap<>();
        createdRooms.keySet().forEach(room -> byRoom.put(room, new ArrayList<>()));
        sessions.values().forEach(s -> byRoom.computeIfAbsent(s[0], r -> new ArrayList<>()).add(s));
        List<RoomInfo> out = new ArrayList<>();
        byRoom.forEach((room, list) -> {
            int pubs = (int) list.stream().filter(s -> s[2].equals("publish")).count();
            int ids = (int) list.stream().map(s -> s[1]).distinct().count();
            out.add(new RoomInfo(room, createdRooms.getOrDefault(room, RoomKind.CONFERENCE), ids, pubs,
                    list.size() - pubs, 1000L));
        });
        return CompletableFuture.completedFuture(out);
    }

    /** One participant per identity; a publisher has one video track "v-<resource>". Null for no room. */
    @Override
    public synchronized CompletableFuture<List<ParticipantInfo>> participants(String room) {
        Map<String, List<String>> byIdentity = new LinkedHashMap<>();
        sessions.forEach((id, s) -> {
            if (s[0].equals(room)) {
                byIdentity.computeIfAbsent(s[1], i -> new ArrayList<>()).add(id);
            }
        });
        if (byIdentity.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<ParticipantInfo> out = new ArrayList<>();
        byIdentity.forEach((identity, ids) -> {
            List<ParticipantInfo.Session> ss = new ArrayList<>();
            List<ParticipantInfo.Track> tracks = new ArrayList<>();
            for (String id : ids) {
                String kind = sessions.get(id)[2];
                ss.add(new ParticipantInfo.Session(id, kind, "new"));
                if (kind.equals("publish")) {
                    tracks.add(new ParticipantInfo.Track("v-" + id, "video", TrackSource.CAMERA,
                            mutedSids.contains("v-" + id)));
                }
            }
            String[] update = updates.getOrDefault(room + "/" + identity, new String[2]);
            out.add(new ParticipantInfo(identity, update[0], ParticipantRole.PARTICIPANT, update[1], 1000L, ss,
                    tracks));
        });
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public synchronized CompletableFuture<Boolean> closeRoom(String room, String reason) {
        boolean created = createdRooms.remove(room) != null;
        return CompletableFuture.completedFuture(closeWhere(room, null) > 0 || created);
    }

    @Override
    public synchronized CompletableFuture<Integer> removeParticipant(String room, String identity) {
        return CompletableFuture.completedFuture(closeWhere(room, identity));
    }

    private int closeWhere(String room, String identity) {
        List<String> ids = new ArrayList<>();
        sessions.forEach((id, s) -> {
            if (s[0].equals(room) && (identity == null || s[1].equals(identity))) {
                ids.add(id);
            }
        });
        ids.forEach(this::close);
        return ids.size();
    }

    /** Joins instantly: the listener gets a snapshot of the WHIP/WHEP participants. */
    @Override
    public synchronized CompletableFuture<JoinOutcome> join(JoinRequest request, ParticipantListener listener) {
        List<ParticipantInfo> others = participants(request.room()).join();
        JoinOutcome.Joined joined = new JoinOutcome.Joined(new RoomInfo(request.room(), RoomKind.CONFERENCE, 1, 0, 0,
                1000L), new ParticipantInfo(request.identity(), request.name(), ParticipantRole.PARTICIPANT,
                request.metadata(), 1000L, List.of(), List.of()), others == null ? List.of() : others, 0,
                "resume-" + request.identity(), false);
        joinedListeners.add(listener);
        listener.onJoined(joined);
        return CompletableFuture.completedFuture(joined);
    }

    @Override
    public CompletableFuture<JoinOutcome> resume(String room, String identity, String resumeKey,
                                                 ParticipantListener listener) {
        return CompletableFuture.completedFuture(new JoinOutcome.Rejected(MediaError.NOT_FOUND, "fake: no resume"));
    }

    @Override
    public synchronized void detach(String room, String identity, ParticipantListener listener) {
        joinedListeners.remove(listener);
    }

    @Override
    public synchronized CompletableFuture<Boolean> leave(String room, String identity, ParticipantListener listener) {
        return CompletableFuture.completedFuture(joinedListeners.remove(listener));
    }

    @Override
    public CompletableFuture<NegotiationOutcome> publishConnection(PublishRequest request) {
        return CompletableFuture.completedFuture(new NegotiationOutcome.Rejected(MediaError.UNSUPPORTED_SDP, "fake"));
    }

    @Override
    public CompletableFuture<NegotiationOutcome> subscribeConnection(SubscribeRequest request) {
        return CompletableFuture.completedFuture(new NegotiationOutcome.Rejected(MediaError.UNSUPPORTED_SDP, "fake"));
    }

    /**
     * Mutes the track "v-&lt;resource&gt;" of a publish session of {@code identity} in {@code room} (recorded in
     * {@link #mutes}); NOT_FOUND for any other sid.
     */
    @Override
    public synchronized CompletableFuture<CommandResult> setMuted(String room, String identity, String sid,
                                                                  boolean muted, boolean byAdmin) {
        String[] s = sid.startsWith("v-") ? sessions.get(sid.substring(2)) : null;
        if (s == null || !s[0].equals(room) || !s[1].equals(identity) || !s[2].equals("publish")) {
            return CompletableFuture.completedFuture(CommandResult.fail(MediaError.NOT_FOUND,
                    "no track " + sid + " published by " + identity));
        }
        mutes.add(room + "/" + identity + "/" + sid + " muted=" + muted + " byAdmin=" + byAdmin);
        if (muted) {
            mutedSids.add(sid);
        } else {
            mutedSids.remove(sid);
        }
        return CompletableFuture.completedFuture(CommandResult.ok());
    }

    /** Sets the name and/or metadata that {@link #participants} shows; NOT_FOUND without a session there. */
    @Override
    public synchronized CompletableFuture<CommandResult> updateParticipant(String room, String identity, String name,
                                                                           String metadata) {
        if (metadata != null && metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > JoinRequest.MAX_METADATA_BYTES) {
            return CompletableFuture.completedFuture(CommandResult.fail(MediaError.INVALID, "metadata over 1 KiB"));
        }
        boolean present = sessions.values().stream().anyMatch(s -> s[0].equals(room) && s[1].equals(identity));
        if (!present) {
            return CompletableFuture.completedFuture(CommandResult.fail(MediaError.NOT_FOUND,
                    "no participant " + identity + " in room " + room));
        }
        String[] update = updates.computeIfAbsent(room + "/" + identity, k -> new String[2]);
        update[0] = name != null ? name : update[0];
        update[1] = metadata != null ? metadata : update[1];
        return CompletableFuture.completedFuture(CommandResult.ok());
    }

    /** Remembers the room's kind (a first create wins); the room is then listed even without sessions. */
    @Override
    public synchronized CompletableFuture<RoomInfo> createRoom(String room, RoomKind kind) {
        createdRooms.putIfAbsent(room, kind == null ? RoomKind.CONFERENCE : kind);
        return room(room);
    }

    @Override
    public synchronized CompletableFuture<RoomInfo> room(String room) {
        return CompletableFuture.completedFuture(rooms().join().stream().filter(r -> r.name().equals(room))
                .findFirst().orElse(null));
    }

    /** Impairment settings by "room/identity"; only for participants the fake knows. */
    private final Map<String, dev.onair.sfu.api.ImpairmentSetting> impairments = new LinkedHashMap<>();

    @Override
    public synchronized CompletableFuture<CommandResult> setImpairment(String room, String identity,
            dev.onair.sfu.api.ImpairmentSetting setting) {
        if (!knows(room, identity)) {
            return CompletableFuture.completedFuture(CommandResult.fail(MediaError.NOT_FOUND, "no such participant"));
        }
        impairments.put(room + "/" + identity, setting);
        return CompletableFuture.completedFuture(CommandResult.ok());
    }

    @Override
    public synchronized CompletableFuture<CommandResult> clearImpairment(String room, String identity) {
        if (!knows(room, identity)) {
            return CompletableFuture.completedFuture(CommandResult.fail(MediaError.NOT_FOUND, "no such participant"));
        }
        impairments.remove(room + "/" + identity);
        return CompletableFuture.completedFuture(CommandResult.ok());
    }

    @Override
    public synchronized CompletableFuture<dev.onair.sfu.api.ImpairmentStatus> impairment(String room,
            String identity) {
        if (!knows(room, identity)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.completedFuture(
                new dev.onair.sfu.api.ImpairmentStatus(impairments.get(room + "/" + identity), null, null));
    }

    @Override
    public synchronized CompletableFuture<dev.onair.sfu.recorder.Recording> recording(String room, String identity) {
        if (!knows(room, identity)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.completedFuture(new dev.onair.sfu.recorder.Recording(List.of(), List.of(), 0, 0, 0, 0));
    }

    private boolean knows(String room, String identity) {
        List<ParticipantInfo> list = participants(room).join();
        return list != null && list.stream().anyMatch(p -> p.identity().equals(identity));
    }

    MediaBootstrap.Started started() {
        return new MediaBootstrap.Started(this, 40000, List.of(), () -> { });
    }

    @Override
    public void addListener(RoomEventListener listener) {
        listeners.add(listener);
    }

    /** Sends an event to the listeners and the joined sockets, as the SFU would from its media loop. */
    void emit(dev.onair.sfu.api.RoomEvent event) {
        listeners.forEach(l -> l.onEvent(event));
        List<ParticipantListener> joined;
        synchronized (this) {
            joined = new ArrayList<>(joinedListeners);
        }
        joined.forEach(l -> l.onEvent(event));
    }

    private final java.util.List<RoomEventListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<ParticipantListener> joinedListeners = new ArrayList<>();
}
