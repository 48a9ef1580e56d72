package dev.onair.sfu.session;

import dev.onair.sfu.negotiation.MediaKind;
import dev.onair.sfu.track.TrackCodec;
import java.util.List;
import java.util.Map;

/**
 * One negotiated m-line as a session needs it.
 *
 * @param mid               the m-line's mid
 * @param kind              audio or video
 * @param codecs            this peer's codecs with its payload types
 * @param extensionIdsByUri this peer's RFC 8285 ids
 * @param declaredSsrcs     SSRCs the peer declared for this m-line (a=ssrc), possibly empty
 * @param pliSupported      the peer accepts PLI ("nack pli"); otherwise FIR if "ccm fir"
 * @param localSsrc         for sendonly m-lines: the SSRC we send with; 0 otherwise
 * @param localRtxSsrc      for sendonly m-lines with rtx: our RTX SSRC; -1 otherwise
 * @param remoteRtxSsrcs    the peer's RTX SSRC of each declared SSRC with a FID group, same order as
 *                          {@code declaredSsrcs} (-1: none)
 * @param nackSupported     the peer takes generic NACKs ({@code a=rtcp-fb:* nack})
 * @param rids              a publisher's simulcast rids in {@code a=simulcast:send} order, lowest layer first
 *                          (see {@link dev.onair.sfu.simulcast.RidLayers}); empty without simulcast
 * @param rembSupported     the peer takes REMB ({@code a=rtcp-fb:* goog-remb}) on this m-line
 */
public record TrackSetup(String mid, MediaKind kind, List<TrackCodec> codecs, Map<String, Integer> extensionIdsByUri,
                         List<Long> declaredSsrcs, boolean pliSupported, long localSsrc, long localRtxSsrc,
                         List<Long> remoteRtxSsrcs, boolean nackSupported, List<String> rids, boolean rembSupported) {

    public TrackSetup {
        rids = List.copyOf(rids);
    }

    /** Without REMB. */
    public TrackSetup(String mid, MediaKind kind, List<TrackCodec> codecs, Map<String, Integer> extensionIdsByUri,
                      List<Long> declaredSsrcs, boolean pliSupported, long localSsrc, long localRtxSsrc,
                      List<Long> remoteRtxSsrcs, boolean nackSupported, List<String> rids) {
        this(mid, kind, codecs, extensionIdsByUri, declaredSsrcs, pliSupported, localSsrc, localRtxSsrc,
                remoteRtxSsrcs, nackSupported, rids, false);
    }

    /** Without simulcast. */
    public TrackSetup(String mid, MediaKind kind, List<TrackCodec> codecs, Map<String, Integer> extensionIdsByUri,
                      List<Long> declaredSsrcs, boolean pliSupported, long localSsrc, long localRtxSsrc,
                      List<Long> remoteRtxSsrcs, boolean nackSupported) {
        this(mid, kind, codecs, extensionIdsByUri, declaredSsrcs, pliSupported, localSsrc, localRtxSsrc,
                remoteRtxSsrcs, nackSupported, List.of());
    }

    /** Without retransmission. */
    public TrackSetup(String mid, MediaKind kind, List<TrackCodec> codecs, Map<String, Integer> extensionIdsByUri,
                      List<Long> declaredSsrcs, boolean pliSupported, long localSsrc) {
        this(mid, kind, codecs, extensionIdsByUri, declaredSsrcs, pliSupported, localSsrc, -1, List.of(), false);
    }
}
