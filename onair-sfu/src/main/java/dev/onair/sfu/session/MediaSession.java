package dev.onair.sfu.session;

import dev.onair.sfu.api.MediaStatus;
import dev.onair.transport.peer.PeerTransport;

/** A publisher or subscriber session: one peer, one transport, one room. Media loop only. */
public sealed interface MediaSession permits PublisherSession, SubscriberSession {

    String resourceId();

    String room();

    String identity();

    PeerTransport transport();

    /** Closes the transport and frees everything; idempotent. The owner is told through {@link SessionOwner}. */
    void close(String reason);

    /** Periodic work: RTCP reports and consent freshness. */
    void tick(long nowNanos);

    MediaStatus.SessionInfo info();
}
