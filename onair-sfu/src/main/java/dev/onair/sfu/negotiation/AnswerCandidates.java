package dev.onair.sfu.negotiation;

import dev.onair.protocol.sdp.Candidate;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our host candidates (RFC 8839 section 5.1) with priorities per RFC 8445 section 5.1.2.1: type preference
 * 126 (host), local preference 65535 minus the list index, component 1; one foundation per address.
 *
 * <pre>
 * a=candidate:1 1 udp 2130706431 192.0.2.10 3478 typ host
 * a=candidate:2 1 udp 2130706175 2001:db8::10 3478 typ host
 * </pre>
 */
final class AnswerCandidates {
    private static final long HOST_TYPE_PREFERENCE = 126;

    private AnswerCandidates() {
    }

    static List<Candidate> of(List<InetSocketAddress> addresses) {
        Map<String, String> foundations = new LinkedHashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < addresses.size() && i < 65535; i++) {
            InetSocketAddress a = addresses.get(i);
            String host = hostText(a);
            String foundation = foundations.computeIfAbsent(host, h -> Integer.toString(foundations.size() + 1));
            long priority = (HOST_TYPE_PREFERENCE << 24) | ((65535L - i) << 8) | (256 - 1);
            out.add(Candidate.host(foundation, 1, "udp", priority, host, a.getPort()));
        }
        return out;
    }

    private static String hostText(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        int scope = host.indexOf('%');
        return scope >= 0 ? host.substring(0, scope) : host;
    }
}
