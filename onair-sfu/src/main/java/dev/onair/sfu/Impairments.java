package dev.onair.sfu;

import dev.onair.sfu.api.ImpairmentCounters;
import dev.onair.sfu.api.ImpairmentSetting;
import dev.onair.sfu.api.ImpairmentStatus;
import dev.onair.sfu.api.ShaperFactory;
import dev.onair.sfu.room.Participant;
import dev.onair.sfu.session.MediaSession;
import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.peer.PeerTransport;
import dev.onair.transport.shape.DatagramShaper;
import dev.onair.transport.shape.ShapeDirection;
import dev.onair.transport.shape.ShapeDrop;
import dev.onair.transport.shape.ShaperCounters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a participant's {@link ImpairmentSetting} to its transports ("up" = inbound, "down" = outbound) and
 * sums their shaping counters. Media loop only.
 */
final class Impairments {
    /** The tag a transport gives RTP datagrams in its shaping counters. */
    private static final int RTP_TAG = PacketKind.RTP.ordinal();

    private Impairments() {
    }

    /** Gives {@code transport} fresh shapers from the participant's setting (or none when it has no setting). */
    static void apply(Participant p, PeerTransport transport) {
        ImpairmentSetting s = p.impairment();
        if (s == null) {
            transport.setShapers(null, null);
            return;
        }
        transport.setShapers(create(s.up(), p.impairmentOriginNanos()), create(s.down(), p.impairmentOriginNanos()));
    }

    static void applyAll(Participant p) {
        for (MediaSession session : p.sessions()) {
            apply(p, session.transport());
        }
    }

    private static DatagramShaper create(ShaperFactory f, long originNanos) {
        return f == null ? null : f.create(originNanos);
    }

    static ImpairmentStatus status(Participant p) {
        ImpairmentSetting s = p.impairment();
        if (s == null) {
            return new ImpairmentStatus(null, null, null, p.impairmentPeriods());
        }
        return new ImpairmentStatus(s, s.up() == null ? null : sum(p, ShapeDirection.INBOUND),
                s.down() == null ? null : sum(p, ShapeDirection.OUTBOUND), p.impairmentPeriods());
    }

    private static ImpairmentCounters sum(Participant p, ShapeDirection direction) {
        long datagrams = 0;
        long delayed = 0;
        long duplicates = 0;
        long rtpDatagrams = 0;
        long rtpDropped = 0;
        long[] drops = new long[ShapeDrop.values().length];
        for (MediaSession session : p.sessions()) {
            ShaperCounters c = session.transport().shaperCounters(direction);
            if (c == null) {
                continue;
            }
            datagrams += c.datagrams();
            delayed += c.delayed();
            duplicates += c.duplicates();
            rtpDatagrams += c.datagrams(RTP_TAG);
            rtpDropped += c.dropped(RTP_TAG);
            for (ShapeDrop d : ShapeDrop.values()) {
                drops[d.ordinal()] += c.drops().get(d);
            }
        }
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (ShapeDrop d : ShapeDrop.values()) {
            if (drops[d.ordinal()] != 0) {
                byReason.put(d.name(), drops[d.ordinal()]);
            }
        }
        return new ImpairmentCounters(datagrams, byReason, delayed, duplicates, rtpDatagrams, rtpDropped);
    }
}
