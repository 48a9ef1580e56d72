package dev.onair.sfu;

import dev.onair.protocol.sdp.SdpParseResult;
import dev.onair.protocol.sdp.SdpParser;
import dev.onair.sfu.api.MediaError;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.RoomInfo;
import dev.onair.sfu.api.ResourceRef;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomEventListener;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.api.SessionOutcome;
import dev.onair.sfu.api.SessionRequest;
import dev.onair.sfu.negotiation.LocalParams;
import dev.onair.sfu.negotiation.NegotiatedSession;
import dev.onair.sfu.negotiation.NegotiationErrorCode;
import dev.onair.sfu.negotiation.NegotiationResult;
import dev.onair.sfu.negotiation.SdpNegotiator;
import dev.onair.sfu.room.Room;
import dev.onair.sfu.session.MediaSession;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.session.SessionContext;
import dev.onair.sfu.session.SessionOwner;
import dev.onair.sfu.session.SubscriberSession;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsRole;
import dev.onair.transport.dtls.RemoteFingerprint;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.peer.MediaDemux;
import dev.onair.transport.peer.PeerTransport;
import dev.onair.transport.peer.PeerTransportConfig;
import dev.onair.transport.peer.TransportRegistry;
import dev.onair.transport.udp.UdpEndpoint;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFU behind signalling: negotiates, creates and closes sessions, keeps rooms, and runs the periodic
 * work. Every mutation happens on the media loop; callers get a future. Status is a snapshot refreshed on
 * each change and each tick, so readers on other threads never touch loop state.
 */
final class SfuMediaService implements MediaService, SessionOwner {
    private static final Logger LOG = LoggerFactory.getLogger(SfuMediaService.class);
    private static final int DRAIN_BUDGET_PER_SUBSCRIBER = 64;
    private static final String CNAME = "onair";
    /** The {@code participant_left} reason when the admin API removes a participant. */
    static final String REMOVED_REASON = "removed by an administrator";

    private final SfuConfig cfg;
    private final EventLoop loop;
    private final TransportRegistry registry;
    private final DtlsCertificate certificate;
    private final Executor dtlsExecutor;
    private final RandomGenerator rng;
    private final SessionContext ctx;
    private final Map<String, MediaSession> sessions = new LinkedHashMap<>();
    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, ResourceRef> resources = new ConcurrentHashMap<>();
    private final RoomDirectory directory = new RoomDirectory();
    private final ArrayDeque<SubscriberSession> dirty = new ArrayDeque<>();
    private UdpEndpoint udp;
    private MediaDemux demux;
    private List<InetSocketAddress> candidates = List.of();
    private long created;
    private long closed;
    private final List<RoomEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile MediaStatus snapshot = new MediaStatus(0, 0, 0, 0, 0, List.of());

    SfuMediaService(SfuConfig cfg, EventLoop loop, TransportRegistry registry, DtlsCertificate certificate,
                    Executor dtlsExecutor, RandomGenerator rng) {
        this.cfg = cfg;
        this.loop = loop;
        this.registry = registry;
        this.certificate = certificate;
        this.dtlsExecutor = dtlsExecutor;
        this.rng = rng;
        this.ctx = SessionContext.create(cfg.clock(), this, CNAME);
    }

    void attach(UdpEndpoint udp, MediaDemux demux, List<InetSocketAddress> candidates) {
        this.udp = udp;
        this.demux = demux;
        this.candidates = List.copyOf(candidates);
    }

    @Override
    public CompletableFuture<SessionOutcome> publish(SessionRequest request) {
        return CompletableFuture.supplyAsync(() -> create(request, true), loop);
    }

    @Override
    public CompletableFuture<SessionOutcome> subscribe(SessionRequest request) {
        return CompletableFuture.supplyAsync(() -> create(request, false), loop);
    }

    @Override
    public CompletableFuture<Boolean> close(String resourceId) {
        return CompletableFuture.supplyAsync(() -> {
            MediaSession s = sessions.get(resourceId);
            if (s == null) {
                return false;
            }
            s.close("deleted by client");
            return true;
        }, loop);
    }

    CompletableFuture<Void> closeAll(String reason) {
        return CompletableFuture.runAsync(() -> {
            for (MediaSession s : new ArrayList<>(sessions.values())) {
                s.close(reason);
            }
        }, loop);
    }

    @Override
    public ResourceRef resourceOf(String resourceId) {
        return resources.get(resourceId);
    }

    @Override
    public MediaStatus status() {
        return snapshot;
    }

    @Override
    public CompletableFuture<List<RoomInfo>> rooms() {
        return CompletableFuture.supplyAsync(() -> directory.rooms(sessions.values()), loop);
    }

    @Override
    public CompletableFuture<List<ParticipantInfo>> participants(String room) {
        return CompletableFuture.supplyAsync(() -> directory.participants(room, sessions.values()), loop);
    }

    @Override
    public CompletableFuture<Boolean> closeRoom(String room, String reason) {
        return CompletableFuture.supplyAsync(() -> closeMatching(room, null, reason) > 0, loop);
    }

    @Override
    public CompletableFuture<Integer> removeParticipant(String room, String identity) {
        return CompletableFuture.supplyAsync(() -> closeMatching(room, identity, REMOVED_REASON), loop);
    }

    /** Closes the sessions of {@code room} (of one identity, when not null); returns how many. */
    private int closeMatching(String room, String identity, String reason) {
        List<MediaSession> matching = new ArrayList<>();
        for (MediaSession s : sessions.values()) {
            if (s.room().equals(room) && (identity == null || s.identity().equals(identity))) {
                matching.add(s);
            }
        }
        for (MediaSession s : matching) {
            s.close(reason);
        }
        return matching.size();
    }

    @Override
    public void addListener(RoomEventListener listener) {
        listeners.add(listener);
    }

    private void emit(RoomEvent event) {
        for (RoomEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("room event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    private boolean hasSession(String room, String identity) {
        for (MediaSession s : sessions.values()) {
            if (s.room().equals(room) && s.identity().equals(identity)) {
                return true;
            }
        }
        return false;
    }

    private SessionOutcome create(SessionRequest req, boolean publish) {
        try {
            return createOnLoop(req, publish);
        } catch (RuntimeException e) {
            LOG.warn("creating a {} session in room {} failed", publish ? "publish" : "subscribe", req.room(), e);
            return new SessionOutcome.Rejected(MediaError.INTERNAL, "internal error while creating the session");
        }
    }

    private SessionOutcome createOnLoop(SessionRequest req, boolean publish) {
        if (sessions.size() >= cfg.maxSessions()) {
            return new SessionOutcome.Rejected(MediaError.AT_CAPACITY,
                    "this node is at its limit of " + cfg.maxSessions() + " sessions");
        }
        SdpParseResult parsed = SdpParser.parse(req.sdpOffer());
        if (parsed.error() != null) {
            return new SessionOutcome.Rejected(MediaError.MALFORMED_SDP, "malformed SDP: " + parsed.error().message());
        }
        IceCredentials localIce = IceCredentials.random(rng);
        LocalParams local = new LocalParams(localIce.ufrag(), localIce.pwd(), "sha-256",
                certificate.fingerprintSha256(), candidates, Long.toString(rng.nextLong() & Long.MAX_VALUE), CNAME);
        NegotiationResult nr = publish ? SdpNegotiator.answerPublish(parsed.description(), local)
                : SdpNegotiator.answerSubscribe(parsed.description(), local, () -> rng.nextLong() & 0xFFFFFFFFL);
        if (nr.error() != null) {
            MediaError err = nr.error().code() == NegotiationErrorCode.MALFORMED ? MediaError.MALFORMED_SDP
                    : MediaError.UNSUPPORTED_SDP;
            return new SessionOutcome.Rejected(err, nr.error().reason());
        }
        NegotiatedSession ns = nr.session();
        String resourceId = HexFormat.of().toHexDigits(rng.nextLong());
        PeerTransport transport = new PeerTransport(new PeerTransportConfig(resourceId, localIce,
                new IceCredentials(ns.remoteIceUfrag(), ns.remoteIcePwd()), dtlsRole(ns.localRole()), certificate,
                new RemoteFingerprint(ns.remoteFingerprint().algorithm(), ns.remoteFingerprint().digest()), dtlsExecutor,
                cfg.srtpBackend(), cfg.clock(), cfg.consentTimeoutMillis()), udp, registry);
        registry.register(transport);
        long wallMillis = cfg.clock().wallMillis();
        Room room = rooms.get(req.room());
        if (room == null) {
            room = new Room(req.room());
            rooms.put(room.name(), room);
            directory.roomStarted(room.name(), wallMillis);
            emit(new RoomEvent.RoomStarted(room.name(), wallMillis));
        }
        if (!hasSession(req.room(), req.identity())) {
            emit(new RoomEvent.ParticipantJoined(req.room(), req.identity(), req.displayName(), wallMillis));
        }
        long now = cfg.clock().nanoTime();
        MediaSession session;
        if (publish) {
            PublisherSession ps = new PublisherSession(resourceId, req.room(), req.identity(), transport,
                    NegotiatedTracks.setups(ns), rng.nextLong() & 0xFFFFFFFFL, ctx);
            PublisherSession replaced = room.addPublisher(ps);
            session = ps;
            directory.sessionAdded(resourceId, req.displayName());
            register(session);
            for (PublishedTrack t : ps.tracks()) {
                emit(new RoomEvent.TrackPublished(req.room(), req.identity(), t.id(), t.kind().sdpName(), wallMillis));
            }
            if (replaced != null) {
                replaced.close("replaced by a new session of the same identity");
            }
            room.rebindSubscribers(now);
        } else {
            SubscriberSession ss = new SubscriberSession(resourceId, req.room(), req.identity(), transport,
                    NegotiatedTracks.setups(ns), cfg.subscriberQueuePackets(), rng, ctx);
            room.addSubscriber(ss);
            session = ss;
            directory.sessionAdded(resourceId, req.displayName());
            register(session);
        }
        LOG.info("{} started room={} identity={} resource={} tracks={}", publish ? "publish" : "subscribe",
                req.room(), req.identity(), resourceId, ns.media().size());
        return new SessionOutcome.Created(resourceId, nr.answerSdp());
    }

    private static DtlsRole dtlsRole(dev.onair.sfu.negotiation.DtlsRole role) {
        return role == dev.onair.sfu.negotiation.DtlsRole.SERVER ? DtlsRole.SERVER : DtlsRole.CLIENT;
    }

    private void register(MediaSession session) {
        sessions.put(session.resourceId(), session);
        resources.put(session.resourceId(), new ResourceRef(session.room(), session instanceof PublisherSession));
        created++;
        refreshSnapshot();
    }

    @Override
    public void onSessionConnected(MediaSession session) {
        if (session instanceof SubscriberSession ss) {
            Room room = rooms.get(ss.room());
            if (room != null) {
                room.bind(ss, cfg.clock().nanoTime());
            }
        }
        refreshSnapshot();
    }

    @Override
    public void onSessionClosed(MediaSession session, String reason) {
        if (sessions.remove(session.resourceId(), session)) {
            closed++;
            resources.remove(session.resourceId());
            directory.sessionRemoved(session.resourceId());
        }
        long wallMillis = cfg.clock().wallMillis();
        if (session instanceof PublisherSession ps) {
            for (PublishedTrack t : ps.tracks()) {
                emit(new RoomEvent.TrackUnpublished(ps.room(), ps.identity(), t.id(), t.kind().sdpName(), wallMillis));
            }
        }
        if (!hasSession(session.room(), session.identity())) {
            emit(new RoomEvent.ParticipantLeft(session.room(), session.identity(), reason, wallMillis));
        }
        Room room = rooms.get(session.room());
        if (room != null) {
            if (session instanceof PublisherSession ps) {
                room.removePublisher(ps);
                room.rebindSubscribers(cfg.clock().nanoTime());
            } else if (session instanceof SubscriberSession ss) {
                room.removeSubscriber(ss);
            }
            if (room.isEmpty()) {
                rooms.remove(room.name());
                directory.roomFinished(room.name());
                emit(new RoomEvent.RoomFinished(room.name(), wallMillis));
            }
        }
        refreshSnapshot();
    }

    @Override
    public void onSubscriberDirty(SubscriberSession session) {
        dirty.add(session);
    }

    /** End of a read batch: encrypt and send what the router queued, fairly across subscribers. */
    void drainDirtySubscribers() {
        int rounds = dirty.size();
        while (rounds-- > 0 && !dirty.isEmpty()) {
            SubscriberSession s = dirty.poll();
            if (!s.isClosed() && s.drain(DRAIN_BUDGET_PER_SUBSCRIBER)) {
                dirty.add(s);
            }
        }
    }

    /** Once a second on the media loop: consent freshness, RTCP reports, status. */
    void tick() {
        long now = cfg.clock().nanoTime();
        for (MediaSession s : new ArrayList<>(sessions.values())) {
            try {
                s.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("session {} failed its periodic work; closing it", s.resourceId(), e);
                s.close("internal error");
            }
        }
        drainDirtySubscribers();
        udp.flush();
        refreshSnapshot();
    }

    /** Every {@link dev.onair.sfu.speaker.SpeakerPolicy#tickMillis()} on the media loop: active speakers per room. */
    void speakerTick() {
        long nowMillis = cfg.clock().nanoTime() / 1_000_000L;
        boolean changed = false;
        for (Room room : new ArrayList<>(rooms.values())) {
            try {
                List<RoomEvent.Speaker> speakers = room.tickSpeakers(nowMillis);
                if (speakers != null) {
                    changed = true;
                    emit(new RoomEvent.ActiveSpeakersChanged(room.name(), speakers, cfg.clock().wallMillis()));
                }
            } catch (RuntimeException e) {
                LOG.warn("active-speaker detection failed in room {}", room.name(), e);
            }
        }
        if (changed) {
            refreshSnapshot();
        }
    }

    private void refreshSnapshot() {
        int publishers = 0;
        int subscribers = 0;
        List<MediaStatus.SessionInfo> infos = new ArrayList<>(sessions.size());
        for (MediaSession s : sessions.values()) {
            if (s instanceof PublisherSession) {
                publishers++;
            } else {
                subscribers++;
            }
            infos.add(s.info());
        }
        Map<String, List<String>> speakers = new HashMap<>();
        for (Room room : rooms.values()) {
            if (!room.speakers().isEmpty()) {
                speakers.put(room.name(), room.speakers().stream().map(RoomEvent.Speaker::identity).toList());
            }
        }
        snapshot = new MediaStatus(rooms.size(), publishers, subscribers, created, closed, List.copyOf(infos),
                demux == null ? Map.of() : MediaStatus.dropNames("demux", demux.drops(), null), speakers);
    }

}
