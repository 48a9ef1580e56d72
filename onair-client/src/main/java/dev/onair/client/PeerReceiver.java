package dev.onair.client;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.codec.KeyframeDetector;
import dev.onair.protocol.rtcp.FirEntry;
import dev.onair.protocol.rtcp.FullIntraRequest;
import dev.onair.protocol.rtcp.PictureLossIndication;
import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.RtcpParseResult;
import dev.onair.protocol.rtcp.RtcpParser;
import dev.onair.protocol.rtp.RtpHeader;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.demux.PacketClassifier;
import java.net.InetSocketAddress;

/**
 * The peer's receive path for one datagram (RFC 7983 demultiplexing): STUN responses to the {@link IceChecker},
 * DTLS to the engine, SRTP/SRTCP decrypted and recorded in the {@link ReceiveLog} and {@link RtcpLog}. A PLI or
 * FIR naming our video SSRC asks the sender for a key frame. Runs on the receive thread only; never throws on
 * wire input: every ignored datagram is counted by {@link ClientDrop}.
 */
final class PeerReceiver {

    /** What the receive path reports to the peer. */
    interface Events {
        /** A DTLS datagram for the engine. Return false if no handshake is running. */
        boolean onDtls(byte[] buf, int off, int len);

        void onIceSuccess();

        void onKeyframeRequest();
    }

    private final InetSocketAddress server;
    private final IceChecker ice;
    private final LockedSrtp srtp;
    private final ReceiveLog media;
    private final RtcpLog rtcp;
    private final long ourVideoSsrc;
    private final int videoPayloadType;
    private final VideoCodec videoCodec;
    private final Events events;
    private final MediaClock clock;
    private final RtpHeader header = new RtpHeader();
    private final DropCounts<ClientDrop> drops = new DropCounts<>(ClientDrop.class);

    PeerReceiver(InetSocketAddress server, IceChecker ice, LockedSrtp srtp, ReceiveLog media, RtcpLog rtcp,
                 long ourVideoSsrc, int videoPayloadType, VideoCodec videoCodec, Events events, MediaClock clock) {
        this.server = server;
        this.ice = ice;
        this.srtp = srtp;
        this.media = media;
        this.rtcp = rtcp;
        this.ourVideoSsrc = ourVideoSsrc;
        this.videoPayloadType = videoPayloadType;
        this.videoCodec = videoCodec;
        this.events = events;
        this.clock = clock;
    }

    DropCounts<ClientDrop> drops() {
        return drops;
    }

    /** Handles {@code buf[0, len)} received from {@code from}; the buffer is reused after the call. */
    void onDatagram(byte[] buf, int len, InetSocketAddress from) {
        if (!server.equals(from)) {
            drops.increment(ClientDrop.FOREIGN_SOURCE);
            return;
        }
        switch (PacketClassifier.classify(buf, 0, len)) {
            case STUN -> onStun(buf, len);
            case DTLS -> {
                if (!events.onDtls(buf, 0, len)) {
                    drops.increment(ClientDrop.DTLS_NOT_STARTED);
                }
            }
            case RTP -> onRtp(buf, len);
            case RTCP -> onRtcp(buf, len);
            default -> drops.increment(ClientDrop.UNCLASSIFIED);
        }
    }

    private void onStun(byte[] buf, int len) {
        switch (ice.onStun(buf, 0, len)) {
            case SUCCESS -> events.onIceSuccess();
            case BAD_INTEGRITY -> drops.increment(ClientDrop.STUN_BAD_INTEGRITY);
            case UNEXPECTED -> drops.increment(ClientDrop.STUN_UNEXPECTED);
            default -> { }
        }
    }

    private void onRtp(byte[] buf, int len) {
        int plain = srtp.unprotectRtp(buf, 0, len);
        if (plain < 0) {
            drops.increment(plain == LockedSrtp.NOT_READY ? ClientDrop.NOT_CONNECTED : ClientDrop.SRTP_REJECTED);
            return;
        }
        if (!header.parse(buf, 0, plain)) {
            drops.increment(ClientDrop.RTP_MALFORMED);
            return;
        }
        ReceivedStream stream = media.streamFor(header.ssrc());
        if (stream == null) {
            drops.increment(ClientDrop.TOO_MANY_STREAMS);
            return;
        }
        int pt = header.payloadType();
        boolean keyframe = pt == videoPayloadType && isKeyframeStart(buf, header.payloadOffset(), header.payloadLength());
        stream.onPacket(header.sequenceNumber(), header.timestamp(), pt, header.marker(), keyframe, clock.nanoTime());
    }

    private boolean isKeyframeStart(byte[] buf, int off, int len) {
        return videoCodec == VideoCodec.H264 ? KeyframeDetector.isH264KeyframeStart(buf, off, len)
                : KeyframeDetector.isVp8KeyframeStart(buf, off, len);
    }

    private void onRtcp(byte[] buf, int len) {
        int plain = srtp.unprotectRtcp(buf, 0, len);
        if (plain < 0) {
            drops.increment(plain == LockedSrtp.NOT_READY ? ClientDrop.NOT_CONNECTED : ClientDrop.SRTP_REJECTED);
            return;
        }
        RtcpParseResult r = RtcpParser.parse(buf, 0, plain);
        if (r.drop() != null) {
            drops.increment(ClientDrop.RTCP_MALFORMED);
        }
        long now = clock.nanoTime();
        boolean keyframe = false;
        for (RtcpPacket p : r.packets()) {
            rtcp.add(p, now);
            if (p instanceof PictureLossIndication pli) {
                keyframe |= pli.mediaSsrc() == ourVideoSsrc;
            } else if (p instanceof FullIntraRequest fir) {
                for (FirEntry e : fir.entries()) {
                    keyframe |= e.ssrc() == ourVideoSsrc;
                }
            }
        }
        if (keyframe) {
            events.onKeyframeRequest();
        }
    }
}
