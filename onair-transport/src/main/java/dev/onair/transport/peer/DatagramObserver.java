package dev.onair.transport.peer;

import dev.onair.transport.demux.PacketKind;
import dev.onair.transport.shape.ShapeDrop;

/**
 * Sees every datagram at a transport's socket edge (the flight recorder's input): each datagram received, when it
 * is offered to the inbound shaper or, unshaped, taken in; each datagram sent, when it is offered to the outbound
 * shaper or, unshaped, handed to the socket. Called on the media loop with the clock reading the shaper uses; the
 * buffer is the datagram as on the wire (SRTP: the RTP/RTCP header is clear) and valid only during the call.
 * Implementations allocate nothing and take no lock.
 */
public interface DatagramObserver {
    /**
     * One datagram. Returns a handle that {@link #onShapeDrop} gets back if the shaper then drops it (any int;
     * -1 when the observer does not care).
     */
    int onDatagram(long nowNanos, boolean outbound, PacketKind kind, byte[] buf, int off, int len);

    /** The shaper dropped the datagram of {@code handle}, just seen by {@link #onDatagram}. */
    void onShapeDrop(int handle, ShapeDrop reason);

    /** The transport's shaping was set or turned off (a fresh impairment starts for each shaped direction). */
    void onShapingChanged(long nowNanos, boolean inboundShaped, boolean outboundShaped);
}
