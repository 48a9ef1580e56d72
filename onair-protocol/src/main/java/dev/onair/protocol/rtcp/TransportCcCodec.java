package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the body of {@link TransportCc} (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1). Offsets are relative to the packet start; the FCI begins at byte 12:
 *
 * <pre>
 * 12: base seq (16) | 14: status count (16) | 16: reference time (24) | 19: fb pkt count (8) | 20: chunks
 * </pre>
 *
 * <p>Writer chunk choice, deterministic so that written vectors round-trip byte for byte. At each position,
 * with {@code r} the run of equal symbols from there (at most 8191) and {@code rest} the symbols left:
 * <ol>
 *   <li>{@code r == rest} or {@code r >= 14}: a run-length chunk of {@code r};</li>
 *   <li>else if the next {@code min(14, rest)} symbols are all 0 or 1: a one-bit vector of 14 (unused
 *       slots 0);</li>
 *   <li>else if {@code r >= 7}: a run-length chunk of {@code r};</li>
 *   <li>else a two-bit vector of the next {@code min(7, rest)} symbols (unused slots 0).</li>
 * </ol>
 */
final class TransportCcCodec {
    private static final int MAX_RUN = 0x1FFF;

    private TransportCcCodec() {
    }

    /** Decodes {@code b[off, end)}; null when chunks or deltas are missing or a reserved symbol appears. */
    static TransportCc read(byte[] b, int off, int end) {
        int base = Bytes.u16(b, off + 12);
        int count = Bytes.u16(b, off + 14);
        byte[] symbols = new byte[count];
        int pos = off + 20;
        int n = 0;
        while (n < count) {
            if (pos + 2 > end) {
                return null;
            }
            int chunk = Bytes.u16(b, pos);
            pos += 2;
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >>> 13) & 3;
                int run = Math.min(chunk & MAX_RUN, count - n);
                if (symbol == 3 && run > 0) {
                    return null;
                }
                for (int i = 0; i < run; i++) {
                    symbols[n++] = (byte) symbol;
                }
            } else {
                boolean twoBit = (chunk & 0x4000) != 0;
                int slots = twoBit ? 7 : 14;
                for (int i = 0; i < slots && n < count; i++) {
                    int symbol = twoBit ? (chunk >>> (12 - 2 * i)) & 3 : (chunk >>> (13 - i)) & 1;
                    if (symbol == 3) {
                        return null;
                    }
                    symbols[n++] = (byte) symbol;
                }
            }
        }
        List<TransportCc.PacketStatus> packets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int seq = (base + i) & 0xFFFF;
            int delta;
            if (symbols[i] == 0) {
                packets.add(new TransportCc.PacketStatus(seq, false, 0));
                continue;
            } else if (symbols[i] == 1) {
                if (pos + 1 > end) {
                    return null;
                }
                delta = Bytes.u8(b, pos++);
            } else {
                if (pos + 2 > end) {
                    return null;
                }
                delta = (short) Bytes.u16(b, pos);
                pos += 2;
            }
            packets.add(new TransportCc.PacketStatus(seq, true, delta));
        }
        return new TransportCc(Bytes.u32(b, off + 4), Bytes.u32(b, off + 8), base,
                Bytes.u24(b, off + 16), Bytes.u8(b, off + 19), packets);
    }

    static int length(TransportCc p) {
        return RtcpBytes.pad4(unpaddedLength(p));
    }

    private static int unpaddedLength(TransportCc p) {
        int deltaBytes = 0;
        for (TransportCc.PacketStatus s : p.packets()) {
            deltaBytes += s.symbol();
        }
        return 20 + 2 * chunks(p.packets(), null, 0) + deltaBytes;
    }

    static int write(TransportCc p, byte[] buf, int off) {
        int unpadded = unpaddedLength(p);
        int length = RtcpBytes.pad4(unpadded);
        RtcpBytes.header(buf, off, TransportCc.FMT, RtcpPacket.PT_RTPFB, length);
        Bytes.put32(buf, off + 4, p.senderSsrc());
        Bytes.put32(buf, off + 8, p.mediaSsrc());
        Bytes.put16(buf, off + 12, p.baseSequenceNumber());
        Bytes.put16(buf, off + 14, p.packets().size());
        Bytes.put24(buf, off + 16, p.referenceTime64ms());
        Bytes.put8(buf, off + 19, p.feedbackPacketCount());
        int pos = off + 20 + 2 * chunks(p.packets(), buf, off + 20);
        for (TransportCc.PacketStatus s : p.packets()) {
            if (s.symbol() == 1) {
                Bytes.put8(buf, pos++, s.receiveDelta250us());
            } else if (s.symbol() == 2) {
                Bytes.put16(buf, pos, s.receiveDelta250us());
                pos += 2;
            }
        }
        if (length > unpadded) {
            RtcpBytes.zero(buf, pos, off + length - 1);
            buf[off] |= 0x20;
            buf[off + length - 1] = (byte) (length - unpadded);
        }
        return length;
    }

    /** Runs the chunk choice; writes the chunks at {@code buf[at]} unless buf is null. Returns the chunk count. */
    private static int chunks(List<TransportCc.PacketStatus> packets, byte[] buf, int at) {
        int n = packets.size();
        int chunks = 0;
        int i = 0;
        while (i < n) {
            int rest = n - i;
            int first = packets.get(i).symbol();
            int run = 1;
            while (run < rest && run < MAX_RUN && packets.get(i + run).symbol() == first) {
                run++;
            }
            int chunk;
            if (run == rest || run >= 14) {
                chunk = (first << 13) | run;
                i += run;
            } else if (maxSymbol(packets, i, Math.min(14, rest)) <= 1) {
                chunk = 0x8000;
                for (int k = 0; k < Math.min(14, rest); k++) {
                    chunk |= packets.get(i + k).symbol() << (13 - k);
                }
                i += Math.min(14, rest);
            } else if (run >= 7) {
                chunk = (first << 13) | run;
                i += run;
            } else {
                chunk = 0xC000;
                for (int k = 0; k < Math.min(7, rest); k++) {
                    chunk |= packets.get(i + k).symbol() << (12 - 2 * k);
                }
                i += Math.min(7, rest);
            }
            if (buf != null) {
                Bytes.put16(buf, at + 2 * chunks, chunk);
            }
            chunks++;
        }
        return chunks;
    }

    private static int maxSymbol(List<TransportCc.PacketStatus> packets, int from, int count) {
        int max = 0;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, packets.get(from + k).symbol());
        }
        return max;
    }
}
