package dev.onair.client;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.rtcp.FirEntry;
import dev.onair.protocol.rtcp.FullIntraRequest;
import dev.onair.protocol.rtcp.PictureLossIndication;
import dev.onair.protocol.rtcp.ReceiverReport;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.dtls.DtlsCertificate;
import dev.onair.transport.dtls.DtlsState;
import dev.onair.transport.ice.IceCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless WebRTC peer: publishes over WHIP or plays over WHEP. {@link #connect()} = {@link #negotiate()}
 * (offer from {@link OfferBuilder}, answer via {@link Signalling}, read by {@link AnswerReader}), then
 * {@link #connectIce()} (controlling agent, Binding requests with USE-CANDIDATE every 50 ms until one succeeds),
 * then {@link #connectDtls()} ({@link DtlsEngine} expecting the answer's fingerprint, then SRTP), then consent
 * checks and sender reports on timers. Media: {@link #sendOpus}, {@link #startAudio()}, {@link #sendVideoFrame()},
 * {@link #startVideo()}; what arrives is in {@link #received()} and {@link #rtcp()}; {@link #badInput()} sends
 * what a broken or hostile peer would. Thread-safe; one receive thread, one timer thread.
 */
public final class WebRtcPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebRtcPeer.class);
    private static final long AUDIO_PACKET_MILLIS = 20;

    private final PeerOptions options;
    private final Signalling signalling;
    private final MediaClock clock = MediaClock.system();
    private final SecureRandom rng = new SecureRandom();
    private final PeerSocket socket;
    private final PeerTimers timers;
    private final ExecutorService dtlsExecutor;
    private final DtlsCertificate offeredCertificate;
    private final DtlsCertificate presentedCertificate;
    private final IceCredentials localIce;
    private final long audioSsrc;
    private final long videoSsrc;
    private final String cname;
    private final String offer;
    private final ReceiveLog received = new ReceiveLog();
    private final RtcpLog rtcp = new RtcpLog();
    private volatile PeerSession session;
    private volatile String resource;
    private volatile boolean closed;

    private WebRtcPeer(PeerOptions options, Signalling signalling) throws IOException {
        this.options = Objects.requireNonNull(options, "options");
        this.signalling = Objects.requireNonNull(signalling, "signalling");
        this.socket = new PeerSocket();
        this.timers = new PeerTimers(Integer.toString(socket.localAddress().getPort()));
        this.dtlsExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "onair-client-dtls");
            t.setDaemon(true);
            return t;
        });
        this.offeredCertificate = DtlsCertificate.generate(rng, clock);
        this.presentedCertificate = options.wrongDtlsCertificate() ? DtlsCertificate.generate(rng, clock)
                : offeredCertificate;
        this.localIce = IceCredentials.random(rng);
        this.audioSsrc = 1 + (rng.nextLong() & 0x7FFF_FFFEL);
        this.videoSsrc = audioSsrc ^ 0x5A5A_0001L;
        this.cname = "onair-client-" + localIce.ufrag();
        this.offer = OfferBuilder.build(options, new LocalDescription(localIce.ufrag(), localIce.pwd(),
                offeredCertificate.fingerprintSha256(), audioSsrc, videoSsrc, cname, rng.nextLong() & Long.MAX_VALUE));
    }

    /** A peer with its own socket on 127.0.0.1, certificate and ICE credentials; nothing sent yet. */
    public static WebRtcPeer create(PeerOptions options, Signalling signalling) throws IOException {
        return new WebRtcPeer(options, signalling);
    }

    /** Negotiates, runs ICE and DTLS, then starts consent checks and (publishers) sender reports. */
    public WebRtcPeer connect() throws IOException {
        negotiate();
        connectIce();
        connectDtls();
        return this;
    }

    /** Sends the offer and reads the answer (once); starts the receive thread. */
    public synchronized AnswerInfo negotiate() throws IOException {
        if (session != null) {
            return session.answer;
        }
        Signalling.Answer a = signalling.exchange(offer);
        resource = a.resource();
        AnswerReader.Result r = AnswerReader.read(a.sdp());
        if (!r.isOk()) {
            throw new PeerException("unusable answer: " + r.problem() + " (" + r.detail() + ")");
        }
        PeerSession s = new PeerSession(r.info(), options, new PeerSession.Local(localIce.ufrag(), audioSsrc,
                videoSsrc, cname, presentedCertificate), socket, received, rtcp, dtlsExecutor, clock, rng);
        session = s;
        socket.startReceiving(s.receiver::onDatagram);
        return s.answer;
    }

    /** Binding requests with USE-CANDIDATE every {@code iceRetransmitMillis} until a success response. */
    public void connectIce() {
        PeerSession s = negotiated();
        if (!s.iceDone.isDone()) {
            timers.start("ice", options.iceRetransmitMillis(), () -> sendStun(s.ice.newRequest(true)));
        }
        await(s.iceDone, "ICE");
        timers.stop("ice");
    }

    /** Runs the DTLS handshake, then SRTP; starts consent checks and (publishers) sender reports. */
    public void connectDtls() {
        PeerSession s = negotiated();
        s.dtls.start();
        await(s.dtlsDone, "DTLS");
        timers.start("consent", options.consentIntervalMillis(), () -> sendStun(s.ice.newRequest(false)));
        if (options.role() == PeerRole.PUBLISHER) {
            timers.start("sr", options.senderReportIntervalMillis(), s.sender::sendSenderReports);
        }
    }

    private void await(CompletableFuture<Void> step, String name) {
        try {
            step.get(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PeerException(name + " did not complete within " + options.connectTimeoutMillis() + " ms");
        } catch (ExecutionException e) {
            throw new PeerException(name + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted during " + name, e);
        }
    }

    private PeerSession negotiated() {
        PeerSession s = session;
        if (s == null) {
            throw new IllegalStateException("negotiate() first");
        }
        return s;
    }

    private void sendStun(byte[] request) {
        session.send(request, request.length);
    }

    /** Stops consent checks (the server should then tear the session down after its consent timeout). */
    public void stopConsent() {
        timers.stop("consent");
    }

    /** Sends {@code count} Opus packets back to back; returns how many were sent. */
    public int sendOpus(int count) {
        return connectedSender().sendOpus(count);
    }

    /** One Opus packet every 20 ms until {@link #stopAudio()}. */
    public void startAudio() {
        MediaSender s = connectedSender();
        timers.start("audio", AUDIO_PACKET_MILLIS, () -> s.sendOpus(1));
    }

    public void stopAudio() {
        timers.stop("audio");
    }

    /**
     * From now on our Opus packets carry this RFC 6464 level (0 loudest .. 127 silence), or no level element
     * with {@link PeerOptions#NO_AUDIO_LEVEL}.
     */
    public void setAudioLevelDbov(int levelDbov) {
        connectedSender().setAudioLevelDbov(levelDbov);
    }

    /** Sends one video frame now; returns its packets sent. */
    public int sendVideoFrame() {
        return connectedSender().sendVideoFrame();
    }

    /** One video frame every {@code videoFrameIntervalMillis} until {@link #stopVideo()}. */
    public void startVideo() {
        MediaSender s = connectedSender();
        timers.start("video", options.videoFrameIntervalMillis(), s::sendVideoFrame);
    }

    public void stopVideo() {
        timers.stop("video");
    }

    /** Sends SR + SDES for each SSRC that has sent now (they also go out every second). */
    public int sendSenderReports() {
        return connectedSender().sendSenderReports();
    }

    private MediaSender connectedSender() {
        if (options.role() != PeerRole.PUBLISHER) {
            throw new IllegalStateException("only a publisher sends media");
        }
        return negotiated().sender;
    }

    /** Sends a PLI (RFC 4585 §6.3.1) for a media SSRC of the server's, in an RR + PLI compound. */
    public void sendPli(long mediaSsrc) {
        badInput().sendRtcp(List.of(new ReceiverReport(audioSsrc, List.of()),
                new PictureLossIndication(audioSsrc, mediaSsrc)));
    }

    /** Sends a FIR (RFC 5104 §4.3.1) for a media SSRC of the server's. */
    public void sendFir(long mediaSsrc, int sequenceNumber) {
        badInput().sendRtcp(List.of(new ReceiverReport(audioSsrc, List.of()),
                new FullIntraRequest(audioSsrc,
                        List.of(new FirEntry(mediaSsrc, sequenceNumber & 0xFF)))));
    }

    /** Escape hatches that send malformed, forged or out-of-order input from this peer (or a stranger). */
    public BadInputs badInput() {
        return new BadInputs(negotiated());
    }

    // ---- what tests read ----

    public PeerOptions options() {
        return options;
    }

    public String offerSdp() {
        return offer;
    }

    /** The answer, or null before {@link #negotiate()}. */
    public AnswerInfo answer() {
        PeerSession s = session;
        return s == null ? null : s.answer;
    }

    /** The signalling resource (WHIP/WHEP resource URL), or null before {@link #negotiate()}. */
    public String resource() {
        return resource;
    }

    public long audioSsrc() {
        return audioSsrc;
    }

    public long videoSsrc() {
        return videoSsrc;
    }

    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    public ReceiveLog received() {
        return received;
    }

    public RtcpLog rtcp() {
        return rtcp;
    }

    /** STUN responses received so far (successes and errors, matched or not). */
    public List<StunResponse> stunResponses() {
        PeerSession s = session;
        return s == null ? List.of() : s.ice.responses();
    }

    /** Successful Binding responses to our own checks (ICE and consent). */
    public long iceSuccesses() {
        PeerSession s = session;
        return s == null ? 0 : s.ice.successes();
    }

    public DtlsState dtlsState() {
        PeerSession s = session;
        return s == null ? DtlsState.NEW : s.dtls.state();
    }

    public boolean isConnected() {
        PeerSession s = session;
        return s != null && s.srtp.ready() && s.dtls.state() == DtlsState.CONNECTED;
    }

    /** The sequence number our next packet of {@code ssrc} will carry, or -1 (not ours, or not negotiated). */
    public int nextSequenceNumber(long ssrc) {
        PeerSession s = session;
        return s == null ? -1 : s.sender.nextSequenceNumber(ssrc);
    }

    /** Key frames sent (every N frames, the first, and after each PLI/FIR). */
    public long keyframesSent() {
        PeerSession s = session;
        return s == null ? 0 : s.sender.keyframesSent();
    }

    /** Datagrams the receive path ignored, by reason. */
    public DropCounts<ClientDrop> drops() {
        PeerSession s = session;
        return s == null ? new DropCounts<>(ClientDrop.class) : s.receiver.drops();
    }

    /** Stops timers, DELETEs the session (errors are logged), closes DTLS and the socket. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        timers.close();
        String r = resource;
        if (r != null) {
            try {
                signalling.end(r);
            } catch (IOException e) {
                LOG.debug("ending session {}: {}", r, e.toString());
            }
        }
        PeerSession s = session;
        if (s != null) {
            s.dtls.close();
        }
        socket.close();
        dtlsExecutor.shutdown();
    }
}
