package dev.onair.server.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/** The default ICE announce addresses: every IPv4 address of every interface that is up, loopback included. */
public final class LocalAddresses {
    private LocalAddresses() {
    }

    /** Textual IPv4 addresses, non-loopback first; falls back to 127.0.0.1 when nothing can be listed. */
    public static List<String> upIpv4() {
        List<String> external = new ArrayList<>();
        List<String> loopback = new ArrayList<>();
        try {
            Enumeration<NetworkInterface> ifaces = NetworkInterface.getNetworkInterfaces();
            while (ifaces != null && ifaces.hasMoreElements()) {
                NetworkInterface iface = ifaces.nextElement();
                if (!iface.isUp()) {
                    continue;
                }
                for (InetAddress addr : java.util.Collections.list(iface.getInetAddresses())) {
                    if (addr instanceof Inet4Address) {
                        (addr.isLoopbackAddress() ? loopback : external).add(addr.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of("127.0.0.1");
        }
        external.addAll(loopback);
        return external.isEmpty() ? List.of("127.0.0.1") : List.copyOf(external);
    }
}
