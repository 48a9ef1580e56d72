package dev.onair.sfu.room;

import dev.onair.sfu.api.RoomEvent.Speaker;
import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.session.SubscriberSession;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.speaker.ActiveSpeakerDetector;
import dev.onair.sfu.speaker.SpeakerPolicy;
import dev.onair.sfu.speaker.SpeakerSource;
import dev.onair.sfu.track.SubscriberTrack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A room: its publishers (one session per identity, in arrival order) and subscribers. A WHEP subscriber
 * receives the room's first published audio and video tracks; when those change (a publisher arrives, leaves
 * or is replaced) every subscriber is re-bound, and its rewriter keeps the stream continuous. Its
 * {@link ActiveSpeakerDetector} follows the levels of the publishers' audio tracks. Media loop only.
 */
public final class Room {
    private final String name;
    private final Map<String, PublisherSession> publishers = new LinkedHashMap<>();
    private final Set<SubscriberSession> subscribers = new LinkedHashSet<>();
    private final ActiveSpeakerDetector speakers;

    public Room(String name) {
        this(name, SpeakerPolicy.DEFAULT);
    }

    public Room(String name, SpeakerPolicy speakerPolicy) {
        this.name = name;
        this.speakers = new ActiveSpeakerDetector(speakerPolicy);
    }

    public String name() {
        return name;
    }

    /** Adds a publisher; returns the session it replaces (same identity), which the caller closes. */
    public PublisherSession addPublisher(PublisherSession session) {
        return publishers.put(session.identity(), session);
    }

    public void removePublisher(PublisherSession session) {
        publishers.remove(session.identity(), session);
    }

    public void addSubscriber(SubscriberSession session) {
        subscribers.add(session);
    }

    public void removeSubscriber(SubscriberSession session) {
        subscribers.remove(session);
    }

    public boolean isEmpty() {
        return publishers.isEmpty() && subscribers.isEmpty();
    }

    public int publisherCount() {
        return publishers.size();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** The first published track of that kind, across publishers in arrival order; null if none. */
    public PublishedTrack firstTrack(MediaKind kind) {
        for (PublisherSession p : publishers.values()) {
            if (!p.isClosed()) {
                PublishedTrack t = p.firstTrack(kind);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Points every connected subscriber's tracks at the current first tracks. */
    public void rebindSubscribers(long nowNanos) {
        for (SubscriberSession s : subscribers) {
            bind(s, nowNanos);
        }
    }

    public void bind(SubscriberSession s, long nowNanos) {
        if (!s.isConnected()) {
            return;
        }
        for (SubscriberTrack t : s.tracks()) {
            t.bind(firstTrack(t.kind()), nowNanos);
        }
    }

    /**
     * Re-evaluates the active speakers from the audio tracks of the open publishers (see
     * {@link ActiveSpeakerDetector#tick}); {@code nowMillis} is monotonic.
     *
     * @return the new speaker list when it changed, else null
     */
    public List<Speaker> tickSpeakers(long nowMillis) {
        List<SpeakerSource> sources = new ArrayList<>();
        for (PublisherSession p : publishers.values()) {
            if (p.isClosed()) {
                continue;
            }
            for (PublishedTrack t : p.tracks()) {
                if (t.audioLevel() != null) {
                    sources.add(new SpeakerSource(p.identity(), t.audioLevel()));
                }
            }
        }
        return speakers.tick(sources, nowMillis);
    }

    /** The speakers as of the last {@link #tickSpeakers}, loudest first. */
    public List<Speaker> speakers() {
        return speakers.current();
    }
}
