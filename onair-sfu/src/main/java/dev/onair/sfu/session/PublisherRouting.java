package dev.onair.sfu.session;

import dev.onair.protocol.SsrcTable;
import dev.onair.protocol.rtp.HeaderExtensionCursor;
import dev.onair.sfu.track.PacketContext;
import dev.onair.sfu.track.PublishedLayer;
import dev.onair.sfu.track.PublishedTrack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Finds the track layer of each packet a publisher sends. SSRCs declared with a=ssrc (and their FID RTX SSRCs)
 * carry layer 0. An undeclared SSRC is resolved on its first packet: the track by the RFC 8843 MID header
 * extension, else by a payload type only one m-line has; on a simulcast m-line the layer by the RFC 8852 rid
 * extension ({@code urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id}), or for RTX the repaired-rid
 * ({@code ...:repaired-rtp-stream-id}, the rid as fallback). Chromium sends MID and RID only until it gets RTCP
 * about an SSRC, so what the first packets teach is kept in the SSRC tables and later packets are found there.
 * A simulcast SSRC without a known rid is dropped ({@link SessionDrop#UNKNOWN_RID}). Media loop only; a known SSRC
 * costs a table lookup, no allocation.
 */
final class PublisherRouting {
    private static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private static final String RID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    private static final String REPAIRED_RID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    private static final int MAX_SSRCS = 16;

    private final List<PublishedTrack> tracks;
    /** The publisher's media SSRCs and the track layer each carries. */
    private final SsrcTable<PublishedLayer> bySsrc = new SsrcTable<>(MAX_SSRCS);
    /** The publisher's RTX SSRCs (declared FID groups, or learnt from an rtx payload type) and their layers. */
    private final SsrcTable<PublishedLayer> rtxBySsrc = new SsrcTable<>(MAX_SSRCS);
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();
    private boolean lastWasRtx;
    private SessionDrop lastDrop;

    /** @param tracks the session's live list of tracks (read, never changed here) */
    PublisherRouting(List<PublishedTrack> tracks) {
        this.tracks = tracks;
    }

    /** The a=ssrc SSRCs of a track and their RTX SSRCs (-1: none): layer 0. */
    void declare(PublishedTrack t, List<Long> ssrcs, List<Long> rtxSsrcs) {
        for (Long ssrc : ssrcs) {
            bySsrc.put((int) (long) ssrc, t.layer(0));
        }
        for (Long rtx : rtxSsrcs) {
            if (rtx >= 0) {
                rtxBySsrc.put((int) (long) rtx, t.layer(0));
            }
        }
    }

    /** The track is gone: its SSRCs are forgotten. */
    void forget(PublishedTrack t) {
        for (int l = 0; l < t.layerCount(); l++) {
            bySsrc.removeValue(t.layer(l));
            rtxBySsrc.removeValue(t.layer(l));
        }
    }

    /**
     * The layer of one parsed packet, learning its SSRC when new; null when it is dropped (see {@link #lastDrop()}).
     * {@link #lastWasRtx()} then tells whether it is RTX of that layer.
     */
    PublishedLayer route(PacketContext p) {
        long ssrc = p.header.ssrc();
        PublishedLayer layer = bySsrc.get((int) ssrc);
        if (layer != null) {
            lastWasRtx = false;
            return layer;
        }
        layer = rtxBySsrc.get((int) ssrc);
        if (layer != null) {
            lastWasRtx = true;
            return layer;
        }
        PublishedTrack resolved = resolve(p);
        if (resolved == null) {
            lastDrop = SessionDrop.UNKNOWN_SSRC;
            return null;
        }
        boolean rtx = resolved.isRtxPayloadType(p.header.payloadType());
        int index = resolved.isSimulcast() ? ridLayer(resolved, p, rtx) : 0;
        if (index < 0) {
            lastDrop = SessionDrop.UNKNOWN_RID;
            return null;
        }
        PublishedLayer learnt = resolved.layer(index);
        if (!(rtx ? rtxBySsrc : bySsrc).put((int) ssrc, learnt)) {
            lastDrop = SessionDrop.SSRC_TABLE_FULL;
            return null;
        }
        lastWasRtx = rtx;
        return learnt;
    }

    /** Whether the packet last routed is RTX (RFC 4588) of its layer. */
    boolean lastWasRtx() {
        return lastWasRtx;
    }

    /** Why the packet last routed was dropped. */
    SessionDrop lastDrop() {
        return lastDrop;
    }

    /** The layer of a known media SSRC (for SRs), or null. */
    PublishedLayer layerBySsrc(long ssrc) {
        return bySsrc.get((int) ssrc);
    }

    /**
     * The layer of a new SSRC of a simulcast track: its rid extension (repaired-rid first for RTX), matched against
     * the offered rids without allocation; -1 when absent or unknown.
     */
    private int ridLayer(PublishedTrack track, PacketContext p, boolean rtx) {
        if (!p.header.hasExtension()) {
            return -1;
        }
        Map<String, Integer> ids = track.extensionIdsByUri();
        int ridId = ids.getOrDefault(RID_URI, 0);
        int repairedId = rtx ? ids.getOrDefault(REPAIRED_RID_URI, 0) : 0;
        int found = -1;
        cursor.reset(p.buf, p.header);
        while (cursor.next()) {
            int id = cursor.id();
            if (id != 0 && (id == repairedId || (id == ridId && found < 0))) {
                found = track.layerIndexOfRid(p.buf, cursor.dataOffset(), cursor.dataLength());
                if (id == repairedId) {
                    return found;
                }
            }
        }
        return found;
    }

    /** First packet of an undeclared SSRC: by MID extension, else by a payload type only one m-line has. */
    private PublishedTrack resolve(PacketContext p) {
        for (int i = 0; i < tracks.size(); i++) {
            Integer midId = tracks.get(i).extensionIdsByUri().get(MID_URI);
            if (midId != null && p.header.hasExtension()) {
                cursor.reset(p.buf, p.header);
                while (cursor.next()) {
                    if (cursor.id() == midId) {
                        String mid = new String(p.buf, cursor.dataOffset(), cursor.dataLength(),
                                StandardCharsets.US_ASCII);
                        for (PublishedTrack t : tracks) {
                            if (t.mid().equals(mid)) {
                                return t;
                            }
                        }
                    }
                }
                break;
            }
        }
        PublishedTrack match = null;
        for (PublishedTrack t : tracks) {
            if (t.hasPayloadType(p.header.payloadType())) {
                if (match != null) {
                    return null;
                }
                match = t;
            }
        }
        return match;
    }
}
