package dev.onair.protocol.rtcp;

import java.util.ArrayList;
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
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(b, off + FIXED_LENGTH + i * ReportBlock.LENGTH));
        }
        return new SenderReport(RtcpBytes.u32(b, off + 4), RtcpBytes.u64(b, off + 8), RtcpBytes.u32(b, off + 16),
                RtcpBytes.u32(b, off + 20), RtcpBytes.u32(b, off + 24), blocks);
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
        RtcpBytes.put32(buf, off + 4, ssrc);
        RtcpBytes.put64(buf, off + 8, ntpTimestamp);
        RtcpBytes.put32(buf, off + 16, rtpTimestamp);
        RtcpBytes.put32(buf, off + 20, packetCount);
        RtcpBytes.put32(buf, off + 24, octetCount);
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).write(buf, off + FIXED_LENGTH + i * ReportBlock.LENGTH);
        }
        return length;
    }
}
