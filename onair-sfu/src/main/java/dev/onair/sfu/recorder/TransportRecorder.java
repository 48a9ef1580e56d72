package dev.onair.sfu.recorder;

import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.peer.DatagramObserver;
import dev.onair.transport.shape.ShapeDrop;

/**
 * Records one transport ("link") of a participant into the participant's {@link FlightRecorder}: RTP as packet
 * records (the clear RTP header of the SRTP datagram: SSRC, sequence, timestamp, payload type, marker; the
 * datagram's size), RTCP and the other datagrams (STUN, DTLS) as control records with their size, shaping changes,
 * and the shaper's drops. Media loop only; allocates nothing.
 */
public final class TransportRecorder implements DatagramObserver {
    private static final DropReason[] BY_SHAPE_DROP = new DropReason[ShapeDrop.values().length];

    static {
        for (ShapeDrop d : ShapeDrop.values()) {
            BY_SHAPE_DROP[d.ordinal()] = switch (d) {
                case LOSS, BURST, BLACKOUT -> DropReason.IMPAIRMENT;
                case QUEUE_FULL -> DropReason.BOTTLENECK;
                case DELAY_LINE_FULL -> DropReason.DELAY_LINE_FULL;
                case TRANSPORT_CLOSED -> DropReason.TRANSPORT_CLOSED;
            };
        }
    }

    private final FlightRecorder recorder;
    private final int link;

    public TransportRecorder(FlightRecorder recorder, int link) {
        this.recorder = recorder;
        this.link = link;
    }

    public int link() {
        return link;
    }

    /** The recorded drop reason of a shaper's drop. */
    public static DropReason dropReason(ShapeDrop d) {
        return BY_SHAPE_DROP[d.ordinal()];
    }

    @Override
    public int onDatagram(long nowNanos, boolean outbound, PacketKind kind, byte[] buf, int off, int len) {
        if (kind == PacketKind.RTP && len >= 12) {
            int b1 = buf[off + 1] & 0xFF;
            return recorder.recordPacket(nowNanos, link, outbound, be32(buf, off + 8), be16(buf, off + 2),
                    be32(buf, off + 4), b1 & 0x7F, len, (b1 & 0x80) != 0, false, DropReason.NONE);
        }
        if (kind == PacketKind.RTCP) {
            long ssrc = len >= 8 ? be32(buf, off + 4) : -1;
            recorder.recordControl(nowNanos, link, outbound ? ControlKind.RTCP_SENT : ControlKind.RTCP_RECEIVED,
                    ssrc, len);
        } else {
            recorder.recordControl(nowNanos, link,
                    outbound ? ControlKind.OTHER_DATAGRAM_SENT : ControlKind.OTHER_DATAGRAM_RECEIVED, -1, len);
        }
        return -1;
    }

    @Override
    public void onShapeDrop(int handle, ShapeDrop reason) {
        if (handle >= 0) {
            recorder.amendDrop(handle, dropReason(reason));
        }
    }

    @Override
    public void onShapingChanged(long nowNanos, boolean inboundShaped, boolean outboundShaped) {
        recorder.recordControl(nowNanos, link, ControlKind.SHAPING_CHANGED, -1,
                (inboundShaped ? 1 : 0) | (outboundShaped ? 2 : 0));
    }

    private static int be16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    private static long be32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8
                | (b[off + 3] & 0xFF)) & 0xFFFFFFFFL;
    }
}
