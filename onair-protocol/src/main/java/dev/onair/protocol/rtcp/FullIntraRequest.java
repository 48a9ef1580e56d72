package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Full intra request, PT=206 FMT=4 (RFC 5104 §4.3.1). The media source SSRC field is unused and written as
 * 0 (a non-zero value on input is not kept); the reserved bytes are written as 0.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=4  |   PT=206      |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source (0)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  FIR entries (see FirEntry), 8 bytes each     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record FullIntraRequest(long senderSsrc, List<FirEntry> entries) implements RtcpPacket {
    public static final int FMT = 4;

    public FullIntraRequest {
        entries = List.copyOf(entries);
    }

    /** Reads the entries from {@code b[off + 12, end)}; null when they do not fill it in whole entries. */
    static FullIntraRequest read(byte[] b, int off, int end) {
        int fci = end - off - 12;
        if (fci % 8 != 0) {
            return null;
        }
        List<FirEntry> entries = new ArrayList<>(fci / 8);
        for (int pos = off + 12; pos < end; pos += 8) {
            entries.add(new FirEntry(Bytes.u32(b, pos), Bytes.u8(b, pos + 4)));
        }
        return new FullIntraRequest(Bytes.u32(b, off + 4), entries);
    }

    @Override
    public int packetType() {
        return PT_PSFB;
    }

    @Override
    public int length() {
        return 12 + 8 * entries.size();
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = length();
        RtcpBytes.header(buf, off, FMT, PT_PSFB, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, 0);
        for (int i = 0; i < entries.size(); i++) {
            int pos = off + 12 + 8 * i;
            Bytes.put32(buf, pos, entries.get(i).ssrc());
            Bytes.put32(buf, pos + 4, (long) entries.get(i).seqNr() << 24);
        }
        return length;
    }
}
