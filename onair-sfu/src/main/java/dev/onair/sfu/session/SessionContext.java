package dev.onair.sfu.session;

import dev.onair.sfu.track.PacketContext;
import dev.onair.transport.clock.MediaClock;

/**
 * What every session on one media loop shares: the clock, the owner, the reused packet context and one
 * scratch buffer for outgoing RTCP (single-threaded, so sharing needs no locks).
 */
public record SessionContext(MediaClock clock, SessionOwner owner, PacketContext packet, byte[] rtcpScratch,
                             String cname) {

    public static SessionContext create(MediaClock clock, SessionOwner owner, String cname) {
        return new SessionContext(clock, owner, new PacketContext(), new byte[1500], cname);
    }
}
