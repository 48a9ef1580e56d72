package dev.onair.protocol.rtcp;

import java.util.List;

/**
 * What {@link RtcpParser#parse} read from one datagram.
 *
 * @param packets every packet read before the walk stopped, in wire order
 * @param drop why the walk stopped early, or null when the whole datagram was read
 */
public record RtcpParseResult(List<RtcpPacket> packets, RtcpDrop drop) {
    public RtcpParseResult {
        packets = List.copyOf(packets);
    }

    /** True when every byte of the datagram was accounted for. */
    public boolean complete() {
        return drop == null;
    }
}
