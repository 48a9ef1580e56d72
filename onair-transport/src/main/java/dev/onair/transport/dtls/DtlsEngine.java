package dev.onair.transport.dtls;

import dev.onair.protocol.DropCounts;
import dev.onair.transport.clock.MediaClock;
import dev.onair.transport.srtp.SrtpKeyMaterial;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS 1.2 endpoint of a WebRTC transport (RFC 6347, RFC 5764, RFC 8842), sans-I/O to its caller: datagrams
 * go in through {@link #onDatagram}, come out through {@link DtlsListener#sendDatagram}, and the outcome is an
 * {@link DtlsListener#onConnected} with SRTP keys or an {@link DtlsListener#onFailed}.
 *
 * <p>Inside, BouncyCastle's blocking {@code DTLSServerProtocol.accept} / {@code DTLSClientProtocol.connect} runs
 * on the given executor, reading a bounded queue ({@link QueuedDatagramTransport}). That thread is held for the
 * handshake only; afterwards each burst of inbound datagrams (close_notify, a retransmitted Finished) is handled
 * by a short task on the executor. Application data is ignored (no data channels yet).
 *
 * <p>The peer is authenticated by its certificate fingerprint from SDP: on mismatch the handshake aborts with a
 * {@code bad_certificate} alert, the state becomes FAILED, {@code onFailed("fingerprint mismatch")} is called,
 * and no keying material is ever exported. The handshake must finish within {@link #HANDSHAKE_TIMEOUT_MILLIS} of
 * {@link #start()} (read from the injected clock).
 *
 * <p>Methods are thread-safe. Callbacks run on the executor: see {@link DtlsListener}.
 */
public final class DtlsEngine {
    /** Time from {@link #start()} to a completed handshake before the engine fails. */
    public static final long HANDSHAKE_TIMEOUT_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(DtlsEngine.class);

    private final DtlsRole role;
    private final DtlsListener listener;
    private final Executor executor;
    private final DtlsPeerSupport support;
    private final QueuedDatagramTransport transport;
    private final DropCounts<DtlsDrop> drops = new DropCounts<>(DtlsDrop.class);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean terminalNotified = new AtomicBoolean();
    private final byte[] applicationData = new byte[QueuedDatagramTransport.RECEIVE_LIMIT_BYTES];
    private volatile DtlsState state = DtlsState.NEW;
    private volatile boolean closeRequested;
    private volatile DTLSTransport connection;

    /** An engine on the system clock with a default {@link SecureRandom}. */
    public DtlsEngine(DtlsRole role, DtlsCertificate local, RemoteFingerprint expected, DtlsListener listener,
                      Executor executor) {
        this(role, local, expected, listener, executor, MediaClock.system(), new SecureRandom());
    }

    /**
     * @param role     our side of the handshake (from SDP {@code a=setup})
     * @param local    our certificate, whose fingerprint we put in our SDP
     * @param expected the fingerprint the peer announced in its SDP
     * @param listener where datagrams and events go (called on {@code executor})
     * @param executor runs the blocking handshake (one thread for its duration) and later short drain tasks
     * @param clock    measures the handshake timeout
     * @param rng      randomness for the handshake
     */
    public DtlsEngine(DtlsRole role, DtlsCertificate local, RemoteFingerprint expected, DtlsListener listener,
                      Executor executor, MediaClock clock, SecureRandom rng) {
        this.role = Objects.requireNonNull(role, "role");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.support = new DtlsPeerSupport(rng, Objects.requireNonNull(local, "local"),
                Objects.requireNonNull(expected, "expected"));
        this.transport = new QueuedDatagramTransport(listener::sendDatagram, clock, HANDSHAKE_TIMEOUT_MILLIS);
    }

    /** Starts the handshake on the executor: a client sends its ClientHello, a server waits for one. Once only. */
    public void start() {
        synchronized (this) {
            if (state != DtlsState.NEW) {
                return;
            }
            state = DtlsState.HANDSHAKING;
        }
        transport.startHandshakeClock();
        executor.execute(this::handshake);
    }

    /**
     * Feeds one datagram the demultiplexer classified as DTLS (RFC 7983). The bytes are copied; this never
     * blocks and never throws on any input. Datagrams that are not DTLS records, or arrive when the bounded queue
     * is full or after the engine ended, are dropped and counted in {@link #drops()}.
     */
    public void onDatagram(byte[] buf, int off, int len) {
        DtlsState now = state;
        if (now == DtlsState.FAILED || now == DtlsState.CLOSED) {
            drops.increment(DtlsDrop.AFTER_CLOSE);
            return;
        }
        DtlsDrop bad = DtlsRecordHeader.check(buf, off, len);
        if (bad != null) {
            drops.increment(bad);
            return;
        }
        if (!transport.offer(Arrays.copyOfRange(buf, off, off + len))) {
            drops.increment(DtlsDrop.QUEUE_FULL);
            return;
        }
        if (state == DtlsState.CONNECTED) {
            scheduleDrain();
        }
    }

    /**
     * Ends the session: sends close_notify if connected, stops a running handshake (freeing its thread), and
     * reports {@link DtlsListener#onClosed()} from the executor. Idempotent; does nothing after a failure.
     */
    public void close() {
        DtlsState previous;
        synchronized (this) {
            previous = state;
            if (previous == DtlsState.FAILED || previous == DtlsState.CLOSED) {
                return;
            }
            closeRequested = true;
            state = DtlsState.CLOSED;
        }
        switch (previous) {
            case NEW -> executor.execute(this::notifyClosed);
            case HANDSHAKING -> transport.requestLocalClose();
            default -> scheduleDrain();
        }
    }

    public DtlsState state() {
        return state;
    }

    public DtlsRole role() {
        return role;
    }

    /** The exported SRTP keys once the handshake completed; null before, and forever if it failed. */
    public SrtpKeyMaterial keyMaterial() {
        return support.keys();
    }

    /** Inbound datagrams not handed to DTLS, by reason. */
    public DropCounts<DtlsDrop> drops() {
        return drops;
    }

    private void handshake() {
        DTLSTransport established;
        try {
            established = role == DtlsRole.SERVER
                    ? new DTLSServerProtocol().accept(new WebRtcTlsServer(support), transport)
                    : new DTLSClientProtocol().connect(new WebRtcTlsClient(support), transport);
        } catch (IOException | RuntimeException e) {
            if (closeRequested) {
                notifyClosed();
            } else {
                fail(DtlsFailureReason.of(support, transport, e));
            }
            return;
        }
        SrtpKeyMaterial keys = support.keys();
        synchronized (this) {
            connection = established;
            transport.handshakeDone();
            if (state != DtlsState.HANDSHAKING) {
                // close() raced with the last handshake message: the drain below sends close_notify.
                draining.set(true);
                drainLoop();
                return;
            }
            state = DtlsState.CONNECTED;
        }
        LOG.debug("DTLS {} connected, SRTP profile {}", role, keys.profile());
        listener.onConnected(keys);
        draining.set(true);
        drainLoop();
    }

    private void scheduleDrain() {
        if (connection != null && draining.compareAndSet(false, true)) {
            executor.execute(this::drainLoop);
        }
    }

    /** Hands queued datagrams to the DTLS connection; runs with {@code draining} held, releases it at the end. */
    private void drainLoop() {
        try {
            while (true) {
                if (closeRequested) {
                    closeConnection();
                    return;
                }
                while (transport.hasInbound() && !closeRequested) {
                    connection.receive(applicationData, 0, applicationData.length, 1);
                    if (transport.closedByStack()) {
                        peerClosed();
                        return;
                    }
                }
                draining.set(false);
                boolean more = transport.hasInbound() || closeRequested;
                if (!more || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (closeRequested) {
                notifyClosed();
            } else {
                fail(DtlsFailureReason.of(support, transport, e));
            }
        }
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("DTLS close_notify not sent: {}", e.toString());
        }
        notifyClosed();
    }

    private void peerClosed() {
        synchronized (this) {
            if (state == DtlsState.CONNECTED) {
                state = DtlsState.CLOSED;
            }
        }
        notifyClosed();
    }

    private void fail(String reason) {
        synchronized (this) {
            if (state == DtlsState.CLOSED) {
                return;
            }
            state = DtlsState.FAILED;
        }
        if (terminalNotified.compareAndSet(false, true)) {
            LOG.debug("DTLS {} failed: {}", role, reason);
            listener.onFailed(reason);
        }
    }

    private void notifyClosed() {
        if (terminalNotified.compareAndSet(false, true)) {
            listener.onClosed();
        }
    }
}
