package dev.onair.transport.srtp;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.SsrcTable;
import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * {@link SrtpSession} over {@code org.jitsi:jitsi-srtp}: one jitsi crypto context per SSRC and direction (jitsi
 * keeps the ROC, replay window and SRTCP index), kept in bounded {@link SsrcTable}s. Headers are validated here
 * first so jitsi only sees well-formed packets; anything jitsi still throws is mapped to a drop code.
 *
 * <p>An unknown inbound SSRC costs a context derivation (a few AES blocks) before its first packet is checked;
 * the context is kept only if that packet authenticates.
 *
 * <p>AES implementation: left alone, jitsi-srtp times its candidate AES providers (OpenSSL, SunJCE, BouncyCastle)
 * once per process and keeps the fastest; on a busy machine that race can pick BouncyCastle, whose per-packet
 * {@code Cipher.init} re-expands the key (about 2.4 kB of garbage per packet in {@code ForwardingBenchmark}
 * instead of about 120 B). When jitsi's OpenSSL glue loaded, we pin it instead, so the choice is deterministic.
 */
final class JitsiSrtpSession implements SrtpSession {
    private static final Logger LOGGER = new LoggerImpl(JitsiSrtpSession.class.getName());

    static {
        if (JitsiOpenSslProvider.isLoaded()) {
            Aes.setFactoryClassName("OpenSSL");
        }
    }

    private final SrtpProfile profile;
    private final SrtpContextFactory txFactory;
    private final SrtpContextFactory rxFactory;
    private final SsrcTable<SrtpCryptoContext> txRtp = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    private final SsrcTable<SrtcpCryptoContext> txRtcp = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    private final SsrcTable<SrtpCryptoContext> rxRtp = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    private final SsrcTable<SrtcpCryptoContext> rxRtcp = new SsrcTable<>(MAX_SSRCS_PER_DIRECTION);
    private final JitsiPacketBuffer view = new JitsiPacketBuffer();
    private final DropCounts<SrtpDrop> drops = new DropCounts<>(SrtpDrop.class);

    JitsiSrtpSession(SrtpProfile profile, byte[] txKey, byte[] txSalt, byte[] rxKey, byte[] rxSalt) {
        this.profile = profile;
        this.txFactory = new SrtpContextFactory(true, txKey, txSalt, policy(profile), policy(profile), LOGGER);
        this.rxFactory = new SrtpContextFactory(false, rxKey, rxSalt, policy(profile), policy(profile), LOGGER);
    }

    static SrtpPolicy policy(SrtpProfile profile) {
        return switch (profile) {
            case AES128_CM_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, profile.keyLengthBytes(),
                    SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, profile.authTagLengthBytes(), profile.saltLengthBytes());
            case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.keyLengthBytes(),
                    SrtpPolicy.NULL_AUTHENTICATION, 0, profile.authTagLengthBytes(), profile.saltLengthBytes());
        };
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED);
        }
        int header = SrtpPackets.rtpHeaderLength(buf, off, len, 0);
        if (header < 0) {
            return drop(SrtpDrop.fromCode(header));
        }
        if (!SrtpPackets.hasSpare(buf, off, len, profile.authTagLengthBytes())) {
            return drop(SrtpDrop.NO_SPACE);
        }
        int ssrc = SrtpPackets.rtpSsrc(buf, off);
        SrtpCryptoContext context = txRtp.get(ssrc);
        try {
            if (context == null) {
                if (txRtp.isFull()) {
                    return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT);
                }
                context = txFactory.deriveContext(ssrc, 0);
                txRtp.put(ssrc, context);
            }
            return result(context.transformPacket(view.wrap(buf, off, len)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return drop(SrtpDrop.CRYPTO_ERROR);
        } finally {
            view.clear();
        }
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED);
        }
        int header = SrtpPackets.rtpHeaderLength(buf, off, len, profile.authTagLengthBytes());
        if (header < 0) {
            return drop(SrtpDrop.fromCode(header));
        }
        int ssrc = SrtpPackets.rtpSsrc(buf, off);
        SrtpCryptoContext context = rxRtp.get(ssrc);
        boolean known = context != null;
        try {
            if (!known) {
                if (rxRtp.isFull()) {
                    return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT);
                }
                context = rxFactory.deriveContext(ssrc, 0);
            }
            int out = result(context.reverseTransformPacket(view.wrap(buf, off, len), false));
            if (out >= 0 && !known) {
                rxRtp.put(ssrc, context);
            }
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            return drop(SrtpDrop.CRYPTO_ERROR);
        } finally {
            view.clear();
        }
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED);
        }
        int check = SrtpPackets.checkRtcp(buf, off, len, 0);
        if (check < 0) {
            return drop(SrtpDrop.fromCode(check));
        }
        if (!SrtpPackets.hasSpare(buf, off, len, rtcpTrailerBytes())) {
            return drop(SrtpDrop.NO_SPACE);
        }
        int ssrc = SrtpPackets.rtcpSenderSsrc(buf, off);
        SrtcpCryptoContext context = txRtcp.get(ssrc);
        try {
            if (context == null) {
                if (txRtcp.isFull()) {
                    return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT);
                }
                context = txFactory.deriveControlContext(ssrc);
                txRtcp.put(ssrc, context);
            }
            return result(context.transformPacket(view.wrap(buf, off, len)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return drop(SrtpDrop.CRYPTO_ERROR);
        } finally {
            view.clear();
        }
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (!SrtpPackets.inBounds(buf, off, len)) {
            return drop(SrtpDrop.MALFORMED);
        }
        int check = SrtpPackets.checkRtcp(buf, off, len, rtcpTrailerBytes());
        if (check < 0) {
            return drop(SrtpDrop.fromCode(check));
        }
        int ssrc = SrtpPackets.rtcpSenderSsrc(buf, off);
        SrtcpCryptoContext context = rxRtcp.get(ssrc);
        boolean known = context != null;
        try {
            if (!known) {
                if (rxRtcp.isFull()) {
                    return drop(SrtpDrop.UNKNOWN_SSRC_LIMIT);
                }
                context = rxFactory.deriveControlContext(ssrc);
            }
            int out = result(context.reverseTransformPacket(view.wrap(buf, off, len)));
            if (out >= 0 && !known) {
                rxRtcp.put(ssrc, context);
            }
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            return drop(SrtpDrop.CRYPTO_ERROR);
        } finally {
            view.clear();
        }
    }

    @Override
    public DropCounts<SrtpDrop> drops() {
        return drops;
    }

    private int rtcpTrailerBytes() {
        return SrtpPackets.SRTCP_INDEX_BYTES + profile.authTagLengthBytes();
    }

    /** The new length on success, else the counted drop code for jitsi's status. */
    private int result(SrtpErrorStatus status) {
        return switch (status) {
            case OK -> view.getLength();
            case AUTH_FAIL -> drop(SrtpDrop.AUTH_FAILED);
            case REPLAY_FAIL -> drop(SrtpDrop.REPLAYED);
            case REPLAY_OLD -> drop(SrtpDrop.TOO_OLD);
            case INVALID_PACKET -> drop(SrtpDrop.TOO_SHORT);
            case FAIL -> drop(SrtpDrop.CRYPTO_ERROR);
        };
    }

    private int drop(SrtpDrop reason) {
        drops.increment(reason);
        return reason.code();
    }
}
