package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Source description, PT=202 (RFC 3550 §6.5).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    SC   |  PT=SDES=202  |             length            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                   chunk 1 (see SdesChunk)                     |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                   chunk 2 ...                                 |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * <p>Bytes after the SC chunks are ignored. Text that is not valid UTF-8 decodes with replacement characters.
 *
 * @param chunks at most 31 chunks
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 SDES chunks: " + chunks.size());
        }
    }

    /** Reads SC chunks from {@code b[off + 4, off + end)}; null when they do not fit. */
    static SourceDescription read(byte[] b, int off, int end, int count) {
        List<SdesChunk> chunks = new ArrayList<>(count);
        int pos = off + 4;
        for (int c = 0; c < count; c++) {
            if (pos + 4 > end) {
                return null;
            }
            long ssrc = Bytes.u32(b, pos);
            pos += 4;
            List<SdesItem> items = new ArrayList<>();
            while (true) {
                if (pos >= end) {
                    return null;
                }
                int type = Bytes.u8(b, pos);
                if (type == 0) {
                    pos = off + RtcpBytes.pad4(pos + 1 - off);
                    break;
                }
                if (pos + 2 > end || pos + 2 + Bytes.u8(b, pos + 1) > end) {
                    return null;
                }
                int len = Bytes.u8(b, pos + 1);
                items.add(new SdesItem(type, new String(b, pos + 2, len, StandardCharsets.UTF_8)));
                pos += 2 + len;
            }
            chunks.add(new SdesChunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int packetType() {
        return PT_SDES;
    }

    @Override
    public int length() {
        int n = 4;
        for (SdesChunk chunk : chunks) {
            n += chunk.length();
        }
        return n;
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = length();
        RtcpBytes.header(buf, off, chunks.size(), PT_SDES, length);
        int pos = off + 4;
        for (SdesChunk chunk : chunks) {
            pos += chunk.write(buf, pos);
        }
        return length;
    }
}
