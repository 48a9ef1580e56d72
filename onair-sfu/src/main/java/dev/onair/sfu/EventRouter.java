package dev.onair.sfu;

import dev.onair.sfu.api.ParticipantListener;
import dev.onair.sfu.api.ParticipantRole;
import dev.onair.sfu.api.RoomEvent;
import dev.onair.sfu.api.RoomEventListener;
import dev.onair.sfu.api.RoomKind;
import dev.onair.sfu.room.Participant;
import dev.onair.sfu.room.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers room events: every event to the room-wide listeners (webhooks), and to each joined participant's
 * listener what that participant may see. A participant does not get its own join, leave or track
 * publications (it learns those from its own requests); in a broadcast room, viewers do not see each other
 * come and go, and a viewer's connection-quality events list only itself and the hosts. Media loop only, except
 * {@link #addListener}.
 */
final class EventRouter {
    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);
    private final List<RoomEventListener> listeners = new CopyOnWriteArrayList<>();

    void addListener(RoomEventListener listener) {
        listeners.add(listener);
    }

    /** An event about {@code subject} (null for room-wide events such as active speakers). */
    void emit(Room room, RoomEvent event, Participant subject) {
        for (RoomEventListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("room event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
        if (room == null) {
            return;
        }
        for (Participant p : room.participants()) {
            if (p.listener() == null || !visible(room, event, subject, p)) {
                continue;
            }
            RoomEvent seen = event instanceof RoomEvent.ConnectionQuality q ? visibleQuality(room, q, p) : event;
            if (seen != null) {
                deliver(p, seen);
            }
        }
    }

    /**
     * What {@code receiver} may see of a connection-quality event: everything, except a broadcast viewer, who sees
     * its own entry and the hosts'; null when that leaves nothing.
     */
    static RoomEvent.ConnectionQuality visibleQuality(Room room, RoomEvent.ConnectionQuality event,
                                                      Participant receiver) {
        if (room.kind() != RoomKind.BROADCAST || receiver.role() != ParticipantRole.VIEWER) {
            return event;
        }
        List<RoomEvent.ParticipantQuality> mine = new ArrayList<>(2);
        for (RoomEvent.ParticipantQuality q : event.participants()) {
            Participant subject = room.participant(q.identity());
            if (q.identity().equals(receiver.identity())
                    || (subject != null && subject.role() == ParticipantRole.HOST)) {
                mine.add(q);
            }
        }
        return mine.isEmpty() ? null : new RoomEvent.ConnectionQuality(event.room(), mine, event.atMillis());
    }

    /** An event for one participant only (its subscription states). */
    void emitTo(Participant p, RoomEvent event) {
        if (p.listener() != null) {
            deliver(p, event);
        }
    }

    private static void deliver(Participant p, RoomEvent event) {
        ParticipantListener l = p.listener();
        try {
            l.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("participant listener of {} failed on {}", p.identity(), event.getClass().getSimpleName(), e);
        }
    }

    static boolean visible(Room room, RoomEvent event, Participant subject, Participant receiver) {
        if (subject == null) {
            return true;
        }
        boolean aboutSelf = subject.identity().equals(receiver.identity());
        boolean membership = event instanceof RoomEvent.ParticipantJoined || event instanceof RoomEvent.ParticipantLeft
                || event instanceof RoomEvent.ParticipantUpdated;
        if (aboutSelf) {
            return event instanceof RoomEvent.ParticipantUpdated || event instanceof RoomEvent.TrackMuted;
        }
        if (membership && room.kind() == RoomKind.BROADCAST && subject.role() == ParticipantRole.VIEWER) {
            return receiver.role() == ParticipantRole.HOST;
        }
        return true;
    }
}
