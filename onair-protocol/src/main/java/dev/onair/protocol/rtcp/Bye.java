package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Goodbye, PT=203 (RFC 3550 §6.6).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    SC   |   PT=BYE=203  |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SSRC/CSRC (SC times)                |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * :     length    |               reason for leaving (UTF-8)     ... (opt)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrcs at most 31 sources
 * @param reason null when absent; written as UTF-8 cut to 255 bytes and zero-padded to 32 bits
 */
public record Bye(List<Long> ssrcs, String reason) implements RtcpPacket {
    public Bye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException("at most 31 sources: " + ssrcs.size());
        }
    }

    static int fixedLength(int count) {
        return 4 + 4 * count;
    }

    /** Reads SC sources and the optional reason from {@code b[off, off + end)}; null when the reason overruns. */
    static Bye read(byte[] b, int off, int end, int count) {
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(Bytes.u32(b, off + 4 + 4 * i));
        }
        int pos = off + fixedLength(count);
        String reason = null;
        if (pos < end) {
            int len = Bytes.u8(b, pos);
            if (pos + 1 + len > end) {
                return null;
            }
            reason = new String(b, pos + 1, len, StandardCharsets.UTF_8);
        }
        return new Bye(ssrcs, reason);
    }

    private byte[] reasonBytes() {
        byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= 255) {
            return utf8;
        }
        byte[] cut = new byte[255];
        System.arraycopy(utf8, 0, cut, 0, 255);
        return cut;
    }

    @Override
    public int packetType() {
        return PT_BYE;
    }

    @Override
    public int length() {
        int n = fixedLength(ssrcs.size());
        return reason == null ? n : n + RtcpBytes.pad4(1 + reasonBytes().length);
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = length();
        RtcpBytes.header(buf, off, ssrcs.size(), PT_BYE, length);
        for (int i = 0; i < ssrcs.size(); i++) {
            Bytes.put32(buf, off + 4 + 4 * i, ssrcs.get(i));
        }
        if (reason != null) {
            byte[] text = reasonBytes();
            int pos = off + fixedLength(ssrcs.size());
            buf[pos] = (byte) text.length;
            System.arraycopy(text, 0, buf, pos + 1, text.length);
            RtcpBytes.zero(buf, pos + 1 + text.length, off + length);
        }
        return length;
    }
}
