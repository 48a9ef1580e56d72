package dev.onair.client;

import dev.onair.protocol.rtcp.ReceiverReport;
import dev.onair.protocol.rtcp.RtcpPacket;
import dev.onair.protocol.rtcp.RtcpWriter;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.transport.srtp.SrtpSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * What a broken or hostile peer sends, for bad-input tests: raw bytes from the peer's own 5-tuple or from a
 * stranger's socket, plaintext RTP, SRTP with a corrupted tag, a replayed SRTP packet, SRTCP whose inner RTCP
 * length field lies, and STUN requests with chosen credentials. Every method returns the bytes it sent.
 */
public final class BadInputs {
    private static final SecureRandom RNG = new SecureRandom();
    private final PeerSession peer;

    BadInputs(PeerSession peer) {
        this.peer = peer;
    }

    /** Sends any bytes from the peer's own socket to the server's media address. */
    public boolean sendRaw(byte[] datagram) {
        return peer.send(datagram, datagram.length);
    }

    /** Sends any bytes from a fresh socket (a stranger's 5-tuple); returns that socket's address. */
    public InetSocketAddress sendRawFromNewSocket(byte[] datagram) throws IOException {
        return PeerSocket.sendFromNewSocket(datagram, peer.answer.candidate());
    }

    /** The next Opus packet as plain RTP (takes a sequence number; nothing is sent). */
    public byte[] nextAudioRtp() {
        return Arrays.copyOf(peer.sender.nextAudioPacket(), MediaSender.audioPacketLength());
    }

    /** Sends the next Opus packet unencrypted (as if SRTP were skipped). */
    public byte[] sendPlainRtp() {
        byte[] rtp = nextAudioRtp();
        sendRaw(rtp);
        return rtp;
    }

    /** SRTP-protects a copy of {@code rtp} with the peer's session (DTLS must be up). */
    public byte[] protectRtp(byte[] rtp) {
        byte[] buf = Arrays.copyOf(rtp, rtp.length + SrtpSession.MAX_OVERHEAD);
        int len = peer.srtp.protectRtp(buf, 0, rtp.length);
        if (len < 0) {
            throw new IllegalStateException("SRTP protect failed: " + len);
        }
        return Arrays.copyOf(buf, len);
    }

    /** SRTCP-protects a copy of an RTCP compound with the peer's session (DTLS must be up). */
    public byte[] protectRtcp(byte[] rtcpCompound) {
        byte[] buf = Arrays.copyOf(rtcpCompound, rtcpCompound.length + SrtpSession.MAX_OVERHEAD);
        int len = peer.srtp.protectRtcp(buf, 0, rtcpCompound.length);
        if (len < 0) {
            throw new IllegalStateException("SRTCP protect failed: " + len);
        }
        return Arrays.copyOf(buf, len);
    }

    /** The last SRTP packet the peer's media path sent (empty before any). */
    public byte[] lastProtectedRtp() {
        return peer.lastProtectedRtp();
    }

    /** Re-sends the last SRTP packet byte for byte: the receiver's replay window must drop it. */
    public byte[] replayLastRtp() {
        byte[] last = requireLast();
        sendRaw(last);
        return last;
    }

    /**
     * Sends the next Opus packet with one bit of its authentication tag flipped, then the same packet intact (a
     * replayed packet is refused before its tag is checked, RFC 3711 §3.3, so the forged one must be new). The
     * receiver must drop the first and accept the second. Returns the forged packet.
     */
    public byte[] sendCorruptedTag() {
        byte[] good = protectRtp(nextAudioRtp());
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 0x01;
        sendRaw(bad);
        peer.rememberProtected(good, good.length);
        sendRaw(good);
        return bad;
    }

    private byte[] requireLast() {
        byte[] last = peer.lastProtectedRtp();
        if (last.length == 0) {
            throw new IllegalStateException("no SRTP packet sent yet");
        }
        return last;
    }

    /** Sends an SRTCP-protected, empty RR whose length field claims {@code claimedWords} (truth: 1). */
    public byte[] sendRtcpWithLyingLength(int claimedWords) {
        byte[] rr = new byte[8];
        RtcpWriter.writeCompound(List.of(new ReceiverReport(peer.sender.audioSsrc(), List.of())), rr, 0);
        rr[2] = (byte) (claimedWords >>> 8);
        rr[3] = (byte) claimedWords;
        byte[] out = protectRtcp(rr);
        sendRaw(out);
        return out;
    }

    /** Sends a compound RTCP packet, SRTCP-protected. */
    public byte[] sendRtcp(List<RtcpPacket> compound) {
        byte[] plain = new byte[RtcpWriter.length(compound)];
        RtcpWriter.writeCompound(compound, plain, 0);
        byte[] out = protectRtcp(plain);
        sendRaw(out);
        return out;
    }

    /**
     * A Binding request with the right USERNAME but MESSAGE-INTEGRITY under {@code password}, and a random
     * transaction id (bytes 8..19). Not sent: mutate it, then {@link #sendRaw}.
     */
    public byte[] bindingRequest(String password, boolean useCandidate) {
        return peer.ice.customRequest(randomTransactionId(), peer.ice.username(), password, useCandidate);
    }

    /** A correctly authenticated Binding request with a random transaction id (not tracked for ICE). */
    public byte[] validBindingRequest() {
        return bindingRequest(peer.answer.icePwd(), false);
    }

    /** The transaction id of a STUN message (bytes 8..19). */
    public static byte[] transactionId(byte[] stun) {
        return Arrays.copyOfRange(stun, 8, 8 + StunMessage.TRANSACTION_ID_BYTES);
    }

    private static byte[] randomTransactionId() {
        byte[] tid = new byte[StunMessage.TRANSACTION_ID_BYTES];
        RNG.nextBytes(tid);
        return tid;
    }
}
