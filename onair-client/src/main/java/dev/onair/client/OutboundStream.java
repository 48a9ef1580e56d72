package dev.onair.client;

import dev.onair.protocol.rtcp.NtpTime;
import dev.onair.protocol.rtcp.SdesChunk;
import dev.onair.protocol.rtcp.SdesItem;
import dev.onair.protocol.rtcp.SenderReport;
import dev.onair.protocol.rtcp.SourceDescription;
import java.util.List;

/**
 * The sending state of one SSRC: next sequence number, last timestamp and when it was sent, RTP packet and
 * payload octet counts (RFC 3550 §6.4.1), from which the sender report is built. Guarded by its owner's lock.
 */
final class OutboundStream {
    private final long ssrc;
    private final int clockRateHz;
    private int nextSeq;
    private long lastTs;
    private long lastSentNanos;
    private long packets;
    private long payloadOctets;

    OutboundStream(long ssrc, int clockRateHz, int firstSeq, long firstTs) {
        this.ssrc = ssrc;
        this.clockRateHz = clockRateHz;
        this.nextSeq = firstSeq & 0xFFFF;
        this.lastTs = firstTs & 0xFFFFFFFFL;
    }

    long ssrc() {
        return ssrc;
    }

    int clockRateHz() {
        return clockRateHz;
    }

    /** Takes the next sequence number. */
    int takeSeq() {
        int s = nextSeq;
        nextSeq = (nextSeq + 1) & 0xFFFF;
        return s;
    }

    int nextSeq() {
        return nextSeq;
    }

    long lastTs() {
        return lastTs;
    }

    void onSent(long ts, int payloadBytes, long nowNanos) {
        lastTs = ts & 0xFFFFFFFFL;
        lastSentNanos = nowNanos;
        packets++;
        payloadOctets += payloadBytes;
    }

    long packets() {
        return packets;
    }

    /**
     * SR + SDES CNAME for this SSRC (RFC 3550 §6.4.1, §6.5.1): the RTP timestamp is the last packet's, advanced
     * by the time since it was sent, so NTP and RTP time name the same instant. Null before the first packet.
     */
    List<dev.onair.protocol.rtcp.RtcpPacket> senderReport(long nowNanos, long wallMillis, String cname) {
        if (packets == 0) {
            return null;
        }
        long elapsedTicks = Math.max(0, nowNanos - lastSentNanos) / 1_000L * clockRateHz / 1_000_000L;
        long rtp = (lastTs + elapsedTicks) & 0xFFFFFFFFL;
        SenderReport sr = new SenderReport(ssrc, NtpTime.fromUnixMillis(wallMillis), rtp, packets & 0xFFFFFFFFL,
                payloadOctets & 0xFFFFFFFFL, List.of());
        SourceDescription sdes = new SourceDescription(List.of(new SdesChunk(ssrc,
                List.of(new SdesItem(SdesItem.CNAME, cname)))));
        return List.of(sr, sdes);
    }
}
