package dev.onair.transport.srtp;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.SsrcTable;

/**
 * {@link SrtpSession} over JCE primitives only ({@code AES/CTR}, {@code AES/GCM}, {@code HmacSHA1}, and
 * {@code AES/ECB} for the key derivation PRF). Why hand-written: the cryptography is the JRE's; what is written
 * here is the SRTP framing (IV layout, packet index and rollover estimation, replay windows, SRTCP trailer),
 * because the only maintained Java SRTP library besides this one is jitsi-srtp, which drags Kotlin, a JNA/OpenSSL
 * loader and java.util.logging along and synchronises every call. RFC 3711 Appendix B and RFC 7714 §16/§17
 * vectors and a cross-test against jitsi-srtp pin the framing down.
 *
 * <p>Sending side: the ROC follows the sequence numbers (RFC 3711 §3.3.1) and the same index is never protected
 * twice ({@link SrtpDrop#REPLAYED}): with AES-GCM that would reuse a nonce. SRTCP indices start at 0 per SSRC and
 * wrap at 2^31 (a real session re-keys long before).
 */
final class JceSrtpSession implements SrtpSession {
    private final JceTransform txRtp;
    private final JceTransform txRtcp;
    private final JceTransform rxRtp;
    private final JceTransform rxRtcp;
    private final SsrcTable<RtpStreamState> txRtpStreams = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    private final SsrcTable<int[]> txRtcpIndices = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    private final SsrcTable<RtpStreamState> rxRtpStreams = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    private final SsrcTable<ReplayWindow> rxRtcpWindows = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    /** Stands in for an SSRC not yet tracked until its first packet authenticates. */
    private final RtpStreamState scratchStream = new RtpStreamState();
    private final ReplayWindow scratchWindow = new ReplayWindow();
    private final DropCounts<SrtpDrop> drops = new DropCounts<>(SrtpDrop.class);

    JceSrtpSession(SrtpProfile profile, byte[] txKey, byte[] txSalt, byte[] rxKey, byte[] rxSalt) {
        this.txRtp = transform(profile, txKey, txSalt, false);
        this.txRtcp = transform(profile, txKey, txSalt, true);
        this.rxRtp = transform(profile, rxKey, rxSalt, false);
        this.rxRtcp = transform(profile, rxKey, rxSalt, true);
    }

    private static JceTransform transform(SrtpProfile profile, byte[] key, byte[] salt, boolean rtcp) {
        return switch (profile) {
            case AES128_CM_HMAC_SHA1_80 -> JceCmTransform.fromMaster(key, salt, rtcp, profile.authTagLengthBytes());
            case AEAD_AES_128_GCM -> JceGcmTransform.fromMaster(key, salt, rtcp);
        };
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED.code());
        }
        int header = SrtpPackets.rtpHeaderLength(buf, off, len, 0);
        if (header < 0) {
            return drop(header);
        }
        if (!SrtpPackets.hasSpare(buf, off, len, txRtp.rtpTrailerBytes())) {
            return drop(SrtpDrop.NO_SPACE.code());
        }
        int ssrc = SrtpPackets.rtpSsrc(buf, off);
        RtpStreamState stream = txRtpStreams.get(ssrc);
        if (stream == null) {
            stream = new RtpStreamState();
            if (!txRtpStreams.put(ssrc, stream)) {
                return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT.code());
            }
        }
        long index = stream.tracker.estimate(SrtpPackets.rtpSequenceNumber(buf, off));
        int replay = stream.window.check(index);
        if (replay < 0) {
            return drop(replay);
        }
        int out = txRtp.protectRtp(buf, off, len, header, ssrc, index);
        if (out < 0) {
            return drop(out);
        }
        stream.tracker.update(index);
        stream.window.accept(index);
        return out;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED.code());
        }
        int header = SrtpPackets.rtpHeaderLength(buf, off, len, rxRtp.rtpTrailerBytes());
        if (header < 0) {
            return drop(header);
        }
        int ssrc = SrtpPackets.rtpSsrc(buf, off);
        RtpStreamState stream = rxRtpStreams.get(ssrc);
        boolean known = stream != null;
        if (!known) {
            if (rxRtpStreams.isFull()) {
                return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT.code());
            }
            stream = scratchStream;
            stream.reset();
        }
        long index = stream.tracker.estimate(SrtpPackets.rtpSequenceNumber(buf, off));
        int replay = stream.window.check(index);
        if (replay < 0) {
            return drop(replay);
        }
        int out = rxRtp.unprotectRtp(buf, off, len, header, ssrc, index);
        if (out < 0) {
            return drop(out);
        }
        if (!known) {
            stream = new RtpStreamState();
            rxRtpStreams.put(ssrc, stream);
        }
        stream.tracker.update(index);
        stream.window.accept(index);
        return out;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED.code());
        }
        int check = SrtpPackets.checkRtcp(buf, off, len, 0);
        if (check < 0) {
            return drop(check);
        }
        if (!SrtpPackets.hasSpare(buf, off, len, txRtcp.rtcpTrailerBytes())) {
            return drop(SrtpDrop.NO_SPACE.code());
        }
        int ssrc = SrtpPackets.rtcpSenderSsrc(buf, off);
        int[] next = txRtcpIndices.get(ssrc);
        if (next == null) {
            next = new int[1];
            if (!txRtcpIndices.put(ssrc, next)) {
                return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT.code());
            }
        }
        int out = txRtcp.protectRtcp(buf, off, len, ssrc, next[0]);
        if (out < 0) {
            return drop(out);
        }
        next[0] = (next[0] + 1) & 0x7FFF_FFFF;
        return out;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED.code());
        }
        int check = SrtpPackets.checkRtcp(buf, off, len, rxRtcp.rtcpTrailerBytes());
        if (check < 0) {
            return drop(check);
        }
        int ssrc = SrtpPackets.rtcpSenderSsrc(buf, off);
        ReplayWindow window = rxRtcpWindows.get(ssrc);
        boolean known = window != null;
        if (!known) {
            if (rxRtcpWindows.isFull()) {
                return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT.code());
            }
            window = scratchWindow;
            window.reset();
        }
        int word = rxRtcp.srtcpIndexWord(buf, off, len);
        long index = word & 0x7FFF_FFFFL;
        int replay = window.check(index);
        if (replay < 0) {
            return drop(replay);
        }
        int out = rxRtcp.unprotectRtcp(buf, off, len, ssrc, word);
        if (out < 0) {
            return drop(out);
        }
        if (!known) {
            window = new ReplayWindow();
            rxRtcpWindows.put(ssrc, window);
        }
        window.accept(index);
        return out;
    }

    @Override
    public DropCounts<SrtpDrop> drops() {
        return drops;
    }

    private int drop(int code) {
        drops.increment(SrtpDrop.fromCode(code));
        return code;
    }
}
