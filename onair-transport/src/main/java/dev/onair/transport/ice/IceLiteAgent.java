package dev.onair.transport.ice;

import dev.onair.protocol.DropCounts;
import dev.onair.protocol.stun.StunDrop;
import dev.onair.protocol.stun.StunErrorCode;
import dev.onair.protocol.stun.StunIntegrity;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageClass;
import dev.onair.transport.clock.MediaClock;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The server side of ICE for one WebRTC transport, as an ICE-lite agent (RFC 8445 §2.5): it never sends checks;
 * it answers the peer's Binding requests (RFC 8445 §7.3), records each authenticated source address as a valid
 * pair, and selects the pair the peer nominates with USE-CANDIDATE. The latest nomination wins, so a
 * renominating peer (Chromium) moves the selection. Every valid request refreshes consent (RFC 7675 §5.1): it
 * expires {@code consentTimeoutMillis} (30 s by default) after creation or the last valid request.
 *
 * <p>Order of checks: parse; class (only requests are answered); FINGERPRINT, if present; method; presence of
 * MESSAGE-INTEGRITY (400); USERNAME = {@code localUfrag:remoteUfrag} (401); MESSAGE-INTEGRITY under the local
 * password (401); unknown comprehension-required attributes (420, after authentication as RFC 8489 §6.3 asks).
 * ICE-CONTROLLED in a request is accepted without a role conflict: a lite agent is always controlled.
 *
 * <p>ICE restart (RFC 8445 §2.4, RFC 8839 §4.4.1.1.1): {@link #restart} swaps in new local and remote
 * credentials; checks under the old ones are refused from then on ({@link IceDrop#BAD_USERNAME}), every pair must
 * be validated again, and the first nomination under the new credentials re-selects a pair even if it is the
 * one already selected. Until then the old selection stays, and consent keeps its clock: a peer that does not
 * come back is still dropped {@code consentTimeoutMillis} after its last valid check.
 *
 * <p>Sans-I/O and single-threaded: call it from the transport's media loop. {@link #selectedAddress()},
 * {@link #lastConsentNanos()} and the drop counts may be read from other threads.
 */
public final class IceLiteAgent {
    public static final long DEFAULT_CONSENT_TIMEOUT_MILLIS = 30_000;
    public static final int MAX_VALIDATED_ADDRESSES = 8;

    private final MediaClock clock;
    private final long consentTimeoutNanos;
    private final StunMessage request = new StunMessage();
    private final IceResponder responder = new IceResponder();
    private final ValidatedAddresses validated = new ValidatedAddresses(MAX_VALIDATED_ADDRESSES);
    private final DropCounts<IceDrop> drops = new DropCounts<>(IceDrop.class);
    private final DropCounts<StunDrop> stunDrops = new DropCounts<>(StunDrop.class);
    private final IceReply[] silentReplies = new IceReply[IceDrop.values().length];
    private volatile IceAuth auth;
    private volatile InetSocketAddress selected;
    private volatile long lastConsentNanos;
    /** False after a restart until the peer nominates a pair under the new credentials. */
    private boolean nominatedThisGeneration;

    public IceLiteAgent(IceCredentials local, IceCredentials remote, MediaClock clock) {
        this(local, remote, clock, DEFAULT_CONSENT_TIMEOUT_MILLIS);
    }

    public IceLiteAgent(IceCredentials local, IceCredentials remote, MediaClock clock, long consentTimeoutMillis) {
        this.auth = IceAuth.of(local, remote);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.consentTimeoutNanos = consentTimeoutMillis * 1_000_000L;
        this.lastConsentNanos = clock.nanoTime();
        renewSilentReplies();
    }

    /**
     * Handles one datagram already classified as STUN, received from {@code from}. Never throws on its bytes.
     * Send {@link IceReply#response()}, if any, back to {@code from}.
     */
    public IceReply onBindingRequest(byte[] buf, int off, int len, InetSocketAddress from) {
        Objects.requireNonNull(from, "from");
        StunMessage m = request;
        IceAuth a = auth;
        if (!m.parse(buf, off, len)) {
            stunDrops.increment(m.dropReason());
            if (!m.hasHeader()) {
                return silent(IceDrop.UNREADABLE);
            }
            return m.messageClass() == StunMessageClass.REQUEST
                    ? error(IceDrop.MALFORMED, StunErrorCode.BAD_REQUEST) : silent(IceDrop.MALFORMED);
        }
        if (m.messageClass() != StunMessageClass.REQUEST) {
            return silent(IceDrop.NOT_REQUEST);
        }
        if (m.fingerprintIndex() >= 0 && !StunIntegrity.verifyFingerprint(buf, off, len, m)) {
            return silent(IceDrop.BAD_FINGERPRINT);
        }
        if (m.method() != StunMessage.METHOD_BINDING) {
            return error(IceDrop.UNKNOWN_METHOD, StunErrorCode.BAD_REQUEST);
        }
        if (m.messageIntegrityIndex() < 0) {
            return error(IceDrop.MISSING_INTEGRITY, StunErrorCode.BAD_REQUEST);
        }
        if (!m.usernameEquals(a.expectedUsername())) {
            return error(IceDrop.BAD_USERNAME, StunErrorCode.UNAUTHORIZED);
        }
        if (!StunIntegrity.verifyMessageIntegrity(buf, off, len, m, a.localKey())) {
            return error(IceDrop.BAD_INTEGRITY, StunErrorCode.UNAUTHORIZED);
        }
        if (m.unknownRequiredCount() > 0) {
            drops.increment(IceDrop.UNKNOWN_ATTRIBUTES);
            return new IceReply(responder.unknownAttributes(m, a.localKey()), IceEvent.NONE, selected,
                    IceDrop.UNKNOWN_ATTRIBUTES);
        }
        return accept(m, from, a);
    }

    private IceReply accept(StunMessage m, InetSocketAddress from, IceAuth a) {
        lastConsentNanos = clock.nanoTime();
        IceEvent event = validated.add(from) ? IceEvent.PAIR_VALIDATED : IceEvent.NONE;
        if (m.hasUseCandidate() && (!from.equals(selected) || !nominatedThisGeneration)) {
            nominatedThisGeneration = true;
            if (!from.equals(selected)) {
                selected = from;
                renewSilentReplies();
            }
            event = IceEvent.PAIR_SELECTED;
        }
        return new IceReply(responder.success(m, from, a.localKey()), event, selected, null);
    }

    /**
     * ICE restart (RFC 8445 §2.4): from now on only checks with USERNAME {@code newLocal.ufrag:newRemote.ufrag}
     * and MESSAGE-INTEGRITY under {@code newLocal.pwd} are accepted; checks under the old credentials are
     * refused as {@link IceDrop#BAD_USERNAME}. Every validated pair is forgotten (the old paths must be checked
     * again). The selected address and the consent clock are kept: media keeps flowing on the old path until the
     * peer nominates a pair under the new credentials (then {@link IceEvent#PAIR_SELECTED}, even for the same
     * address), and a peer that never comes back still loses consent on time. Media loop only.
     */
    public void restart(IceCredentials newLocal, IceCredentials newRemote) {
        auth = IceAuth.of(newLocal, newRemote);
        validated.clear();
        nominatedThisGeneration = false;
    }

    private IceReply error(IceDrop reason, int code) {
        drops.increment(reason);
        return new IceReply(responder.unauthenticatedError(request, code), IceEvent.NONE, selected, reason);
    }

    private IceReply silent(IceDrop reason) {
        drops.increment(reason);
        return silentReplies[reason.ordinal()];
    }

    private void renewSilentReplies() {
        for (IceDrop d : IceDrop.values()) {
            silentReplies[d.ordinal()] = new IceReply(null, IceEvent.NONE, selected, d);
        }
    }

    /** The nominated remote address (the latest USE-CANDIDATE), or null before the first nomination. */
    public InetSocketAddress selectedAddress() {
        return selected;
    }

    /** True once a pair is selected and consent has not expired. */
    public boolean isConnected() {
        return selected != null && !consentExpired();
    }

    /** True when no valid Binding request arrived for {@code consentTimeoutMillis} (RFC 7675 §5.1). */
    public boolean consentExpired() {
        return clock.nanoTime() - lastConsentNanos >= consentTimeoutNanos;
    }

    /** {@link MediaClock#nanoTime()} of the last valid request, or of the agent's creation. */
    public long lastConsentNanos() {
        return lastConsentNanos;
    }

    /** True if {@code address} has sent a valid request (among the last {@link #MAX_VALIDATED_ADDRESSES}). */
    public boolean isValidated(InetSocketAddress address) {
        return validated.contains(address);
    }

    /** The current local credentials (the newest after a {@link #restart}). */
    public IceCredentials localCredentials() {
        return auth.local();
    }

    /** The current remote credentials (the newest after a {@link #restart}). */
    public IceCredentials remoteCredentials() {
        return auth.remote();
    }

    /** Refusals by reason. */
    public DropCounts<IceDrop> drops() {
        return drops;
    }

    /** Parse failures by STUN reason (a subset of {@link IceDrop#UNREADABLE} and {@link IceDrop#MALFORMED}). */
    public DropCounts<StunDrop> stunDrops() {
        return stunDrops;
    }
}
