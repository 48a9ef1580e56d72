package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;

/**
 * Picture loss indication, PT=206 FMT=1 (RFC 4585 §6.3.1). It has no FCI; a PLI carrying extra bytes is
 * passed on as {@link UnknownRtcp} so that it is forwarded unchanged.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |   PT=206      |          length=2             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
    public static final int FMT = 1;
    static final int LENGTH = 12;

    static PictureLossIndication read(byte[] b, int off) {
        return new PictureLossIndication(Bytes.u32(b, off + 4), Bytes.u32(b, off + 8));
    }

    @Override
    public int packetType() {
        return PT_PSFB;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        RtcpBytes.header(buf, off, FMT, PT_PSFB, LENGTH);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        return LENGTH;
    }
}
