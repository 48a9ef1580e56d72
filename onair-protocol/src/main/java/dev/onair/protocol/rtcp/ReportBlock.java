package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A reception report block (RFC 3550 §6.4.1), 24 bytes, carried by sender and receiver reports.
 *
 * <pre>
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_1 (SSRC of first source)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |       cumulative number of packets lost       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           extended highest sequence number received           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      interarrival jitter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last SR (LSR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last SR (DLSR)                  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * @param ssrc source this block reports on, 0..2^32-1
 * @param fractionLost fraction lost since the last report, in 1/256 units (0..255)
 * @param cumulativeLost packets lost since the start, signed 24-bit (-8388608..8388607)
 * @param extendedHighestSeq cycles &lt;&lt; 16 | highest sequence number, 0..2^32-1
 * @param jitter interarrival jitter in RTP timestamp units, 0..2^32-1
 * @param lastSr middle 32 bits of the last SR's NTP timestamp ({@link NtpTime#middle32}), 0 if none
 * @param delaySinceLastSr delay since that SR in 1/65536 seconds, 0..2^32-1
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSeq, long jitter,
        long lastSr, long delaySinceLastSr) {
    /** Bytes of one block on the wire. */
    public static final int LENGTH = 24;

    /** {@code count} consecutive blocks starting at {@code at} (SR and RR share the layout). */
    static List<ReportBlock> readAll(byte[] b, int at, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(read(b, at + i * LENGTH));
        }
        return blocks;
    }

    static void writeAll(List<ReportBlock> blocks, byte[] b, int at) {
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).write(b, at + i * LENGTH);
        }
    }

    static ReportBlock read(byte[] b, int i) {
        int lost = Bytes.u24(b, i + 5);
        return new ReportBlock(Bytes.u32(b, i), Bytes.u8(b, i + 4), (lost << 8) >> 8,
                Bytes.u32(b, i + 8), Bytes.u32(b, i + 12), Bytes.u32(b, i + 16), Bytes.u32(b, i + 20));
    }

    void write(byte[] b, int i) {
        Bytes.put32(b, i, ssrc);
        Bytes.put8(b, i + 4, fractionLost);
        Bytes.put24(b, i + 5, cumulativeLost);
        Bytes.put32(b, i + 8, extendedHighestSeq);
        Bytes.put32(b, i + 12, jitter);
        Bytes.put32(b, i + 16, lastSr);
        Bytes.put32(b, i + 20, delaySinceLastSr);
    }
}
