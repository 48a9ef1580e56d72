package dev.onair.protocol.rtcp;

import java.util.List;

/**
 * Transport-wide congestion control feedback, PT=205 FMT=15
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=15 |    PT=205     |           length              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      SSRC of media source                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      base sequence number     |      packet status count      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 reference time                | fb pkt. count |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          packet chunk         |         packet chunk   ...    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  recv delta   |  recv delta   |  ...          | padding | cnt |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Chunks (§3.1.3, §3.1.4): run length {@code 0 S(2) run(13)}, one-bit status vector {@code 1 0 s x 14}
 * (0 = not received, 1 = small delta), two-bit status vector {@code 1 1 ss x 7} (0 = not received,
 * 1 = small delta, 2 = large or negative delta; 3 is reserved and rejected). A small delta is one unsigned
 * byte, a large one a signed 16-bit value, both in 250 µs units. How {@link #writeTo} picks chunks is
 * described in {@code TransportCcCodec}; it pads with P=1 and a count byte, like libwebrtc.
 *
 * @param senderSsrc SSRC of the feedback sender
 * @param mediaSsrc SSRC of the media source (unused by the scheme, usually 0 or the first media SSRC)
 * @param baseSequenceNumber transport-wide sequence number of the first packet in {@code packets}, 0..65535
 * @param referenceTime64ms reference time in 64 ms units, the raw 24-bit field 0..16777215
 * @param feedbackPacketCount this feedback's own counter, 0..255
 * @param packets one entry per sequence number from the base on; its size is the packet status count
 */
public record TransportCc(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int referenceTime64ms,
        int feedbackPacketCount, List<PacketStatus> packets) implements RtcpPacket {
    public static final int FMT = 15;

    public TransportCc {
        packets = List.copyOf(packets);
        if (packets.size() > 0xFFFF) {
            throw new IllegalArgumentException("at most 65535 packets: " + packets.size());
        }
        for (int i = 0; i < packets.size(); i++) {
            if (packets.get(i).sequenceNumber() != ((baseSequenceNumber + i) & 0xFFFF)) {
                throw new IllegalArgumentException("packet " + i + " must have sequence number base + " + i);
            }
        }
    }

    /**
     * The status of one transport-wide sequence number.
     *
     * @param sequenceNumber 0..65535, always {@code base + index}
     * @param received whether the packet arrived
     * @param receiveDelta250us arrival time minus the previous arrival (the reference time for the first),
     *     in 250 µs units, -32768..32767; 0 when not received
     */
    public record PacketStatus(int sequenceNumber, boolean received, int receiveDelta250us) {
        public PacketStatus {
            if (receiveDelta250us < Short.MIN_VALUE || receiveDelta250us > Short.MAX_VALUE
                    || (!received && receiveDelta250us != 0)) {
                throw new IllegalArgumentException("bad receive delta " + receiveDelta250us);
            }
        }

        /** Status symbol on the wire: 0 not received, 1 small delta (0..255), 2 large or negative delta. */
        int symbol() {
            if (!received) {
                return 0;
            }
            return receiveDelta250us >= 0 && receiveDelta250us <= 255 ? 1 : 2;
        }
    }

    /** Number of packets this feedback covers (the packet status count field). */
    public int packetStatusCount() {
        return packets.size();
    }

    @Override
    public int packetType() {
        return PT_RTPFB;
    }

    @Override
    public int length() {
        return TransportCcCodec.length(this);
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        return TransportCcCodec.write(this, buf, off);
    }
}
