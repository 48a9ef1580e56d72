package dev.onair.sfu.room;

import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.session.PublisherSession;
import dev.onair.sfu.session.SubscriberSession;
import dev.onair.sfu.track.PublishedTrack;
import dev.onair.sfu.track.SubscriberTrack;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A room: its publishers (one session per identity, in arrival order) and subscribers. A WHEP subscriber
 * receives the room's first published audio and video tracks; when those change (a publisher arrives, leaves
 * or is replaced) every subscriber is re-bound, and its rewriter keeps the stream continuous. Media loop only.
 */
public final class Room {
    private final String name;
    private final Map<String, PublisherSession> publishers = new LinkedHashMap<>();
    private final Set<SubscriberSession> subscribers = new LinkedHashSet<>();

    public Room(String name) {
        this.name = name;
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
}
