package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.List;

/**
 * One SDES chunk (RFC 3550 §6.5): an SSRC/CSRC followed by items, a null terminator and zero padding to the
 * next 32-bit boundary.
 *
 * <pre>
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                          SSRC/CSRC_1                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SDES items  ...   |  0  | 0 padding |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 */
public record SdesChunk(long ssrc, List<SdesItem> items) {
    public SdesChunk {
        items = List.copyOf(items);
    }

    /** Bytes on the wire, terminator and padding included. */
    int length() {
        int n = 4;
        for (SdesItem item : items) {
            n += item.length();
        }
        return RtcpBytes.pad4(n + 1);
    }

    int write(byte[] b, int i) {
        int length = length();
        Bytes.put32(b, i, ssrc);
        int pos = i + 4;
        for (SdesItem item : items) {
            pos += item.write(b, pos);
        }
        RtcpBytes.zero(b, pos, i + length);
        return length;
    }
}
