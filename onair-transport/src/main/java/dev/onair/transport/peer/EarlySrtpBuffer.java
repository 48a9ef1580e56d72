package dev.onair.transport.peer;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds the few SRTP/SRTCP packets a peer sends between finishing its DTLS handshake and the moment our
 * side has its keys on the media loop (the handshake completes on the DTLS thread and hops over). Without it
 * a browser's first packets — often its first keyframe — would be dropped. Bounded; copies only in that
 * short window, never on the steady-state path; replayed once, then released.
 */
final class EarlySrtpBuffer {
    static final int MAX_PACKETS = 32;

    /** Receives a replayed packet. */
    interface Sink {
        void onSrtp(byte[] buf, int len, boolean rtcp, long arrivalNanos);
    }

    private record Held(byte[] data, boolean rtcp, long arrivalNanos) {
    }

    private List<Held> held = new ArrayList<>();

    /** Keeps a copy; false when full (or already replayed): the caller drops and counts. */
    boolean offer(byte[] buf, int len, boolean rtcp, long arrivalNanos) {
        if (held == null || held.size() >= MAX_PACKETS) {
            return false;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, 0, copy, 0, len);
        held.add(new Held(copy, rtcp, arrivalNanos));
        return true;
    }

    /** Replays everything in arrival order, once; later offers are refused. */
    void replay(Sink sink) {
        List<Held> pending = held;
        held = null;
        if (pending != null) {
            for (Held h : pending) {
                sink.onSrtp(h.data(), h.data().length, h.rtcp(), h.arrivalNanos());
            }
        }
    }

    int size() {
        return held == null ? 0 : held.size();
    }
}
