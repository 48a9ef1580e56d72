package dev.onair.transport.peer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds a peer's transport: by local ICE ufrag for STUN (before any address is known), then by the remote
 * address that a valid, authenticated ICE check proved (RFC 7983 demultiplexing on one port). Entries exist
 * only for live transports; each transport may own at most {@link #MAX_ADDRESSES_PER_TRANSPORT} addresses,
 * so no attacker-controlled key grows the maps. An ICE restart moves a transport to its new local ufrag
 * ({@link #rekey}) and, once the peer selects its new path, drops the addresses not checked again
 * ({@link #retainAddresses}). Media loop only.
 */
public final class TransportRegistry {
    public static final int MAX_ADDRESSES_PER_TRANSPORT = 8;

    private final Map<String, PeerTransport> byUfrag = new HashMap<>();
    private final Map<InetSocketAddress, PeerTransport> byAddress = new HashMap<>();
    private final Map<PeerTransport, List<InetSocketAddress>> addressesOf = new HashMap<>();

    public void register(PeerTransport transport) {
        byUfrag.put(transport.localUfrag(), transport);
        addressesOf.put(transport, new ArrayList<>(2));
    }

    PeerTransport byUfrag(String localUfrag) {
        return byUfrag.get(localUfrag);
    }

    PeerTransport byAddress(InetSocketAddress from) {
        return byAddress.get(from);
    }

    void registerAddress(InetSocketAddress from, PeerTransport transport) {
        List<InetSocketAddress> owned = addressesOf.get(transport);
        if (owned == null || owned.contains(from)) {
            return;
        }
        PeerTransport previous = byAddress.get(from);
        if (previous != null && previous != transport) {
            // The same 5-tuple now authenticates as another peer (e.g. a reconnect): it moves.
            List<InetSocketAddress> prevOwned = addressesOf.get(previous);
            if (prevOwned != null) {
                prevOwned.remove(from);
            }
        }
        if (owned.size() >= MAX_ADDRESSES_PER_TRANSPORT) {
            byAddress.remove(owned.remove(0), transport);
        }
        owned.add(from);
        byAddress.put(from, transport);
    }

    /**
     * Moves {@code transport} from {@code oldUfrag} to {@code newUfrag} (ICE restart): STUN naming the new ufrag
     * finds it, the old ufrag no longer does. Nothing happens for a transport that is not registered.
     *
     * @throws IllegalArgumentException if another live transport already has {@code newUfrag}; nothing changes
     */
    void rekey(PeerTransport transport, String oldUfrag, String newUfrag) {
        PeerTransport holder = byUfrag.get(newUfrag);
        if (holder != null && holder != transport) {
            throw new IllegalArgumentException("local ICE ufrag " + newUfrag + " already belongs to " + holder.id());
        }
        if (!addressesOf.containsKey(transport)) {
            return;
        }
        byUfrag.remove(oldUfrag, transport);
        byUfrag.put(newUfrag, transport);
    }

    /** Forgets every address of {@code transport} that {@code keep} rejects; returns how many went. */
    int retainAddresses(PeerTransport transport, Predicate<InetSocketAddress> keep) {
        List<InetSocketAddress> owned = addressesOf.get(transport);
        if (owned == null) {
            return 0;
        }
        int removed = 0;
        for (Iterator<InetSocketAddress> it = owned.iterator(); it.hasNext(); ) {
            InetSocketAddress a = it.next();
            if (!keep.test(a)) {
                it.remove();
                byAddress.remove(a, transport);
                removed++;
            }
        }
        return removed;
    }

    void unregister(PeerTransport transport) {
        byUfrag.remove(transport.localUfrag(), transport);
        List<InetSocketAddress> owned = addressesOf.remove(transport);
        if (owned != null) {
            for (InetSocketAddress a : owned) {
                byAddress.remove(a, transport);
            }
        }
    }

    public int size() {
        return byUfrag.size();
    }

    public int addressCount() {
        return byAddress.size();
    }
}
