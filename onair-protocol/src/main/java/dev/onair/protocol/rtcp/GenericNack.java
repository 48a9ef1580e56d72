package dev.onair.protocol.rtcp;

import dev.onair.protocol.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK, PT=205 FMT=1 (RFC 4585 §6.2.1).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |   PT=205      |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |  (one or more)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<NackItem> items) implements RtcpPacket {
    public static final int FMT = 1;

    public GenericNack {
        items = List.copyOf(items);
    }

    /** Packs lost sequence numbers (in send order, duplicates ignored) into as few PID/BLP items as that order allows. */
    public static GenericNack ofLost(long senderSsrc, long mediaSsrc, List<Integer> lostSeqs) {
        List<NackItem> items = new ArrayList<>();
        int pid = -1;
        int blp = 0;
        for (int raw : lostSeqs) {
            int seq = raw & 0xFFFF;
            int delta = pid < 0 ? -1 : (seq - pid) & 0xFFFF;
            if (pid >= 0 && delta == 0) {
                continue;
            }
            if (pid >= 0 && delta <= 16) {
                blp |= 1 << (delta - 1);
            } else {
                if (pid >= 0) {
                    items.add(new NackItem(pid, blp));
                }
                pid = seq;
                blp = 0;
            }
        }
        if (pid >= 0) {
            items.add(new NackItem(pid, blp));
        }
        return new GenericNack(senderSsrc, mediaSsrc, items);
    }

    /** Every sequence number this NACK reports lost, in item order (mod 2^16). */
    public List<Integer> lostSequenceNumbers() {
        List<Integer> lost = new ArrayList<>();
        for (NackItem item : items) {
            lost.add(item.pid());
            for (int bit = 0; bit < 16; bit++) {
                if ((item.blp() & (1 << bit)) != 0) {
                    lost.add((item.pid() + bit + 1) & 0xFFFF);
                }
            }
        }
        return lost;
    }

    /** Reads the items from {@code b[off + 12, end)}; null when they do not fill it in whole items. */
    static GenericNack read(byte[] b, int off, int end) {
        int fci = end - off - 12;
        if (fci % 4 != 0) {
            return null;
        }
        List<NackItem> items = new ArrayList<>(fci / 4);
        for (int pos = off + 12; pos < end; pos += 4) {
            items.add(new NackItem(Bytes.u16(b, pos), Bytes.u16(b, pos + 2)));
        }
        return new GenericNack(Bytes.u32(b, off + 4), Bytes.u32(b, off + 8), items);
    }

    @Override
    public int packetType() {
        return PT_RTPFB;
    }

    @Override
    public int length() {
        return 12 + 4 * items.size();
    }

    @Override
    public int writeTo(byte[] buf, int off) {
        int length = length();
        RtcpBytes.header(buf, off, FMT, PT_RTPFB, length);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        for (int i = 0; i < items.size(); i++) {
            Bytes.put16(buf, off + 12 + 4 * i, items.get(i).pid());
            Bytes.put16(buf, off + 14 + 4 * i, items.get(i).blp());
        }
        return length;
    }
}
