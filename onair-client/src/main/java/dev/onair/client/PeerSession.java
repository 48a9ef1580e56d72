package dev.onair.client;

import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsEngine;
import dev.onair.transport.dtls.DtlsListener;
import dev.onair.transport.srtp.SrtpBackend;
import dev.onair.transport.srtp.SrtpKeyMaterial;
import dev.onair.transport.srtp.SrtpSession;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Everything a peer has once the answer arrived: the ICE checker, the DTLS engine (CLIENT when the server
 * answered {@code passive}) and its SRTP session, the media sender and the receive path, wired to the socket.
 * The SRTP session uses the JCE backend, so it is a second implementation next to the server's jitsi-srtp.
 */
final class PeerSession {

    /** What the peer contributes: our ICE ufrag, SSRCs, CNAME and the certificate we present in DTLS. */
    record Local(String iceUfrag, long audioSsrc, long videoSsrc, String cname, DtlsCertificate presented) {
    }

    final AnswerInfo answer;
    final IceChecker ice;
    final LockedSrtp srtp = new LockedSrtp();
    final MediaSender sender;
    final DtlsEngine dtls;
    final PeerReceiver receiver;
    final CompletableFuture<Void> iceDone = new CompletableFuture<>();
    final CompletableFuture<Void> dtlsDone = new CompletableFuture<>();
    private final PeerSocket socket;
    private final byte[] lastProtected = new byte[PeerSocket.MAX_DATAGRAM_BYTES];
    private int lastProtectedLength;

    PeerSession(AnswerInfo answer, PeerOptions options, Local local, PeerSocket socket, ReceiveLog received,
                RtcpLog rtcp, Executor dtlsExecutor, MediaClock clock, SecureRandom rng) {
        this.answer = answer;
        this.socket = socket;
        this.ice = new IceChecker(answer.iceUfrag(), answer.icePwd(), local.iceUfrag(), rng);
        this.sender = new MediaSender(options, local.audioSsrc(), local.videoSsrc(), local.cname(), clock, rng,
                new SrtpOutput());
        this.dtls = new DtlsEngine(answer.localDtlsRole(), local.presented(), answer.fingerprint(), new DtlsEvents(),
                dtlsExecutor, clock, rng);
        VideoCodec codec = answer.videoCodec() == null ? options.videoCodec() : answer.videoCodec();
        this.receiver = new PeerReceiver(answer.candidate(), ice, srtp, received, rtcp, local.videoSsrc(),
                answer.videoPayloadType(), codec, new ReceiveEvents(), clock);
    }

    /** Sends {@code buf[0, len)} to the server's candidate from our socket. */
    boolean send(byte[] buf, int len) {
        return socket.send(buf, len, answer.candidate());
    }

    void rememberProtected(byte[] buf, int len) {
        synchronized (lastProtected) {
            System.arraycopy(buf, 0, lastProtected, 0, len);
            lastProtectedLength = len;
        }
    }

    /** A copy of the last SRTP packet sent, or an empty array. */
    byte[] lastProtectedRtp() {
        synchronized (lastProtected) {
            return Arrays.copyOf(lastProtected, lastProtectedLength);
        }
    }

    private final class SrtpOutput implements MediaSender.Output {
        @Override
        public boolean sendRtp(byte[] buf, int len) {
            int p = srtp.protectRtp(buf, 0, len);
            if (p <= 0) {
                return false;
            }
            rememberProtected(buf, p);
            return send(buf, p);
        }

        @Override
        public boolean sendRtcp(byte[] buf, int len) {
            int p = srtp.protectRtcp(buf, 0, len);
            return p > 0 && send(buf, p);
        }
    }

    private final class ReceiveEvents implements PeerReceiver.Events {
        @Override
        public boolean onDtls(byte[] buf, int off, int len) {
            dtls.onDatagram(buf, off, len);
            return true;
        }

        @Override
        public void onIceSuccess() {
            iceDone.complete(null);
        }

        @Override
        public void onKeyframeRequest() {
            sender.requestKeyframe();
        }
    }

    private final class DtlsEvents implements DtlsListener {
        @Override
        public void sendDatagram(byte[] datagram) {
            send(datagram, datagram.length);
        }

        @Override
        public void onConnected(SrtpKeyMaterial keys) {
            srtp.set(SrtpSession.create(keys, answer.localDtlsRole(), SrtpBackend.JCE));
            dtlsDone.complete(null);
        }

        @Override
        public void onFailed(String reason) {
            dtlsDone.completeExceptionally(new PeerException(reason));
        }

        @Override
        public void onClosed() {
            dtlsDone.completeExceptionally(new PeerException("DTLS closed"));
        }
    }
}
