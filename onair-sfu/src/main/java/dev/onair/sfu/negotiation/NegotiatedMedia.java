package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.Direction;
import dev.onair.protocol.sdp.Msid;
import dev.onair.protocol.sdp.Rid;
import dev.onair.protocol.sdp.Simulcast;
import dev.onair.protocol.sdp.SimulcastStream;
import dev.onair.protocol.sdp.SsrcGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted m-line.
 *
 * @param mid              the offer's mid
 * @param localDirection   what we answered: {@code recvonly} (publish) or {@code sendonly} (subscribe)
 * @param codecs           the answered codecs in answer order (the first is the preferred one)
 * @param extensions       the answered RTP header extensions
 * @param remoteSsrcs      media SSRCs the offer announced, with their RTX pairs
 * @param remoteSsrcGroups every {@code a=ssrc-group} of the offer (FID, SIM, ...)
 * @param remoteMsid       the offer's {@code a=msid}, or null
 * @param rids             the offer's rids
 * @param simulcast        the offer's simulcast attribute, or null (its send list orders the layers, see
 *                         {@link #simulcastSendRids()})
 * @param localSsrc        the SSRC we send on a subscribe m-line, or -1 on a publish m-line
 * @param localRtxSsrc     the RTX SSRC we announced on a subscribe m-line with rtx, else -1
 */
public record NegotiatedMedia(String mid, MediaKind kind, Direction localDirection, List<NegotiatedCodec> codecs,
        List<NegotiatedExtension> extensions, List<RemoteSsrc> remoteSsrcs, List<SsrcGroup> remoteSsrcGroups,
        Msid remoteMsid, List<Rid> rids, Simulcast simulcast, long localSsrc, long localRtxSsrc) {

    public NegotiatedMedia {
        codecs = List.copyOf(codecs);
        extensions = List.copyOf(extensions);
        remoteSsrcs = List.copyOf(remoteSsrcs);
        remoteSsrcGroups = List.copyOf(remoteSsrcGroups);
        rids = List.copyOf(rids);
    }

    /** Without an RTX SSRC. */
    public NegotiatedMedia(String mid, MediaKind kind, Direction localDirection, List<NegotiatedCodec> codecs,
            List<NegotiatedExtension> extensions, List<RemoteSsrc> remoteSsrcs, List<SsrcGroup> remoteSsrcGroups,
            Msid remoteMsid, List<Rid> rids, Simulcast simulcast, long localSsrc) {
        this(mid, kind, localDirection, codecs, extensions, remoteSsrcs, remoteSsrcGroups, remoteMsid, rids,
                simulcast, localSsrc, -1);
    }

    /**
     * The rids the offerer sends as simulcast, in {@code a=simulcast:send} order (the first alternative of each
     * stream, paused or not): index = spatial layer, lowest first. Empty without simulcast.
     */
    public List<String> simulcastSendRids() {
        if (simulcast == null || rids.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (SimulcastStream stream : simulcast.send()) {
            if (!stream.alternatives().isEmpty()) {
                out.add(stream.alternatives().get(0).rid());
            }
        }
        return List.copyOf(out);
    }

    /** The codec with a payload type, or null. */
    public NegotiatedCodec codecByPayloadType(int payloadType) {
        for (NegotiatedCodec c : codecs) {
            if (c.payloadType() == payloadType) {
                return c;
            }
        }
        return null;
    }

    /**
     * Our payload type for a codec negotiated on another m-line (e.g. the publisher's), or -1 when this
     * m-line has no compatible codec.
     */
    public int payloadTypeFor(NegotiatedCodec other) {
        for (NegotiatedCodec c : codecs) {
            if (c.isCompatibleWith(other)) {
                return c.payloadType();
            }
        }
        return -1;
    }

    /** The id of an extension URI on this m-line, or 0 when it was not negotiated. */
    public int extensionId(String uri) {
        for (NegotiatedExtension e : extensions) {
            if (e.uri().equals(uri)) {
                return e.id();
            }
        }
        return 0;
    }

    /** True on subscribe m-lines, which carry our own SSRC. */
    public boolean hasLocalSsrc() {
        return localSsrc >= 0;
    }
}
