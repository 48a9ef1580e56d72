package dev.onair.sfu;

import dev.onair.protocol.sdp.SessionDescription;
import dev.onair.sfu.api.ClientStats;
import dev.onair.sfu.api.CommandResult;
import dev.onair.sfu.api.JoinOutcome;
import dev.onair.sfu.api.JoinRequest;
import dev.onair.sfu.api.MediaError;
import dev.onair.sfu.api.ImpairmentSetting;
import dev.onair.sfu.api.ImpairmentStatus;
import dev.onair.sfu.recorder.ControlKind;
import dev.onair.sfu.recorder.FlightRecorder;
import dev.onair.sfu.recorder.Recording;
import dev.onair.sfu.recorder.TransportRecorder;
import dev.onair.sfu.api.MediaService;
import dev.onair.sfu.api.MediaStatus;
import dev.onair.sfu.api.NegotiationOutcome;
import dev.onair.sfu.api.ParticipantInfo;
import dev.onair.sfu.api.ParticipantListener;
import dev.onair.sfu.api.ParticipantListener.RemovalCause;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.PublishRequest;
import dev.onair.sfu.api.ResourceRef;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomEventListener;
import dev.onair.sfu.api.RoomInfo;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.api.SessionOutcome;
import dev.onair.sfu.api.SessionReport;
import dev.onair.sfu.api.SessionRequest;
import dev.onair.sfu.api.SubscribeRequest;
import dev.onair.sfu.api.TrackSource;
import dev.onair.sfu.negotiation.LocalParams;
import dev.onair.sfu.negotiation.NegotiatedSession;
import dev.onair.sfu.negotiation.NegotiationResult;
import dev.onair.sfu.negotiation.SdpNegotiator;
import dev.onair.sfu.room.Participant;
import dev.onair.sfu.room.Room;
import dev.onair.sfu.session.MediaSession;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.session.SessionContext;
import dev.onair.sfu.session.SessionOwner;
import dev.onair.sfu.session.SubscriberSession;
import dev.onair.sfu.simulcast.Dynacast;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.SubscriberTrack;
import dev.onair.transport.ice.IceCredentials;
import dev.onair.transport.peer.MediaDemux;
import dev.onair.transport.peer.PeerTransport;
import dev.onair.transport.udp.UdpEndpoint;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFU behind signalling: rooms and their participants, the sessions that carry their media, and the
 * periodic work. Every mutation happens on the media loop; callers get a future. Status is a snapshot
 * rebuilt at most once per loop turn after a change, so readers on other threads never touch loop state.
 */
final class SfuMediaService implements MediaService, SessionOwner {
    private static final Logger LOG = LoggerFactory.getLogger(SfuMediaService.class);
    private static final int DRAIN_BUDGET_PER_SUBSCRIBER = 64;
    /** The {@code participant_left} reason when the admin API removes a participant. */
    static final String REMOVED_REASON = "removed by an administrator";
    static final String RESUME_EXPIRED_REASON = "resume window expired";

    private final SfuConfig cfg;
    private final EventLoop loop;
    private final SessionFactory factory;
    private final SessionContext ctx;
    private final EventRouter events = new EventRouter();
    private final QualityTicker quality;
    private final Map<String, MediaSession> sessions = new LinkedHashMap<>();
    private final Map<String, Participant> sessionOwners = new HashMap<>();
    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, ResourceRef> resources = new ConcurrentHashMap<>();
    private final ArrayDeque<SubscriberSession> dirty = new ArrayDeque<>();
    /** Subscribers with paced packets left, drained by {@link #paceTick()}. */
    private final ArrayDeque<SubscriberSession> pacing = new ArrayDeque<>();
    private MediaDemux demux;
    private UdpEndpoint udp;
    private long created;
    private long closed;
    private boolean snapshotScheduled;
    private volatile MediaStatus snapshot = new MediaStatus(0, 0, 0, 0, 0, List.of());

    SfuMediaService(SfuConfig cfg, EventLoop loop, SessionFactory factory) {
        this.cfg = cfg;
        this.loop = loop;
        this.factory = factory;
        this.ctx = SessionContext.create(cfg.clock(), this, SessionFactory.CNAME);
        this.quality = cfg.quality() == null ? null : new QualityTicker(cfg.quality());
    }

    void attach(UdpEndpoint udp, MediaDemux demux, List<InetSocketAddress> candidates) {
        this.demux = demux;
        this.udp = udp;
        factory.attach(udp, candidates);
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> work, T onFailure, String what) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                LOG.warn("{} failed", what, e);
                return onFailure;
            } finally {
                if (snapshotScheduled) {
                    refreshSnapshot(); // a caller that saw the future complete reads an up-to-date status
                }
            }
        }, loop);
    }

    private long nowNanos() {
        return cfg.clock().nanoTime();
    }

    private long wallMillis() {
        return cfg.clock().wallMillis();
    }

    // --- WHIP / WHEP sessions -----------------------------------------------------------------------------

    @Override
    public CompletableFuture<SessionOutcome> publish(SessionRequest request) {
        return onLoop(() -> createWhipWhep(request, true), internal(), "creating a publish session");
    }

    @Override
    public CompletableFuture<SessionOutcome> subscribe(SessionRequest request) {
        return onLoop(() -> createWhipWhep(request, false), internal(), "creating a subscribe session");
    }

    private static SessionOutcome internal() {
        return new SessionOutcome.Rejected(MediaError.INTERNAL, "internal error while creating the session");
    }

    private SessionOutcome createWhipWhep(SessionRequest req, boolean publish) {
        if (sessions.size() >= cfg.maxSessions()) {
            return new SessionOutcome.Rejected(MediaError.AT_CAPACITY, atCapacity());
        }
        String[] parseError = new String[1];
        SessionDescription offer = SessionFactory.parse(req.sdpOffer(), parseError);
        if (offer == null) {
            return new SessionOutcome.Rejected(MediaError.MALFORMED_SDP, parseError[0]);
        }
        IceCredentials localIce = factory.newIce();
        NegotiationResult nr = publish ? SdpNegotiator.answerPublish(offer, factory.local(localIce))
                : SdpNegotiator.answerSubscribe(offer, factory.local(localIce), mid -> factory.rng().nextLong());
        if (nr.error() != null) {
            return new SessionOutcome.Rejected(SessionFactory.errorOf(nr), nr.error().reason());
        }
        String resourceId = factory.newId();
        PeerTransport transport = factory.transport(resourceId, localIce, nr.session());
        Room room = roomFor(req.room(), null);
        Participant p = room.participant(req.identity());
        if (p == null) {
            p = new Participant(req.identity(), req.displayName(), null,
                    ParticipantRole.of(room.kind(), publish), publish, room.nextJoinOrder(), wallMillis());
            room.add(p);
            events.emit(room, new RoomEvent.ParticipantJoined(room.name(), ParticipantViews.participant(p),
                    wallMillis()), p);
        } else if (req.displayName() != null) {
            p.setName(req.displayName());
        }
        long now = nowNanos();
        if (publish) {
            PublisherSession ps = new PublisherSession(resourceId, req.room(), req.identity(), transport,
                    NegotiatedTracks.setups(nr.session()), factory.rng().nextLong() & 0xFFFFFFFFL, this::trackId, ctx);
            PublisherSession replaced = room.addPublisher(ps, true);
            register(ps, p);
            publishTracks(room, p, ps.tracks());
            if (replaced != null) {
                replaced.close("replaced by a new session of the same identity");
            }
            room.rebindWhep(now);
        } else {
            SubscriberSession ss = new SubscriberSession(resourceId, req.room(), req.identity(), transport,
                    NegotiatedTracks.setups(nr.session()), cfg.subscriberQueuePackets(), factory.rng(), ctx);
            room.addWhepSubscriber(ss);
            register(ss, p);
        }
        LOG.info("{} started room={} identity={} resource={} tracks={}", publish ? "publish" : "subscribe",
                req.room(), req.identity(), resourceId, nr.session().media().size());
        return new SessionOutcome.Created(resourceId, nr.answerSdp());
    }

    private String atCapacity() {
        return "this node is at its limit of " + cfg.maxSessions() + " sessions";
    }

    private String trackId() {
        return "TR_" + factory.newId().substring(0, 12);
    }

    private void register(MediaSession session, Participant owner) {
        sessions.put(session.resourceId(), session);
        sessionOwners.put(session.resourceId(), owner);
        owner.sessions().add(session);
        if (cfg.recorder().enabled()) {
            FlightRecorder recorder = owner.recorder(cfg.recorder());
            int link = owner.nextRecorderLink();
            session.transport().setObserver(new TransportRecorder(recorder, link));
            session.attachRecorder(recorder, link);
        }
        if (owner.impairment() != null) {
            Impairments.apply(owner, session.transport());
        }
        resources.put(session.resourceId(), new ResourceRef(session.room(), session instanceof PublisherSession));
        created++;
        scheduleSnapshot();
    }

    private void publishTracks(Room room, Participant owner, List<PublishedTrack> tracks) {
        for (PublishedTrack t : tracks) {
            room.indexTrack(t, owner);
            events.emit(room, new RoomEvent.TrackPublished(room.name(), owner.identity(), ParticipantViews.track(t),
                    wallMillis()), owner);
        }
    }

    private void unpublishTracks(Room room, Participant owner, String identity, List<PublishedTrack> tracks) {
        for (PublishedTrack t : tracks) {
            if (room.track(t.id()) == t) {
                room.unindexTrack(t);
                events.emit(room, new RoomEvent.TrackUnpublished(room.name(), identity, ParticipantViews.track(t),
                        wallMillis()), owner);
            }
        }
    }

    @Override
    public CompletableFuture<Boolean> close(String resourceId) {
        return onLoop(() -> {
            MediaSession s = sessions.get(resourceId);
            if (s == null) {
                return false;
            }
            s.close("deleted by client");
            return true;
        }, false, "closing a session");
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

    // --- rooms and participants ---------------------------------------------------------------------------

    /** The room, created (and announced) if it does not exist. */
    private Room roomFor(String name, RoomKind kind) {
        Room room = rooms.get(name);
        if (room == null) {
            RoomKind k = kind == null ? RoomKind.CONFERENCE : kind;
            room = new Room(name, k, wallMillis(), nowNanos());
            rooms.put(name, room);
            events.emit(room, new RoomEvent.RoomStarted(name, k, wallMillis()), null);
            LOG.info("room started room={} kind={}", name, k.wireName());
        }
        return room;
    }

    @Override
    public CompletableFuture<JoinOutcome> join(JoinRequest req, ParticipantListener listener) {
        return onLoop(() -> joinOnLoop(req, listener),
                new JoinOutcome.Rejected(MediaError.INTERNAL, "internal error while joining"), "joining");
    }

    private JoinOutcome joinOnLoop(JoinRequest req, ParticipantListener listener) {
        if (req.metadata() != null
                && req.metadata().getBytes(StandardCharsets.UTF_8).length > JoinRequest.MAX_METADATA_BYTES) {
            return new JoinOutcome.Rejected(MediaError.INVALID, "metadata is limited to 1 KiB");
        }
        Room room = roomFor(req.room(), req.roomKind());
        ParticipantRole role = ParticipantRole.of(room.kind(), req.mayPublish());
        Participant p = room.participant(req.identity());
        if (p != null && p.isSignalled()) {
            removeParticipant(room, p, RemovalCause.REPLACED, "replaced by a new connection of the same identity");
            p = null;
        }
        boolean fresh = p == null;
        if (fresh) {
            p = new Participant(req.identity(), req.name(), req.metadata(), role, req.mayPublish(),
                    room.nextJoinOrder(), wallMillis());
        } else {
            // A WHIP/WHEP participant now joins with signalling too: same participant, no second join event.
            p.setName(req.name() != null ? req.name() : p.name());
            p.setMetadata(req.metadata());
        }
        p.signal(factory.newSecret(), role, req.mayPublish());
        if (fresh) {
            room.add(p);
            events.emit(room, new RoomEvent.ParticipantJoined(room.name(), ParticipantViews.participant(p),
                    wallMillis()), p);
        }
        p.attach(listener);
        JoinOutcome.Joined joined = joined(room, p, false);
        listener.onJoined(joined);
        tellSpeakers(room, p, false);
        LOG.info("participant joined room={} identity={} role={}", room.name(), p.identity(), role.wireName());
        scheduleSnapshot();
        return joined;
    }

    /**
     * Speaker events only come when the speakers change, so a participant that joins while someone speaks
     * learns it here, right behind its {@code joined}; a resumed one always gets the list (it may have missed
     * changes, an end of speaking included, while its socket was down).
     */
    private void tellSpeakers(Room room, Participant p, boolean evenWhenNobodySpeaks) {
        List<RoomEvent.Speaker> now = room.speakers();
        if (!now.isEmpty() || evenWhenNobodySpeaks) {
            events.emitTo(p, new RoomEvent.ActiveSpeakersChanged(room.name(), now, wallMillis()));
        }
    }

    private static JoinOutcome.Joined joined(Room room, Participant p, boolean resumed) {
        return new JoinOutcome.Joined(ParticipantViews.room(room), ParticipantViews.participant(p),
                ParticipantViews.visibleTo(room, p), room.viewerCount(), p.resumeKey(), resumed);
    }

    @Override
    public CompletableFuture<JoinOutcome> resume(String roomName, String identity, String resumeKey,
            ParticipantListener listener) {
        return onLoop(() -> {
            Room room = rooms.get(roomName);
            Participant p = room == null ? null : room.participant(identity);
            if (p == null || !p.isSignalled() || resumeKey == null || !resumeKey.equals(p.resumeKey())) {
                return new JoinOutcome.Rejected(MediaError.NOT_FOUND, "nothing to resume: the participant is gone");
            }
            ParticipantListener old = p.listener();
            p.attach(listener);
            if (old != null && old != listener) {
                old.onRemoved(RemovalCause.REPLACED, "resumed on another connection");
            }
            JoinOutcome.Joined joined = joined(room, p, true);
            listener.onJoined(joined);
            tellSpeakers(room, p, true);
            LOG.info("participant resumed room={} identity={}", roomName, identity);
            return joined;
        }, new JoinOutcome.Rejected(MediaError.INTERNAL, "internal error while resuming"), "resuming");
    }

    @Override
    public void detach(String roomName, String identity, ParticipantListener listener) {
        loop.execute(() -> {
            Participant p = signalled(roomName, identity, listener);
            if (p != null) {
                p.detach(nowNanos());
                LOG.info("participant detached room={} identity={}; it may resume for {} ms", roomName, identity,
                        cfg.rooms().resumeWindowMillis());
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> leave(String roomName, String identity, ParticipantListener listener) {
        return onLoop(() -> {
            Participant p = signalled(roomName, identity, listener);
            if (p == null) {
                return false;
            }
            p.attach(null);
            removeParticipant(rooms.get(roomName), p, null, "left");
            return true;
        }, false, "leaving");
    }

    /** The signalling participant whose current listener is {@code listener}, or null. */
    private Participant signalled(String roomName, String identity, ParticipantListener listener) {
        Room room = rooms.get(roomName);
        Participant p = room == null ? null : room.participant(identity);
        return p != null && p.isSignalled() && p.listener() == listener ? p : null;
    }

    /**
     * Removes a participant: tells its listener why (unless it left itself, {@code cause} null), closes its
     * sessions (their tracks are unpublished), and announces that it left.
     */
    private void removeParticipant(Room room, Participant p, RemovalCause cause, String reason) {
        ParticipantListener l = p.listener();
        p.attach(null);
        if (l != null && cause != null) {
            try {
                l.onRemoved(cause, reason);
            } catch (RuntimeException e) {
                LOG.warn("participant listener of {} failed on removal", p.identity(), e);
            }
        }
        room.remove(p, nowNanos());
        for (MediaSession s : new ArrayList<>(p.sessions())) {
            s.close(reason);
        }
        events.emit(room, new RoomEvent.ParticipantLeft(room.name(), p.identity(), reason, wallMillis()), p);
        applyAllSubscriptions(room);
        LOG.info("participant left room={} identity={} reason=\"{}\"", room.name(), p.identity(), reason);
        scheduleSnapshot();
    }

    // --- signalling connections: publish and subscribe ----------------------------------------------------

    @Override
    public CompletableFuture<NegotiationOutcome> publishConnection(PublishRequest req) {
        return onLoop(() -> publishOnLoop(req),
                new NegotiationOutcome.Rejected(MediaError.INTERNAL, "internal error while negotiating"),
                "negotiating a publisher connection");
    }

    private NegotiationOutcome publishOnLoop(PublishRequest req) {
        Room room = rooms.get(req.room());
        Participant p = room == null ? null : room.participant(req.identity());
        if (p == null || !p.isSignalled()) {
            return new NegotiationOutcome.Rejected(MediaError.CONFLICT, "join the room first");
        }
        if (!p.mayPublish()) {
            return new NegotiationOutcome.Rejected(MediaError.FORBIDDEN,
                    p.role() == ParticipantRole.VIEWER ? "viewers of a broadcast room cannot publish"
                            : "the token does not allow publishing");
        }
        PublisherSession existing = p.publisher();
        boolean renegotiate = existing != null && !existing.isClosed();
        ConnectionAnswer ca = answerConnection(req.sdpOffer(), renegotiate ? existing : null,
                p.publisherFingerprint(), SdpNegotiator::answerPublishConnection);
        if (ca.rejected() != null) {
            return ca.rejected();
        }
        NegotiationResult nr = ca.result();
        NegotiatedSession ns = nr.session();
        long now = nowNanos();
        PublisherSession ps;
        if (renegotiate) {
            ps = existing;
            PublisherSession.Renegotiated diff = ps.renegotiate(NegotiatedTracks.setups(ns));
            unpublishTracks(room, p, p.identity(), diff.removed());
            applyIntents(room, p, ps, req, now);
            publishTracks(room, p, diff.added());
        } else {
            String resourceId = factory.newId();
            PeerTransport transport = factory.transport(resourceId, ca.localIce(), ns);
            ps = new PublisherSession(resourceId, room.name(), p.identity(), transport, NegotiatedTracks.setups(ns),
                    factory.rng().nextLong() & 0xFFFFFFFFL, this::trackId, ctx);
            room.addPublisher(ps, false);
            p.setPublisher(ps, SessionFactory.fingerprintOf(ns));
            register(ps, p);
            applyIntents(room, p, ps, req, now);
            publishTracks(room, p, ps.tracks());
            LOG.info("publisher connection started room={} identity={} resource={}", room.name(), p.identity(),
                    resourceId);
        }
        room.rebindWhep(now);
        List<NegotiationOutcome.MidTrack> tracks = new ArrayList<>();
        for (PublishedTrack t : ps.tracks()) {
            tracks.add(new NegotiationOutcome.MidTrack(t.mid(), ParticipantViews.track(t), "active"));
        }
        scheduleSnapshot();
        return new NegotiationOutcome.Answered(nr.answerSdp(), tracks);
    }

    /** Applies the declared sources and mutes of the offer's m-lines; a mute change is announced. */
    private void applyIntents(Room room, Participant p, PublisherSession ps, PublishRequest req, long now) {
        for (PublishedTrack t : ps.tracks()) {
            PublishRequest.TrackIntent intent = req.intents().get(t.mid());
            if (intent == null) {
                continue;
            }
            if (intent.source() != null) {
                t.setSource(intent.source());
            }
            boolean known = room.track(t.id()) == t;
            if (t.setMuted(intent.muted(), false, now) && known) {
                events.emit(room, new RoomEvent.TrackMuted(room.name(), p.identity(), ParticipantViews.track(t), false,
                        wallMillis()), p);
            }
        }
    }

    /** An answered offer of a signalling connection, with the local ICE credentials it carries; or a rejection. */
    private record ConnectionAnswer(NegotiationResult result, IceCredentials localIce,
                                    NegotiationOutcome.Rejected rejected) {
        static ConnectionAnswer reject(MediaError error, String reason) {
            return new ConnectionAnswer(null, null, new NegotiationOutcome.Rejected(error, reason));
        }
    }

    /**
     * Answers an offer of a publisher or subscriber connection. A first offer ({@code existing} null) gets fresh
     * ICE credentials. A renegotiation keeps the transport's credentials, must keep the DTLS fingerprint, and
     * when the offer carries new remote credentials it is an ICE restart (RFC 8445 §2.4): the transport gets new
     * local credentials too, and the answer carries them. DTLS and SRTP are never touched.
     */
    private ConnectionAnswer answerConnection(String sdp, MediaSession existing, String fingerprint,
            BiFunction<SessionDescription, LocalParams, NegotiationResult> answerer) {
        String[] parseError = new String[1];
        SessionDescription offer = SessionFactory.parse(sdp, parseError);
        if (offer == null) {
            return ConnectionAnswer.reject(MediaError.MALFORMED_SDP, parseError[0]);
        }
        if (existing == null && sessions.size() >= cfg.maxSessions()) {
            return ConnectionAnswer.reject(MediaError.AT_CAPACITY, atCapacity());
        }
        IceCredentials localIce = existing != null ? existing.transport().localIce() : factory.newIce();
        NegotiationResult nr = answerer.apply(offer, factory.local(localIce));
        if (nr.error() != null) {
            return ConnectionAnswer.reject(SessionFactory.errorOf(nr), nr.error().reason());
        }
        if (existing == null) {
            return new ConnectionAnswer(nr, localIce, null);
        }
        NegotiatedSession ns = nr.session();
        if (!SessionFactory.fingerprintOf(ns).equals(fingerprint)) {
            return ConnectionAnswer.reject(MediaError.UNSUPPORTED_SDP,
                    "the DTLS fingerprint changed; a renegotiation must keep it");
        }
        PeerTransport transport = existing.transport();
        IceCredentials remote = transport.remoteIce();
        if (remote.ufrag().equals(ns.remoteIceUfrag()) && remote.pwd().equals(ns.remoteIcePwd())) {
            return new ConnectionAnswer(nr, localIce, null);
        }
        IceCredentials restarted = factory.newIce();
        transport.restartIce(restarted, new IceCredentials(ns.remoteIceUfrag(), ns.remoteIcePwd()));
        LOG.info("ICE restart resource={}", transport.id());
        return new ConnectionAnswer(answerer.apply(offer, factory.local(restarted)), restarted, null);
    }

    @Override
    public CompletableFuture<NegotiationOutcome> subscribeConnection(SubscribeRequest req) {
        return onLoop(() -> subscribeOnLoop(req),
                new NegotiationOutcome.Rejected(MediaError.INTERNAL, "internal error while negotiating"),
                "negotiating a subscriber connection");
    }

    private NegotiationOutcome subscribeOnLoop(SubscribeRequest req) {
        Room room = rooms.get(req.room());
        Participant p = room == null ? null : room.participant(req.identity());
        if (p == null || !p.isSignalled()) {
            return new NegotiationOutcome.Rejected(MediaError.CONFLICT, "join the room first");
        }
        SubscriberSession existing = p.subscriber();
        boolean renegotiate = existing != null && !existing.isClosed();
        if (!renegotiate) {
            p.setSubscriber(null, null);
        }
        Map<String, Long> ssrcs = p.subscriberSsrcByMid();
        ConnectionAnswer ca = answerConnection(req.sdpOffer(), renegotiate ? existing : null,
                p.subscriberFingerprint(), (offer, local) -> SdpNegotiator.answerSubscribeConnection(offer, local,
                        mid -> ssrcs.computeIfAbsent(mid, m -> factory.rng().nextLong() & 0xFFFFFFFFL)));
        if (ca.rejected() != null) {
            return ca.rejected();
        }
        NegotiationResult nr = ca.result();
        NegotiatedSession ns = nr.session();
        long now = nowNanos();
        SubscriberSession ss;
        if (renegotiate) {
            ss = existing;
            ss.renegotiate(NegotiatedTracks.setups(ns));
            // An m-line that stopped receiving lost its track; if it receives again it is a new track with a
            // new rewriter (random sequence numbers), so it needs a new SSRC: on the old one the sequence would
            // jump back and SRTP would refuse the packets as replays.
            ssrcs.keySet().removeIf(mid -> ss.track(mid) == null);
        } else {
            String resourceId = factory.newId();
            PeerTransport transport = factory.transport(resourceId, ca.localIce(), ns);
            ss = new SubscriberSession(resourceId, room.name(), p.identity(), transport, NegotiatedTracks.setups(ns),
                    cfg.subscriberQueuePackets(), factory.rng(), ctx);
            p.setSubscriber(ss, SessionFactory.fingerprintOf(ns));
            register(ss, p);
            LOG.info("subscriber connection started room={} identity={} resource={}", room.name(), p.identity(),
                    resourceId);
        }
        p.subscriptions().clear();
        p.subscriptions().putAll(req.sidByMid());
        p.subscriptions().keySet().removeIf(mid -> ss.track(mid) == null);
        room.applySubscriptions(p, cfg.rooms().maxVideoPerSubscriber(), now);
        List<NegotiationOutcome.MidTrack> tracks = new ArrayList<>();
        for (var t : ss.tracks()) {
            PublishedTrack src = room.subscribedSource(p, t);
            tracks.add(new NegotiationOutcome.MidTrack(t.mid(), src == null ? null : ParticipantViews.track(src),
                    room.subscriptionState(p, t)));
        }
        scheduleSnapshot();
        return new NegotiationOutcome.Answered(nr.answerSdp(), tracks);
    }

    private void announceSubscriptions(Room room, Participant sub, List<RoomEvent.SubscriptionState> changes) {
        if (!changes.isEmpty()) {
            events.emitTo(sub, new RoomEvent.SubscriptionStateChanged(room.name(), sub.identity(), changes,
                    "video_cap", wallMillis()));
        }
    }

    private void applyAllSubscriptions(Room room) {
        room.applyAllSubscriptions(cfg.rooms().maxVideoPerSubscriber(), nowNanos())
                .forEach((sub, changes) -> announceSubscriptions(room, sub, changes));
    }

    // --- commands -----------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<CommandResult> setMuted(String roomName, String identity, String sid, boolean muted,
            boolean byAdmin) {
        return onLoop(() -> {
            Room room = rooms.get(roomName);
            PublishedTrack t = room == null ? null : room.track(sid);
            Participant owner = t == null ? null : room.trackOwner(sid);
            if (owner == null || !owner.identity().equals(identity)) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no track " + sid + " published by " + identity);
            }
            if (!byAdmin && !muted && t.isMutedByAdmin()) {
                return CommandResult.fail(MediaError.FORBIDDEN, "an administrator muted this track");
            }
            if (t.setMuted(muted, byAdmin, nowNanos()) || byAdmin) {
                events.emit(room, new RoomEvent.TrackMuted(roomName, identity, ParticipantViews.track(t), byAdmin,
                        wallMillis()), owner);
            }
            scheduleSnapshot();
            return CommandResult.ok();
        }, CommandResult.fail(MediaError.INTERNAL, "internal error while muting"), "muting");
    }

    @Override
    public CompletableFuture<CommandResult> updateParticipant(String roomName, String identity, String name,
            String metadata) {
        return onLoop(() -> {
            if (metadata != null && metadata.getBytes(StandardCharsets.UTF_8).length > JoinRequest.MAX_METADATA_BYTES) {
                return CommandResult.fail(MediaError.INVALID, "metadata is limited to 1 KiB");
            }
            Room room = rooms.get(roomName);
            Participant p = room == null ? null : room.participant(identity);
            if (p == null) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no participant " + identity + " in room " + roomName);
            }
            if (name != null) {
                p.setName(name);
            }
            if (metadata != null) {
                p.setMetadata(metadata);
            }
            events.emit(room, new RoomEvent.ParticipantUpdated(roomName, ParticipantViews.participant(p),
                    wallMillis()), p);
            scheduleSnapshot();
            return CommandResult.ok();
        }, CommandResult.fail(MediaError.INTERNAL, "internal error while updating"), "updating a participant");
    }

    @Override
    public CompletableFuture<RoomInfo> createRoom(String name, RoomKind kind) {
        return onLoop(() -> ParticipantViews.room(roomFor(name, kind)), null, "creating a room");
    }

    @Override
    public MediaStatus status() {
        return snapshot;
    }

    @Override
    public CompletableFuture<SessionReport> report(String resourceId) {
        return onLoop(() -> {
            MediaSession s = sessions.get(resourceId);
            return s == null ? null : s.report();
        }, null, "reporting a session");
    }

    @Override
    public CompletableFuture<List<RoomInfo>> rooms() {
        return onLoop(() -> {
            Map<String, RoomInfo> sorted = new TreeMap<>();
            rooms.values().forEach(r -> sorted.put(r.name(), ParticipantViews.room(r)));
            return List.copyOf(sorted.values());
        }, List.of(), "listing rooms");
    }

    @Override
    public CompletableFuture<RoomInfo> room(String name) {
        return onLoop(() -> {
            Room r = rooms.get(name);
            return r == null ? null : ParticipantViews.room(r);
        }, null, "reading a room");
    }

    @Override
    public CompletableFuture<List<ParticipantInfo>> participants(String room) {
        return onLoop(() -> {
            Room r = rooms.get(room);
            return r == null ? null : ParticipantViews.all(r);
        }, null, "listing participants");
    }

    @Override
    public CompletableFuture<Boolean> closeRoom(String roomName, String reason) {
        return onLoop(() -> {
            Room room = rooms.get(roomName);
            if (room == null) {
                return false;
            }
            for (Participant p : new ArrayList<>(room.participants())) {
                removeParticipant(room, p, RemovalCause.ROOM_CLOSED, reason);
            }
            finishRoom(room);
            return true;
        }, false, "closing a room");
    }

    @Override
    public CompletableFuture<Integer> removeParticipant(String roomName, String identity) {
        return onLoop(() -> {
            Room room = rooms.get(roomName);
            Participant p = room == null ? null : room.participant(identity);
            if (p == null) {
                return 0;
            }
            int n = Math.max(1, p.sessions().size());
            removeParticipant(room, p, RemovalCause.REMOVED, REMOVED_REASON);
            return n;
        }, 0, "removing a participant");
    }

    private void finishRoom(Room room) {
        if (rooms.remove(room.name(), room)) {
            events.emit(null, new RoomEvent.RoomFinished(room.name(), wallMillis()), null);
            LOG.info("room finished room={}", room.name());
            scheduleSnapshot();
        }
    }

    // --- network lab ----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<CommandResult> setImpairment(String roomName, String identity,
                                                          ImpairmentSetting setting) {
        return onLoop(() -> {
            Participant p = participantOf(roomName, identity);
            if (p == null) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no participant " + identity + " in room " + roomName);
            }
            p.setImpairment(setting, nowNanos());
            p.recordImpairmentPeriod(setting, wallMillis());
            Impairments.applyAll(p);
            LOG.info("impairment set room={} identity={} up={} down={}", roomName, identity, setting.up() != null,
                    setting.down() != null);
            return CommandResult.ok();
        }, CommandResult.fail(MediaError.INTERNAL, "setting the impairment failed"), "setting an impairment");
    }

    @Override
    public CompletableFuture<CommandResult> clearImpairment(String roomName, String identity) {
        return onLoop(() -> {
            Participant p = participantOf(roomName, identity);
            if (p == null) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no participant " + identity + " in room " + roomName);
            }
            p.setImpairment(null, 0);
            p.recordImpairmentPeriod(null, wallMillis());
            Impairments.applyAll(p);
            LOG.info("impairment cleared room={} identity={}", roomName, identity);
            return CommandResult.ok();
        }, CommandResult.fail(MediaError.INTERNAL, "clearing the impairment failed"), "clearing an impairment");
    }

    @Override
    public CompletableFuture<ImpairmentStatus> impairment(String roomName, String identity) {
        return onLoop(() -> {
            Participant p = participantOf(roomName, identity);
            return p == null ? null : Impairments.status(p);
        }, null, "reading an impairment");
    }

    @Override
    public CompletableFuture<Recording> recording(String roomName, String identity) {
        return onLoop(() -> {
            Participant p = participantOf(roomName, identity);
            if (p == null) {
                return null;
            }
            FlightRecorder r = p.recorder();
            return r == null ? new Recording(List.of(), List.of(), 0, 0, nowNanos(), wallMillis())
                    : r.snapshot(nowNanos(), wallMillis());
        }, null, "copying a flight recording");
    }

    // --- browser stats ---------------------------------------------------------------------------------

    @Override
    public CompletableFuture<CommandResult> clientStats(String roomName, String identity, ClientStats stats) {
        return onLoop(() -> {
            Participant p = participantOf(roomName, identity);
            if (p == null) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no participant " + identity + " in room " + roomName);
            }
            long now = nowNanos();
            long wall = wallMillis();
            for (MediaSession s : p.sessions()) {
                s.acceptClientStats(stats, now, wall);
            }
            return CommandResult.ok();
        }, CommandResult.fail(MediaError.INTERNAL, "storing client stats failed"), "storing client stats");
    }

    // --- view sizes and dynacast ------------------------------------------------------------------------

    @Override
    public CompletableFuture<CommandResult> setTrackView(String roomName, String identity, String trackSid,
            int widthPx, int heightPx) {
        return onLoop(() -> {
            if (widthPx < 0 || heightPx < 0 || widthPx > MAX_VIEW_PX || heightPx > MAX_VIEW_PX) {
                return CommandResult.fail(MediaError.INVALID, "view sizes are 0.." + MAX_VIEW_PX + " px");
            }
            Room room = rooms.get(roomName);
            Participant p = room == null ? null : room.participant(identity);
            if (p == null) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no participant " + identity + " in room " + roomName);
            }
            if (room.track(trackSid) == null) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no track " + trackSid + " in room " + roomName);
            }
            long now = nowNanos();
            int stored = 0;
            for (MediaSession s : p.sessions()) {
                if (s instanceof SubscriberSession sub) {
                    for (SubscriberTrack t : sub.tracks()) {
                        boolean bound = t.source() != null && trackSid.equals(t.source().id());
                        boolean wanted = sub == p.subscriber() && trackSid.equals(p.subscriptions().get(t.mid()));
                        if (bound || wanted) {
                            t.setViewSize(widthPx, heightPx);
                            sub.recordControl(now, ControlKind.TRACK_VIEW, t.localSsrc(), widthPx << 16 | heightPx);
                            stored++;
                        }
                    }
                }
            }
            return stored > 0 ? CommandResult.ok() : CommandResult.fail(MediaError.NOT_FOUND,
                    identity + " does not subscribe to " + trackSid);
        }, CommandResult.fail(MediaError.INTERNAL, "storing a view size failed"), "storing a view size");
    }

    @Override
    public CompletableFuture<CommandResult> notifyPublisherLayers(String roomName, String identity, String trackSid,
            List<String> activeRids) {
        List<String> rids = List.copyOf(activeRids);
        return onLoop(() -> {
            Room room = rooms.get(roomName);
            PublishedTrack t = room == null ? null : room.track(trackSid);
            Participant owner = t == null ? null : room.trackOwner(trackSid);
            if (owner == null || !owner.identity().equals(identity)) {
                return CommandResult.fail(MediaError.NOT_FOUND, "no track " + trackSid + " published by " + identity);
            }
            ParticipantListener l = owner.listener();
            if (l == null) {
                return CommandResult.fail(MediaError.CONFLICT, identity + " has no signalling connection");
            }
            return tellPublisherLayers(owner, l, t, rids, nowNanos()) ? CommandResult.ok()
                    : CommandResult.fail(MediaError.INTERNAL, "telling the publisher failed");
        }, CommandResult.fail(MediaError.INTERNAL, "telling the publisher failed"), "telling a publisher its layers");
    }

    /**
     * Dynacast, once a second: tells each publisher that has a signalling connection which layers of its simulcast
     * tracks anyone watches. The layers up to the highest one a subscriber forwards or aims at stay on, those above
     * it are paused; the lowest layer always stays on, so that a new subscriber, or one whose link suddenly narrows,
     * has a picture at once (LiveKit pauses everything when nobody watches; we keep the 150 kbit/s layer for that
     * instant start).
     */
    private void tickDynacast(long now) {
        for (Room room : rooms.values()) {
            for (Participant owner : room.participants()) {
                PublisherSession ps = owner.publisher();
                ParticipantListener l = owner.listener();
                if (ps == null || l == null) {
                    continue;
                }
                for (PublishedTrack t : ps.tracks()) {
                    if (!t.isSimulcast() || !t.takeDemandChanged()) {
                        continue;
                    }
                    List<String> rids = Dynacast.activeRids(t);
                    if (rids.equals(t.announcedRids())) {
                        continue;
                    }
                    t.setAnnouncedRids(rids);
                    tellPublisherLayers(owner, l, t, rids, now);
                }
            }
        }
    }

    /**
     * Tells {@code owner} through its listener which rids of {@code t} to send and records it; false (logged, nothing
     * recorded) when the listener failed.
     */
    private boolean tellPublisherLayers(Participant owner, ParticipantListener l, PublishedTrack t, List<String> rids,
                                        long now) {
        try {
            l.onPublisherLayers(t.id(), rids);
        } catch (RuntimeException e) {
            LOG.warn("participant listener of {} failed on publisher layers", owner.identity(), e);
            return false;
        }
        if (owner.publisher() != null) {
            owner.publisher().recordControl(now, ControlKind.PUBLISHER_LAYERS, t.ssrc(), layerBits(rids));
        }
        return true;
    }

    /** The flight recorder's detail for {@link ControlKind#PUBLISHER_LAYERS}. */
    static int layerBits(List<String> rids) {
        int bits = 0;
        for (String rid : rids) {
            bits |= switch (rid) {
                case "q" -> 1;
                case "h" -> 2;
                case "f" -> 4;
                default -> 8;
            };
        }
        return bits;
    }

    private Participant participantOf(String roomName, String identity) {
        Room room = rooms.get(roomName);
        return room == null ? null : room.participant(identity);
    }

    @Override
    public void addListener(RoomEventListener listener) {
        events.addListener(listener);
    }

    // --- session callbacks --------------------------------------------------------------------------------

    @Override
    public void onSessionConnected(MediaSession session) {
        Room room = rooms.get(session.room());
        Participant owner = sessionOwners.get(session.resourceId());
        if (room != null && session instanceof SubscriberSession ss) {
            if (owner != null && owner.subscriber() == ss) {
                announceSubscriptions(room, owner,
                        room.applySubscriptions(owner, cfg.rooms().maxVideoPerSubscriber(), nowNanos()));
            } else {
                room.bindWhep(ss, nowNanos());
            }
        }
        scheduleSnapshot();
    }

    @Override
    public void onSessionClosed(MediaSession session, String reason) {
        if (sessions.remove(session.resourceId(), session)) {
            closed++;
            resources.remove(session.resourceId());
        }
        Participant owner = sessionOwners.remove(session.resourceId());
        Room room = rooms.get(session.room());
        if (room != null) {
            if (session instanceof PublisherSession ps) {
                unpublishTracks(room, owner, ps.identity(), ps.tracks());
                room.removePublisher(ps);
                room.rebindWhep(nowNanos());
            } else if (session instanceof SubscriberSession ss) {
                room.removeSubscriber(ss);
            }
        }
        if (owner != null) {
            owner.sessions().remove(session);
            if (owner.publisher() == session) {
                owner.setPublisher(null, null);
            }
            if (owner.subscriber() == session) {
                owner.setSubscriber(null, null);
            }
            if (room != null && !owner.isSignalled() && owner.sessions().isEmpty()
                    && room.participant(owner.identity()) == owner) {
                room.remove(owner, nowNanos());
                events.emit(room, new RoomEvent.ParticipantLeft(room.name(), owner.identity(), reason, wallMillis()),
                        owner);
            }
        }
        if (room != null && session instanceof PublisherSession) {
            applyAllSubscriptions(room);
        }
        scheduleSnapshot();
    }

    @Override
    public void onSubscriberDirty(SubscriberSession session) {
        dirty.add(session);
    }

    /**
     * End of a read batch: encrypt and send what the router queued and the pacers allow now, fairly across
     * subscribers. Sessions with packets left (paced, or the socket was full) go on the pacing list.
     */
    void drainDirtySubscribers() {
        long now = nowNanos();
        while (!dirty.isEmpty()) {
            SubscriberSession s = dirty.poll();
            if (s.takeDirty() && !s.isClosed() && s.drain(DRAIN_BUDGET_PER_SUBSCRIBER, now) && s.enterPacing()) {
                pacing.add(s);
            }
        }
    }

    /** Every few milliseconds on the media loop: sends what the subscribers' pacers release since the last tick. */
    void paceTick() {
        long now = nowNanos();
        int rounds = pacing.size();
        boolean sent = rounds > 0;
        while (rounds-- > 0) {
            SubscriberSession s = pacing.poll();
            boolean left;
            try {
                left = !s.isClosed() && s.drain(DRAIN_BUDGET_PER_SUBSCRIBER, now);
            } catch (RuntimeException e) { // a failed session must not stop the timer for everyone
                LOG.warn("session {} failed to send paced packets; closing it", s.resourceId(), e);
                s.close("internal error");
                left = false;
            }
            if (left) {
                pacing.add(s);
            } else {
                s.leavePacing();
            }
        }
        if (sent && udp != null) {
            udp.flush();
        }
    }

    // --- periodic work ------------------------------------------------------------------------------------

    /**
     * Once a second on the media loop: consent freshness, RTCP reports, telemetry samples, connection tiers, resume
     * windows, empty rooms, status.
     */
    void tick() {
        long now = nowNanos();
        long wall = wallMillis();
        for (MediaSession s : new ArrayList<>(sessions.values())) {
            try {
                s.tick(now);
                s.sampleTelemetry(now, wall);
            } catch (RuntimeException e) {
                LOG.warn("session {} failed its periodic work; closing it", s.resourceId(), e);
                s.close("internal error");
            }
        }
        tickQuality(now, wall);
        tickDynacast(now);
        expireRooms(now);
        drainDirtySubscribers();
        udp.flush();
        refreshSnapshot();
    }

    /** After the telemetry samples: each participant's connection tier, and the rooms' events that are due. */
    private void tickQuality(long now, long wall) {
        if (quality == null) {
            return;
        }
        try {
            for (RoomEvent.ConnectionQuality e : quality.tick(rooms.values(), now, wall)) {
                events.emit(rooms.get(e.room()), e, null);
            }
        } catch (RuntimeException e) {
            LOG.warn("connection-quality assessment failed", e);
        }
    }

    private void expireRooms(long now) {
        long resumeWindowNanos = cfg.rooms().resumeWindowMillis() * 1_000_000L;
        long emptyTimeoutNanos = cfg.rooms().emptyTimeoutMillis() * 1_000_000L;
        for (Room room : new ArrayList<>(rooms.values())) {
            for (Participant p : new ArrayList<>(room.participants())) {
                if (p.isDetached() && now - p.detachedAtNanos() >= resumeWindowNanos) {
                    removeParticipant(room, p, RemovalCause.TIMED_OUT, RESUME_EXPIRED_REASON);
                }
            }
            if (room.isEmpty() && now - room.emptySinceNanos() >= emptyTimeoutNanos) {
                finishRoom(room);
            }
        }
    }

    /** Every {@link dev.onair.sfu.speaker.SpeakerPolicy#tickMillis()} on the media loop: active speakers per room. */
    void speakerTick() {
        long nowMillis = nowNanos() / 1_000_000L;
        for (Room room : new ArrayList<>(rooms.values())) {
            try {
                List<RoomEvent.Speaker> speakers = room.tickSpeakers(nowMillis);
                if (speakers != null) {
                    events.emit(room, new RoomEvent.ActiveSpeakersChanged(room.name(), speakers, wallMillis()), null);
                    applyAllSubscriptions(room);
                    scheduleSnapshot();
                }
            } catch (RuntimeException e) {
                LOG.warn("active-speaker detection failed in room {}", room.name(), e);
            }
        }
    }

    /**
     * Rebuilds the status snapshot once, at the end of this API call or loop turn, however many changes came
     * before. The rebuild is O(sessions), once per API call: n joins cost O(n²) in all, which is fine for a
     * few thousand sessions per node.
     */
    private void scheduleSnapshot() {
        if (!snapshotScheduled) {
            snapshotScheduled = true;
            loop.execute(() -> {
                if (snapshotScheduled) {
                    refreshSnapshot();
                }
            });
        }
    }

    /** Per room: participants, sessions by kind, the latest audio samples. O(sessions). */
    private List<MediaStatus.RoomStats> roomStats() {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, List<dev.onair.sfu.api.SessionReport.TrackSample>> audio = new HashMap<>();
        for (MediaSession s : sessions.values()) {
            int[] c = counts.computeIfAbsent(s.room(), r -> new int[2]);
            c[s instanceof PublisherSession ? 0 : 1]++;
            s.collectLatestAudio(audio.computeIfAbsent(s.room(), r -> new ArrayList<>()));
        }
        List<MediaStatus.RoomStats> out = new ArrayList<>(rooms.size());
        for (Room room : rooms.values()) {
            int[] c = counts.getOrDefault(room.name(), new int[2]);
            out.add(new MediaStatus.RoomStats(room.name(), room.participants().size(), c[0], c[1],
                    audio.getOrDefault(room.name(), List.of())));
        }
        return out;
    }

    private void refreshSnapshot() {
        snapshotScheduled = false;
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
                demux == null ? Map.of() : MediaStatus.dropNames("demux", demux.drops(), null), speakers, roomStats());
    }
}
