package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.List;

/**
 * Sender report, PT=200 (RFC 3550 §6.4.1). Profile-specific extensions after the report blocks are ignored.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         SSRC of sender                        |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |              NTP timestamp, most significant word             |
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 report blocks (RC x 24 bytes)                 |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param ntpTimestamp 64-bit NTP time (seconds since 1900 &lt;&lt; 32 | fraction), see {@link NtpTime}
 * @param reports at most 31 report blocks
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports) implements RtcpPacket {
    public SenderReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
    }

    /** Minimum bytes before the report blocks. */
    static final int FIXED_LENGTH = 28;

    static int fixedLength(int count) {
        return FIXED_LENGTH + count * ReportBlock.LENGTH;
    }

    static SenderReport read(byte[] b, int off, int count) {
        List<ReportBlock> blocks = ReportBlock.readAll(b, off + FIXED_LENGTH, count);
        return new SenderReport(Bytes.u32(b, off + 4), Bytes.u64(b, off + 8), Bytes.u32(b, off + 16),
                Bytes.u32(b, off + 20), Bytes.u32(b, off + 24), blocks);
    }

    @Override
    public int packetType() {
        return PT_SR;
    }

    @Override
    public int length() {
        return fixedLength(reports.size());
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = length();
        RtcpBytes.header(buf, off, reports.size(), PT_SR, length);
        Bytes.put32(buf, off + 4, ssrc);
        Bytes.put64(buf, off + 8, ntpTimestamp);
        Bytes.put32(buf, off + 16, rtpTimestamp);
        Bytes.put32(buf, off + 20, packetCount);
        Bytes.put32(buf, off + 24, octetCount);
        ReportBlock.writeAll(reports, buf, off + FIXED_LENGTH);
        return length;
    }
}
