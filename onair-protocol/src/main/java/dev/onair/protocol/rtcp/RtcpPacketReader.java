package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.Arrays;

/**
 * Decodes one framed RTCP packet by type and FMT (RFC 3550 §6.4-6.6, RFC 4585 §6.2-6.3, RFC 5104 §4.3.1).
 * The parser has already checked the version, the length field and the padding.
 *
 * <pre>
 * b[off] .. b[end)           header and body without padding
 * b[off] .. b[off + length)  the whole packet as framed (kept raw for UnknownRtcp)
 * </pre>
 */
final class RtcpPacketReader {
    /** Either a packet or the reason there is none. */
    record Outcome(RtcpPacket packet, RtcpDrop drop) {
    }

    private RtcpPacketReader() {
    }

    static Outcome read(byte[] b, int off, int end, int length) {
        int count = b[off] & 0x1F;
        int type = Bytes.u8(b, off + 1);
        int body = end - off;
        switch (type) {
            case RtcpPacket.PT_SR:
                return body < SenderReport.fixedLength(count) ? drop(RtcpDrop.TRUNCATED)
                        : ok(SenderReport.read(b, off, count));
            case RtcpPacket.PT_RR:
                return body < ReceiverReport.fixedLength(count) ? drop(RtcpDrop.TRUNCATED)
                        : ok(ReceiverReport.read(b, off, count));
            case RtcpPacket.PT_SDES:
                return orDrop(SourceDescription.read(b, off, end, count), RtcpDrop.MALFORMED_SDES);
            case RtcpPacket.PT_BYE:
                return body < Bye.fixedLength(count) ? drop(RtcpDrop.TRUNCATED)
                        : orDrop(Bye.read(b, off, end, count), RtcpDrop.MALFORMED_BYE);
            case RtcpPacket.PT_RTPFB:
                return transportFeedback(b, off, end, length, count);
            case RtcpPacket.PT_PSFB:
                return payloadFeedback(b, off, end, length, count);
            default:
                return unknown(b, off, length);
        }
    }

    private static Outcome transportFeedback(byte[] b, int off, int end, int length, int fmt) {
        if (fmt == GenericNack.FMT) {
            return end - off < 12 ? drop(RtcpDrop.TRUNCATED)
                    : orDrop(GenericNack.read(b, off, end), RtcpDrop.MALFORMED_FEEDBACK);
        }
        if (fmt == TransportCc.FMT) {
            return end - off < 20 ? drop(RtcpDrop.TRUNCATED)
                    : orDrop(TransportCcCodec.read(b, off, end), RtcpDrop.MALFORMED_TWCC);
        }
        return unknown(b, off, length);
    }

    private static Outcome payloadFeedback(byte[] b, int off, int end, int length, int fmt) {
        int body = end - off;
        if (fmt == PictureLossIndication.FMT) {
            if (body < PictureLossIndication.LENGTH) {
                return drop(RtcpDrop.TRUNCATED);
            }
            return body == PictureLossIndication.LENGTH ? ok(PictureLossIndication.read(b, off))
                    : unknown(b, off, length);
        }
        if (fmt == FullIntraRequest.FMT) {
            return body < 12 ? drop(RtcpDrop.TRUNCATED)
                    : orDrop(FullIntraRequest.read(b, off, end), RtcpDrop.MALFORMED_FEEDBACK);
        }
        if (fmt == Remb.FMT && Remb.isRemb(b, off, end)) {
            return body < Remb.FIXED_LENGTH ? drop(RtcpDrop.TRUNCATED)
                    : orDrop(Remb.read(b, off, end), RtcpDrop.MALFORMED_FEEDBACK);
        }
        return unknown(b, off, length);
    }

    private static Outcome unknown(byte[] b, int off, int length) {
        return ok(new UnknownRtcp(Bytes.u8(b, off + 1), b[off] & 0x1F, Arrays.copyOfRange(b, off, off + length)));
    }

    private static Outcome ok(RtcpPacket packet) {
        return new Outcome(packet, null);
    }

    private static Outcome drop(RtcpDrop reason) {
        return new Outcome(null, reason);
    }

    private static Outcome orDrop(RtcpPacket packet, RtcpDrop reason) {
        return packet == null ? drop(reason) : ok(packet);
    }
}
