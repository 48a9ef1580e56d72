package dev.onair.sfu;

import dev.onair.sfu.negotiation.NegotiatedCodec;
import dev.onair.sfu.negotiation.NegotiatedExtension;
import dev.onair.sfu.negotiation.NegotiatedMedia;
import dev.onair.sfu.negotiation.NegotiatedSession;
import dev.onair.sfu.negotiation.RemoteSsrc;
import dev.onair.sfu.session.TrackSetup;
import dev.onair.sfu.track.TrackCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a negotiation result into what sessions need: one {@link TrackSetup} per accepted m-line. */
final class NegotiatedTracks {
    private NegotiatedTracks() {
    }

    static List<TrackSetup> setups(NegotiatedSession session) {
        List<TrackSetup> out = new ArrayList<>();
        for (NegotiatedMedia m : session.media()) {
            List<TrackCodec> codecs = new ArrayList<>();
            boolean pli = false;
            boolean nack = false;
            boolean remb = false;
            for (NegotiatedCodec c : m.codecs()) {
                codecs.add(new TrackCodec(c.name().toUpperCase(Locale.ROOT), c.payloadType(), c.clockRateHz(),
                        c.rtxPayloadType()));
                pli |= c.rtcpFeedback().contains("nack pli");
                nack |= c.rtcpFeedback().contains("nack");
                remb |= c.rtcpFeedback().contains("goog-remb");
            }
            Map<String, Integer> exts = new HashMap<>();
            for (NegotiatedExtension e : m.extensions()) {
                exts.put(e.uri(), e.id());
            }
            List<Long> ssrcs = new ArrayList<>();
            List<Long> rtxSsrcs = new ArrayList<>();
            for (RemoteSsrc r : m.remoteSsrcs()) {
                ssrcs.add(r.ssrc());
                rtxSsrcs.add(r.rtxSsrc());
            }
            out.add(new TrackSetup(m.mid(), m.kind(), codecs, exts, ssrcs, pli, m.localSsrc(), m.localRtxSsrc(),
                    rtxSsrcs, nack, m.simulcastSendRids(), remb));
        }
        return out;
    }
}
