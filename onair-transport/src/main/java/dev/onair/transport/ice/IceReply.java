package dev.onair.transport.ice;

import java.net.InetSocketAddress;

/**
 * The outcome of one packet given to {@link IceLiteAgent#onBindingRequest}.
 *
 * @param response bytes to send back to the sender (a success or error response), or null for no reply
 * @param event    what an accepted request changed; {@link IceEvent#NONE} when refused
 * @param selected the selected address after this packet (null until the peer nominates)
 * @param drop     why the packet was refused, or null if it was a valid Binding request
 *
 * <p>Allocation: a valid request costs this record and the response array (STUN arrives about every 2.5 s per
 * peer); silent drops (no response) reuse one instance per reason, renewed when the selection changes.
 */
public record IceReply(byte[] response, IceEvent event, InetSocketAddress selected, IceDrop drop) {

    public boolean accepted() {
        return drop == null;
    }

    public boolean hasResponse() {
        return response != null;
    }
}
