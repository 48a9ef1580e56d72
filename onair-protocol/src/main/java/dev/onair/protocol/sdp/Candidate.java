package dev.onair.protocol.sdp;

import java.util.List;

/**
 * An ICE candidate (RFC 8839 section 5.1).
 *
 * <pre>
 * a=candidate:&lt;foundation&gt; &lt;component-id&gt; &lt;transport&gt; &lt;priority&gt;
 *             &lt;connection-address&gt; &lt;port&gt; typ &lt;cand-type&gt;
 *             [raddr &lt;connection-address&gt;] [rport &lt;port&gt;] *(&lt;extension-att-name&gt; &lt;extension-att-value&gt;)
 * a=candidate:2559429972 1 udp 2122194687 192.0.2.2 50228 typ host generation 0 network-id 1
 * </pre>
 *
 * @param foundation     1-32 ice-chars
 * @param component      1..256
 * @param transport      as written, e.g. {@code udp} or {@code UDP}
 * @param priority       1..2^31-1
 * @param address        IP address or FQDN (mDNS {@code .local} names included)
 * @param port           0..65535
 * @param type           {@code host}, {@code srflx}, {@code prflx}, {@code relay} or another token
 * @param relatedAddress the {@code raddr}, or null
 * @param relatedPort    the {@code rport}, or -1
 * @param extensions     extension name/value tokens in order, e.g. {@code [generation, 0, network-id, 1]}
 */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
        String type, String relatedAddress, int relatedPort, List<String> extensions) {
    public Candidate {
        extensions = List.copyOf(extensions);
    }

    /** A host candidate without related address or extensions. */
    public static Candidate host(String foundation, int component, String transport, long priority, String address,
            int port) {
        return new Candidate(foundation, component, transport, priority, address, port, "host", null, -1, List.of());
    }

    /** Parses the attribute value; null when it is malformed. */
    static Candidate parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.size() < 8 || !"typ".equals(t.get(6))) {
            return null;
        }
        int component = SdpTokens.parseIntInRange(t.get(1), 256);
        long priority = SdpTokens.parseUnsigned(t.get(3), 10);
        int port = SdpTokens.parseIntInRange(t.get(5), 65535);
        if (component < 1 || priority < 1 || priority > Integer.MAX_VALUE || port < 0) {
            return null;
        }
        String raddr = null;
        int rport = -1;
        int i = 8;
        if (i + 1 < t.size() && "raddr".equals(t.get(i))) {
            raddr = t.get(i + 1);
            i += 2;
        }
        if (i + 1 < t.size() && "rport".equals(t.get(i))) {
            rport = SdpTokens.parseIntInRange(t.get(i + 1), 65535);
            if (rport < 0) {
                return null;
            }
            i += 2;
        }
        List<String> ext = t.subList(i, t.size());
        if (ext.size() % 2 != 0) {
            return null;
        }
        return new Candidate(t.get(0), component, t.get(2), priority, t.get(4), port, t.get(7), raddr, rport, ext);
    }

    /** The value of an extension attribute such as {@code tcptype} or {@code generation}, or null. */
    public String extension(String name) {
        for (int i = 0; i + 1 < extensions.size(); i += 2) {
            if (extensions.get(i).equals(name)) {
                return extensions.get(i + 1);
            }
        }
        return null;
    }

    /** The attribute value. */
    public String toAttributeValue() {
        StringBuilder sb = new StringBuilder();
        sb.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ").append(type);
        if (relatedAddress != null) {
            sb.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort >= 0) {
            sb.append(" rport ").append(relatedPort);
        }
        for (String e : extensions) {
            sb.append(' ').append(e);
        }
        return sb.toString();
    }
}
