package dev.onair.server.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * getStats() of one harness room, flattened: the subscriber PC's inbound-rtp per remote track (mapped to the
 * publishing participant through the SDK's {@code trackSubscribed}), the publisher PC's outbound-rtp, and the
 * selected candidate pair of each PC.
 */
public record RoomStats(List<Inbound> inbound, List<Outbound> outbound, Pair subscriberPair, Pair publisherPair) {

    /** One received track. {@code identity} is null for an m-line no delivered track maps to. */
    public record Inbound(String kind, String identity, String trackId, long packetsReceived, long framesDecoded) {
    }

    public record Outbound(String kind, long packetsSent, long framesEncoded) {
    }

    /** The local and remote ports of a selected candidate pair. */
    public record Pair(String localAddress, long localPort, long remotePort, String state) {
    }

    /** Received video tracks of {@code identity}. */
    public List<Inbound> video(String identity) {
        return of("video", identity);
    }

    public List<Inbound> audio(String identity) {
        return of("audio", identity);
    }

    /** Frames decoded of the video from {@code identity} (the sum, should there be several m-lines). */
    public long framesDecodedFrom(String identity) {
        return video(identity).stream().mapToLong(Inbound::framesDecoded).sum();
    }

    public long audioPacketsFrom(String identity) {
        return audio(identity).stream().mapToLong(Inbound::packetsReceived).sum();
    }

    /** Received packets of the track with this MediaStreamTrack id (0 when it is not there). */
    public long packetsOfTrack(String trackId) {
        return inbound.stream().filter(i -> trackId.equals(i.trackId())).mapToLong(Inbound::packetsReceived).sum();
    }

    private List<Inbound> of(String kind, String identity) {
        return inbound.stream().filter(i -> kind.equals(i.kind()) && identity.equals(i.identity())).toList();
    }

    static RoomStats of(Map<?, ?> m) {
        List<Inbound> in = new ArrayList<>();
        List<Outbound> out = new ArrayList<>();
        if (m.get("inbound") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> r) {
                    in.add(new Inbound(str(r, "kind"), str(r, "identity"), str(r, "trackId"), num(r, "packetsReceived"),
                            num(r, "framesDecoded")));
                }
            }
        }
        if (m.get("outbound") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> r) {
                    out.add(new Outbound(str(r, "kind"), num(r, "packetsSent"), num(r, "framesEncoded")));
                }
            }
        }
        return new RoomStats(in, out, pair(m.get("subscriberPair")), pair(m.get("publisherPair")));
    }

    private static Pair pair(Object o) {
        return o instanceof Map<?, ?> p ? new Pair(str(p, "localAddress"), num(p, "localPort"), num(p, "remotePort"),
                str(p, "state")) : null;
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static long num(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
