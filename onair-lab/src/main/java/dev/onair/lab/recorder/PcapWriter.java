package dev.onair.lab.recorder;

import dev.onair.protocol.Bytes;
import dev.onair.sfu.recorder.DropReason;
import dev.onair.sfu.recorder.PacketRecord;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes recorded packets as a classic libpcap file (magic {@code a1b2c3d4}, version 2.4, link type
 * {@code LINKTYPE_RAW} = 101: every record is an IPv4 datagram). Each packet becomes IPv4 + UDP + the 12-byte RTP
 * fixed header; the payload is stripped, so each record's captured length (40) is shorter than its original length
 * (28 + the RTP size), exactly as a capture with a snap length would say. Inbound packets go
 * {@code 10.0.L.2:5004 → 10.0.L.1:5004}, outbound the other way, where L is the record's link (which of the
 * participant's transports; filter with {@code ip.addr == 10.0.1.0/24}). The IPv4 TOS byte carries the drop reason
 * ({@link DropReason} ordinal, 0 = forwarded) and {@code 0x80} for a keyframe start, so a replay from the pcap
 * alone knows what the server counted (filter in Wireshark with {@code ip.dsfield != 0}). Open with
 * {@code tshark -r dump.pcap -d udp.port==5004,rtp} (or Wireshark's "Decode As… RTP").
 * Written by hand because it is forty bytes of fixed headers per packet; no maintained Java library writes pcap
 * without native libpcap.
 */
public final class PcapWriter {
    /** Port both ends use, so one "Decode As" rule covers the file. */
    public static final int RTP_PORT = 5004;
    static final int LINKTYPE_RAW = 101;
    static final int CAPTURED = 20 + 8 + 12;
    /** The IPv4 TOS byte carries what a pcap has no field for: the drop reason's ordinal, and this keyframe bit. */
    static final int KEYFRAME_TOS = 0x80;
    private static final byte[] SERVER_IP = {10, 0, 0, 1};
    private static final byte[] PEER_IP = {10, 0, 0, 2};

    private PcapWriter() {
    }

    /**
     * @param monoAnchorNanos the monotonic time that corresponds to {@code wallAnchorNanos}
     * @param wallAnchorNanos Unix time in nanoseconds at {@code monoAnchorNanos}
     */
    public static void write(List<PacketRecord> packets, long monoAnchorNanos, long wallAnchorNanos, OutputStream out)
            throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        writeLe32(d, 0xa1b2c3d4);
        writeLe16(d, 2);
        writeLe16(d, 4);
        writeLe32(d, 0); // thiszone
        writeLe32(d, 0); // sigfigs
        writeLe32(d, 65535); // snaplen
        writeLe32(d, LINKTYPE_RAW);
        byte[] pkt = new byte[CAPTURED];
        for (PacketRecord p : packets) {
            long wallNanos = wallAnchorNanos + (p.atNanos() - monoAnchorNanos);
            writeLe32(d, (int) Math.floorDiv(wallNanos, 1_000_000_000L));
            writeLe32(d, (int) (Math.floorMod(wallNanos, 1_000_000_000L) / 1_000L));
            writeLe32(d, CAPTURED);
            writeLe32(d, 28 + p.sizeBytes());
            fill(pkt, p);
            d.write(pkt);
        }
        d.flush();
    }

    private static void fill(byte[] b, PacketRecord p) {
        int total = 28 + p.sizeBytes();
        b[0] = 0x45;
        b[1] = (byte) (p.drop().ordinal() | (p.keyframe() ? KEYFRAME_TOS : 0));
        Bytes.put16(b, 2, total);
        Bytes.put16(b, 4, p.sequence()); // identification: anything; the RTP sequence helps eyeballing
        Bytes.put16(b, 6, 0x4000); // don't fragment
        b[8] = 64;
        b[9] = 17; // UDP
        Bytes.put16(b, 10, 0);
        System.arraycopy(p.outbound() ? SERVER_IP : PEER_IP, 0, b, 12, 4);
        System.arraycopy(p.outbound() ? PEER_IP : SERVER_IP, 0, b, 16, 4);
        b[14] = (byte) p.link();
        b[18] = (byte) p.link();
        Bytes.put16(b, 10, ipChecksum(b));
        Bytes.put16(b, 20, RTP_PORT);
        Bytes.put16(b, 22, RTP_PORT);
        Bytes.put16(b, 24, 8 + p.sizeBytes());
        Bytes.put16(b, 26, 0); // no UDP checksum (allowed for IPv4): the payload is not in the file
        b[28] = (byte) 0x80;
        b[29] = (byte) ((p.marker() ? 0x80 : 0) | (p.payloadType() & 0x7F));
        Bytes.put16(b, 30, p.sequence());
        Bytes.put32(b, 32, p.rtpTimestamp());
        Bytes.put32(b, 36, p.ssrc());
    }

    static int ipChecksum(byte[] b) {
        long sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }



    private static void writeLe16(DataOutputStream d, int v) throws IOException {
        d.write(v & 0xFF);
        d.write((v >>> 8) & 0xFF);
    }

    private static void writeLe32(DataOutputStream d, int v) throws IOException {
        d.writeInt(Integer.reverseBytes(v));
    }
}
