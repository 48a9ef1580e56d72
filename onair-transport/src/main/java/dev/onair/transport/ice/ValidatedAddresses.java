package dev.onair.transport.ice;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The remote addresses that sent an authenticated Binding request: our valid candidate pairs (one local
 * address per transport, so a pair is named by its remote side). Bounded: beyond {@code capacity} the oldest is
 * forgotten, so a peer cannot grow it without limit.
 */
final class ValidatedAddresses {
    private final InetSocketAddress[] ring;
    private int next;

    ValidatedAddresses(int capacity) {
        this.ring = new InetSocketAddress[capacity];
    }

    boolean contains(InetSocketAddress address) {
        for (InetSocketAddress a : ring) {
            if (address.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code address}; true if it was not there before. */
    boolean add(InetSocketAddress address) {
        if (contains(address)) {
            return false;
        }
        ring[next] = address;
        next = (next + 1) % ring.length;
        return true;
    }

    /** Forgets every address (an ICE restart: old pairs must be checked again under the new credentials). */
    void clear() {
        Arrays.fill(ring, null);
        next = 0;
    }
}
