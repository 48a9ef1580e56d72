package dev.onair.client;

import dev.onair.protocol.stun.StunIntegrity;
import dev.onair.protocol.stun.StunMessage;
import dev.onair.protocol.stun.StunMessageBuilder;
import dev.onair.protocol.stun.StunMessageClass;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The controlling side of ICE connectivity checks towards an ICE-lite server (RFC 8445 §7.2.4, §7.2.5; consent
 * RFC 7675 §5.1): builds Binding requests with USERNAME {@code serverUfrag:clientUfrag}, PRIORITY,
 * ICE-CONTROLLING, optional USE-CANDIDATE, MESSAGE-INTEGRITY under the server's password and FINGERPRINT, and
 * matches responses to the requests it sent. Every parseable response is logged. Thread-safe.
 *
 * <pre>
 * Binding request (class 0b00, method 0x001):
 * | 0x0001 | length | 0x2112A442 | transaction id (96 bits) |
 * | USERNAME | PRIORITY | ICE-CONTROLLING | [USE-CANDIDATE] | MESSAGE-INTEGRITY | FINGERPRINT |
 * </pre>
 */
final class IceChecker {
    static final int MAX_PENDING = 64;
    static final int MAX_LOGGED = 10_000;
    /** RFC 8445 §5.1.2.1: peer-reflexive type preference 110, local preference 65535, component 1. */
    static final long PRIORITY = (110L << 24) | (65_535L << 8) | (256 - 1);

    /** What a received STUN message meant. */
    enum Outcome { SUCCESS, ERROR, UNEXPECTED, BAD_INTEGRITY }

    private final String username;
    private final byte[] serverKey;
    private final long tieBreaker;
    private final RandomGenerator rng;
    private final StunMessageBuilder builder = new StunMessageBuilder(512);
    private final StunMessage parsed = new StunMessage();
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final List<StunResponse> responses = new ArrayList<>();
    private long successes;

    IceChecker(String serverUfrag, String serverPwd, String clientUfrag, RandomGenerator rng) {
        this.username = serverUfrag + ":" + clientUfrag;
        this.serverKey = serverPwd.getBytes(StandardCharsets.UTF_8);
        this.rng = rng;
        this.tieBreaker = rng.nextLong();
    }

    /** A fresh, correctly authenticated Binding request whose response will be matched. */
    synchronized byte[] newRequest(boolean useCandidate) {
        byte[] tid = new byte[StunMessage.TRANSACTION_ID_BYTES];
        for (int i = 0; i < tid.length; i++) {
            tid[i] = (byte) rng.nextInt(256);
        }
        if (pending.size() == MAX_PENDING) {
            pending.removeFirst();
        }
        pending.addLast(tid);
        return build(tid, username, serverKey, useCandidate);
    }

    /** A request with any credentials and transaction id (bad-input tests); not tracked as pending. */
    synchronized byte[] customRequest(byte[] tid, String user, String password, boolean useCandidate) {
        return build(tid, user, password.getBytes(StandardCharsets.UTF_8), useCandidate);
    }

    private byte[] build(byte[] tid, String user, byte[] key, boolean useCandidate) {
        builder.start(StunMessageClass.REQUEST, StunMessage.METHOD_BINDING, tid, 0)
                .username(user)
                .priority(PRIORITY)
                .iceControlling(tieBreaker);
        if (useCandidate) {
            builder.useCandidate();
        }
        return builder.messageIntegrity(key).fingerprint().toByteArray();
    }

    String username() {
        return username;
    }

    /** Handles one datagram classified as STUN; never throws. */
    synchronized Outcome onStun(byte[] buf, int off, int len) {
        if (!parsed.parse(buf, off, len)) {
            return Outcome.UNEXPECTED;
        }
        StunMessageClass c = parsed.messageClass();
        if (c != StunMessageClass.SUCCESS && c != StunMessageClass.ERROR) {
            return Outcome.UNEXPECTED;
        }
        if (parsed.fingerprintIndex() >= 0 && !StunIntegrity.verifyFingerprint(buf, off, len, parsed)) {
            return Outcome.BAD_INTEGRITY;
        }
        boolean integrity = parsed.messageIntegrityIndex() >= 0
                && StunIntegrity.verifyMessageIntegrity(buf, off, len, parsed, serverKey);
        if (responses.size() < MAX_LOGGED) {
            responses.add(new StunResponse(parsed.transactionIdCopy(), c, parsed.errorCode(), integrity));
        }
        boolean ours = removePending();
        if (c == StunMessageClass.ERROR) {
            return ours ? Outcome.ERROR : Outcome.UNEXPECTED;
        }
        if (!ours) {
            return Outcome.UNEXPECTED;
        }
        if (!integrity) {
            return Outcome.BAD_INTEGRITY;
        }
        successes++;
        return Outcome.SUCCESS;
    }

    private boolean removePending() {
        for (var it = pending.iterator(); it.hasNext(); ) {
            byte[] tid = it.next();
            if (parsed.transactionIdEquals(tid, 0)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    synchronized long successes() {
        return successes;
    }

    synchronized List<StunResponse> responses() {
        return List.copyOf(responses);
    }

    /** True if a response with this transaction id was received. */
    synchronized boolean answered(byte[] tid) {
        return responses.stream().anyMatch(r -> Arrays.equals(r.transactionId(), tid));
    }
}
