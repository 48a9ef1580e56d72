package dev.onair.client;

import dev.onair.transport.srtp.SrtpSession;

/**
 * The peer's {@link SrtpSession} behind one lock: an SRTP session belongs to one thread, while this peer protects
 * from test and timer threads and unprotects on its receive thread. Before DTLS exported keys every call returns
 * {@link #NOT_READY}.
 */
final class LockedSrtp {
    /** Returned (negative) while there is no session yet. */
    static final int NOT_READY = Integer.MIN_VALUE;
    private SrtpSession session;

    synchronized void set(SrtpSession s) {
        session = s;
    }

    synchronized boolean ready() {
        return session != null;
    }

    synchronized int protectRtp(byte[] buf, int off, int len) {
        return session == null ? NOT_READY : session.protectRtp(buf, off, len);
    }

    synchronized int protectRtcp(byte[] buf, int off, int len) {
        return session == null ? NOT_READY : session.protectRtcp(buf, off, len);
    }

    synchronized int unprotectRtp(byte[] buf, int off, int len) {
        return session == null ? NOT_READY : session.unprotectRtp(buf, off, len);
    }

    synchronized int unprotectRtcp(byte[] buf, int off, int len) {
        return session == null ? NOT_READY : session.unprotectRtcp(buf, off, len);
    }
}
