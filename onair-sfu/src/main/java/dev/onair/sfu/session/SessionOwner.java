package dev.onair.sfu.session;

/** Told by sessions about lifecycle changes, on the media loop. */
public interface SessionOwner {
    void onSessionConnected(MediaSession session);

    void onSessionClosed(MediaSession session, String reason);

    /** A subscriber has packets queued: drain it at the end of this read batch. */
    void onSubscriberDirty(SubscriberSession session);
}
