package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Receiver estimated maximum bitrate, PT=206 FMT=15 with the "REMB" identifier (draft-alvestrand-rmcat-remb-03
 * §2.2). The media source SSRC field is written as 0.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=15  |   PT=206      |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source (0)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Unique identifier 'R' 'E' 'M' 'B'                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Num SSRC     | BR Exp    |  BR Mantissa (18 bits)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   SSRC feedback (Num SSRC times)                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The writer uses the smallest exponent whose mantissa fits 18 bits (as libwebrtc does), so a bitrate with
 * more than 18 significant bits is rounded down. A decoded bitrate that overflows a long is clamped.
 *
 * @param bitrateBps estimated maximum bitrate in bits per second, not negative
 * @param ssrcs media sources the estimate applies to, at most 255
 */
public record Remb(long senderSsrc, long bitrateBps, List<Long> ssrcs) implements RtcpPacket {
    public static final int FMT = 15;
    static final int FIXED_LENGTH = 20;
    private static final long IDENTIFIER = 0x52454D42L; // "REMB"

    public Remb {
        ssrcs = List.copyOf(ssrcs);
        if (bitrateBps < 0 || ssrcs.size() > 255) {
            throw new IllegalArgumentException("REMB needs bitrate >= 0 and at most 255 SSRCs");
        }
    }

    /** True when the FCI at {@code off + 12} starts with the "REMB" identifier. */
    static boolean isRemb(byte[] b, int off, int end) {
        return end - off >= 16 && Bytes.u32(b, off + 12) == IDENTIFIER;
    }

    /** Reads a REMB from {@code b[off, end)}, already known to be one; null when the SSRC list does not fit. */
    static Remb read(byte[] b, int off, int end) {
        int count = Bytes.u8(b, off + 16);
        if (off + FIXED_LENGTH + 4 * count > end) {
            return null;
        }
        int exp = Bytes.u8(b, off + 17) >>> 2;
        long mantissa = Bytes.u24(b, off + 17) & 0x3FFFF;
        long bitrate = mantissa > (Long.MAX_VALUE >>> exp) ? Long.MAX_VALUE : mantissa << exp;
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, off + FIXED_LENGTH + 4 * i));
        }
        return new Remb(Bytes.u32(b, off + 4), bitrate, ssrcs);
    }

    @Override
    public int packetType() {
        return PT_PSFB;
    }

    @Override
    public int length() {
        return FIXED_LENGTH + 4 * ssrcs.size();
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = length();
        RtcpBytes.header(buf, off, FMT, PT_PSFB, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, 0);
        Bytes.put32(buf, off + 12, IDENTIFIER);
        long mantissa = bitrateBps;
        int exp = 0;
        while (mantissa > 0x3FFFF) {
            mantissa >>>= 1;
            exp++;
        }
        Bytes.put8(buf, off + 16, ssrcs.size());
        Bytes.put24(buf, off + 17, (exp << 18) | (int) mantissa);
        for (int i = 0; i < ssrcs.size(); i++) {
            Bytes.put32(buf, off + FIXED_LENGTH + 4 * i, ssrcs.get(i));
        }
        return length;
    }
}
