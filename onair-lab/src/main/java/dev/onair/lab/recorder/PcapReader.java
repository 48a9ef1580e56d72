package dev.onair.lab.recorder;

import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.PacketRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back a pcap written by {@link PcapWriter} (the replay tool's input). Never throws on a bad file: the
 * result carries the packets read before the first problem and a one-line error.
 */
public final class PcapReader {
    private static final DropReason[] DROPS = DropReason.values();
    private PcapReader() {
    }

    /**
     * @param packets what was read, times as monotonic nanos relative to the anchors given to the writer
     * @param error   null, or why reading stopped early
     */
    public record Result(List<PacketRecord> packets, String error) {
    }

    public static Result read(byte[] file, long monoAnchorNanos, long wallAnchorNanos) {
        List<PacketRecord> out = new ArrayList<>();
        if (file.length < 24 || le32(file, 0) != 0xa1b2c3d4) {
            return new Result(out, "not a little-endian microsecond pcap file");
        }
        if (le32(file, 20) != PcapWriter.LINKTYPE_RAW) {
            return new Result(out, "link type " + le32(file, 20) + " is not raw IP (101)");
        }
        int off = 24;
        while (off < file.length) {
            if (off + 16 > file.length) {
                return new Result(out, "truncated record header at byte " + off);
            }
            long sec = le32(file, off) & 0xFFFFFFFFL;
            long usec = le32(file, off + 4) & 0xFFFFFFFFL;
            int incl = le32(file, off + 8);
            int orig = le32(file, off + 12);
            off += 16;
            if (incl < PcapWriter.CAPTURED || incl > 65535 || off + incl > file.length || orig < 28) {
                return new Result(out, "bad record lengths at byte " + (off - 16));
            }
            int rtp = off + 28;
            if ((file[off] & 0xF0) != 0x40 || file[off + 9] != 17 || (file[rtp] & 0xC0) != 0x80) {
                return new Result(out, "record at byte " + (off - 16) + " is not IPv4/UDP/RTP");
            }
            boolean outbound = file[off + 12] == 10 && file[off + 15] == 1;
            int tos = file[off + 1] & 0xFF;
            int dropOrdinal = tos & ~PcapWriter.KEYFRAME_TOS;
            DropReason drop = dropOrdinal < DROPS.length ? DROPS[dropOrdinal] : DropReason.OTHER;
            long wallNanos = sec * 1_000_000_000L + usec * 1_000L;
            out.add(new PacketRecord(monoAnchorNanos + (wallNanos - wallAnchorNanos), out.size(), file[off + 14] & 0xFF,
                    outbound,
                    be32(file, rtp + 8), be16(file, rtp + 2), be32(file, rtp + 4), file[rtp + 1] & 0x7F, orig - 28,
                    (file[rtp + 1] & 0x80) != 0, (tos & PcapWriter.KEYFRAME_TOS) != 0, drop));
            off += incl;
        }
        return new Result(out, null);
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static int be16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    private static long be32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8
                | (b[off + 3] & 0xFF)) & 0xFFFFFFFFL;
    }
}
