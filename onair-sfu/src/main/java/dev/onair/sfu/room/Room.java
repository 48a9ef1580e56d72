package dev.onair.sfu.room;

import dev.onair.sfu.alloc.TrackPriority;
import dev.onair.sfu.api.RoomEvent.Speaker;
import dev.onair.sfu.api.RoomEvent.SubscriptionState;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.api.TrackSource;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.session.SubscriberSession;
import dev.onair.sfu.speaker.ActiveSpeakerDetector;
import dev.onair.sfu.speaker.SpeakerPolicy;
import dev.onair.sfu.speaker.SpeakerSource;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.SubscriberTrack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room: its kind, its participants in join order, the tracks published in it (by sid), and how subscribers
 * are bound to them.
 * <ul>
 * <li>A signalling subscriber receives exactly the tracks it subscribed to, per m-line; in a conference at
 * most {@link RoomPolicy#maxVideoPerSubscriber} videos flow at once, chosen by {@link VideoCap}.</li>
 * <li>A WHEP subscriber receives the room's first published audio and video tracks, and is re-bound when
 * those change; its rewriter keeps the stream continuous.</li>
 * </ul>
 * Its {@link ActiveSpeakerDetector} follows the levels of the audio tracks. Media loop only.
 */
public final class Room {
    private final String name;
    private final RoomKind kind;
    private final long createdAtMillis;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, PublishedTrack> tracks = new LinkedHashMap<>();
    private final Map<String, Participant> trackOwners = new HashMap<>();
    private final Map<String, PublisherSession> whipPublishers = new HashMap<>();
    private final Set<PublisherSession> publishers = new LinkedHashSet<>();
    private final Set<SubscriberSession> whepSubscribers = new LinkedHashSet<>();
    private final ActiveSpeakerDetector speakers;
    private long nextJoinOrder;
    private long emptySinceNanos;

    public Room(String name, RoomKind kind, long createdAtMillis, long nowNanos) {
        this(name, kind, createdAtMillis, nowNanos, SpeakerPolicy.DEFAULT);
    }

    public Room(String name, RoomKind kind, long createdAtMillis, long nowNanos, SpeakerPolicy speakerPolicy) {
        this.name = name;
        this.kind = kind;
        this.createdAtMillis = createdAtMillis;
        this.emptySinceNanos = nowNanos;
        this.speakers = new ActiveSpeakerDetector(speakerPolicy);
    }

    public String name() {
        return name;
    }

    public RoomKind kind() {
        return kind;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    // --- participants -------------------------------------------------------------------------------------

    public Participant participant(String identity) {
        return participants.get(identity);
    }

    public Collection<Participant> participants() {
        return participants.values();
    }

    /** The next join order number (earlier joiners rank first for the video cap). */
    public long nextJoinOrder() {
        return nextJoinOrder++;
    }

    public void add(Participant p) {
        participants.put(p.identity(), p);
        emptySinceNanos = -1;
    }

    public void remove(Participant p, long nowNanos) {
        if (participants.remove(p.identity(), p) && participants.isEmpty()) {
            emptySinceNanos = nowNanos;
        }
    }

    public boolean isEmpty() {
        return participants.isEmpty();
    }

    /** When the room became empty (monotonic nanos), or -1 while it has participants. */
    public long emptySinceNanos() {
        return emptySinceNanos;
    }

    /** Viewers in the room (broadcast rooms). */
    public int viewerCount() {
        int n = 0;
        for (Participant p : participants.values()) {
            n += p.role() == dev.onair.sfu.api.ParticipantRole.VIEWER ? 1 : 0;
        }
        return n;
    }

    // --- sessions and tracks ------------------------------------------------------------------------------

    /**
     * Adds a publisher session. A WHIP session replaces the previous WHIP session of the same identity: that
     * one is returned, and the caller closes it.
     */
    public PublisherSession addPublisher(PublisherSession session, boolean whip) {
        publishers.add(session);
        return whip ? whipPublishers.put(session.identity(), session) : null;
    }

    public void removePublisher(PublisherSession session) {
        publishers.remove(session);
        whipPublishers.remove(session.identity(), session);
    }

    public void addWhepSubscriber(SubscriberSession session) {
        whepSubscribers.add(session);
    }

    public void removeSubscriber(SubscriberSession session) {
        whepSubscribers.remove(session);
    }

    public void indexTrack(PublishedTrack track, Participant owner) {
        tracks.put(track.id(), track);
        trackOwners.put(track.id(), owner);
    }

    public void unindexTrack(PublishedTrack track) {
        tracks.remove(track.id(), track);
        trackOwners.remove(track.id());
    }

    public PublishedTrack track(String sid) {
        return tracks.get(sid);
    }

    public Participant trackOwner(String sid) {
        return trackOwners.get(sid);
    }

    /** The first published track of that kind, across publisher sessions in arrival order; null if none. */
    public PublishedTrack firstTrack(MediaKind kind) {
        for (PublisherSession p : publishers) {
            if (!p.isClosed()) {
                PublishedTrack t = p.firstTrack(kind);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Points every connected WHEP subscriber's tracks at the current first tracks. */
    public void rebindWhep(long nowNanos) {
        for (SubscriberSession s : whepSubscribers) {
            bindWhep(s, nowNanos);
        }
    }

    public void bindWhep(SubscriberSession s, long nowNanos) {
        if (!s.isConnected()) {
            return;
        }
        for (SubscriberTrack t : s.tracks()) {
            t.bind(firstTrack(t.kind()), nowNanos);
        }
    }

    // --- signalling subscriptions -------------------------------------------------------------------------

    /**
     * Binds every m-line of {@code sub}'s subscriber connection to the track it subscribed to, pausing the
     * videos the video cap leaves out. Returns the subscriptions whose paused/active state changed.
     */
    public List<SubscriptionState> applySubscriptions(Participant sub, int videoCap, long nowNanos) {
        SubscriberSession ss = sub.subscriber();
        List<SubscriptionState> changes = new ArrayList<>();
        if (ss == null || !ss.isConnected()) {
            return changes;
        }
        List<VideoCap.Candidate> videos = new ArrayList<>();
        List<Speaker> current = speakers.current();
        for (SubscriberTrack t : ss.tracks()) {
            PublishedTrack src = subscribedSource(sub, t);
            if (src != null && src.kind() == MediaKind.VIDEO) {
                Participant owner = trackOwners.get(src.id());
                videos.add(new VideoCap.Candidate(src.id(), src.source() == TrackSource.SCREEN,
                        rank(current, owner.identity()), owner.lastSpokeNanos(), owner.joinOrder()));
            }
        }
        Set<String> allowed = VideoCap.allowed(videos, kind == RoomKind.CONFERENCE ? videoCap : 0);
        for (SubscriberTrack t : ss.tracks()) {
            PublishedTrack src = subscribedSource(sub, t);
            boolean paused = src != null && src.kind() == MediaKind.VIDEO && !allowed.contains(src.id());
            t.bind(paused ? null : src, nowNanos);
            if (src != null && src.kind() == MediaKind.VIDEO) {
                t.setPriority(src.source() == TrackSource.SCREEN ? TrackPriority.SCREEN
                        : rank(current, trackOwners.get(src.id()).identity()) == 0 ? TrackPriority.SPEAKER_VIDEO
                        : TrackPriority.VIDEO);
            }
            if (src != null && paused != sub.pausedSids().contains(src.id())) {
                if (paused) {
                    sub.pausedSids().add(src.id());
                } else {
                    sub.pausedSids().remove(src.id());
                }
                changes.add(new SubscriptionState(src.id(), paused ? "paused" : "active"));
            }
        }
        sub.pausedSids().removeIf(sid -> !tracks.containsKey(sid));
        return changes;
    }

    /** {@link #applySubscriptions} for every participant; only those with changes are in the result. */
    public Map<Participant, List<SubscriptionState>> applyAllSubscriptions(int videoCap, long nowNanos) {
        Map<Participant, List<SubscriptionState>> out = new LinkedHashMap<>();
        for (Participant p : participants.values()) {
            List<SubscriptionState> changes = applySubscriptions(p, videoCap, nowNanos);
            if (!changes.isEmpty()) {
                out.put(p, changes);
            }
        }
        return out;
    }

    /**
     * The track m-line {@code t} of {@code sub}'s subscriber connection carries: subscribed, existing, not its
     * own, of the m-line's kind; else null.
     */
    public PublishedTrack subscribedSource(Participant sub, SubscriberTrack t) {
        String sid = sub.subscriptions().get(t.mid());
        PublishedTrack src = sid == null ? null : tracks.get(sid);
        if (src == null || src.kind() != t.kind() || trackOwners.get(sid) == sub) {
            return null;
        }
        return src;
    }

    /** The state of m-line {@code t} of {@code sub}: active, paused (video cap) or unavailable. */
    public String subscriptionState(Participant sub, SubscriberTrack t) {
        PublishedTrack src = subscribedSource(sub, t);
        if (src == null) {
            return "unavailable";
        }
        return sub.pausedSids().contains(src.id()) ? "paused" : "active";
    }

    private static int rank(List<Speaker> current, String identity) {
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).identity().equals(identity)) {
                return i;
            }
        }
        return -1;
    }

    // --- active speakers ----------------------------------------------------------------------------------

    /**
     * Re-evaluates the active speakers from the audio tracks of the open publishers (see
     * {@link ActiveSpeakerDetector#tick}); {@code nowMillis} is monotonic. Speakers are remembered as having
     * spoken now (for the video cap).
     *
     * @return the new speaker list when it changed, else null
     */
    public List<Speaker> tickSpeakers(long nowMillis) {
        List<SpeakerSource> sources = new ArrayList<>();
        for (PublisherSession p : publishers) {
            if (p.isClosed()) {
                continue;
            }
            for (PublishedTrack t : p.tracks()) {
                if (t.audioLevel() != null && !t.isMuted()) {
                    sources.add(new SpeakerSource(p.identity(), t.audioLevel()));
                }
            }
        }
        List<Speaker> changed = speakers.tick(sources, nowMillis);
        for (Speaker s : speakers.current()) {
            Participant p = participants.get(s.identity());
            if (p != null) {
                p.spokeAt(nowMillis * 1_000_000L);
            }
        }
        return changed;
    }

    /** The speakers as of the last {@link #tickSpeakers}, loudest first. */
    public List<Speaker> speakers() {
        return speakers.current();
    }
}
