package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.List;

/**
 * Receiver report, PT=201 (RFC 3550 §6.4.2). Profile-specific extensions after the report blocks are ignored.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=RR=201   |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 report blocks (RC x 24 bytes)                 |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param reports at most 31 report blocks
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {
    public ReceiverReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
    }

    static int fixedLength(int count) {
        return 8 + count * ReportBlock.LENGTH;
    }

    static ReceiverReport read(byte[] b, int off, int count) {
        List<ReportBlock> blocks = ReportBlock.readAll(b, off + 8, count);
        return new ReceiverReport(Bytes.u32(b, off + 4), blocks);
    }

    @Override
    public int packetType() {
        return PT_RR;
    }

    @Override
    public int length() {
        return fixedLength(reports.size());
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = length();
        RtcpBytes.header(buf, off, reports.size(), PT_RR, length);
        Bytes.put32(buf, off + 4, ssrc);
        ReportBlock.writeAll(reports, buf, off + 8);
        return length;
    }
}
