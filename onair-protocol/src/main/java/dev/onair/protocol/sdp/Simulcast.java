package dev.onair.protocol.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulcast send and receive stream lists (RFC 8853 section 5.1).
 *
 * <pre>
 * a=simulcast:[SP] &lt;send|recv&gt; SP &lt;sc-alt-list&gt; [SP &lt;send|recv&gt; SP &lt;sc-alt-list&gt;]
 * sc-alt-list = sc-id-list *(";" sc-id-list)     ; streams
 * sc-id-list  = sc-id *("," sc-id)               ; alternatives, "~" prefix = paused
 * a=simulcast:send q;h;f
 * a=simulcast:recv 1,~4;2;3
 * </pre>
 *
 * @param send streams the writer of the SDP sends (empty when absent)
 * @param recv streams the writer of the SDP receives (empty when absent)
 */
public record Simulcast(List<SimulcastStream> send, List<SimulcastStream> recv) {
    public Simulcast {
        send = List.copyOf(send);
        recv = List.copyOf(recv);
    }

    /** Parses the attribute value; null when it is malformed. */
    static Simulcast parse(String value) {
        List<String> t = SdpTokens.split(value);
        if (t.size() != 2 && t.size() != 4) {
            return null;
        }
        List<SimulcastStream> send = null;
        List<SimulcastStream> recv = null;
        for (int i = 0; i < t.size(); i += 2) {
            List<SimulcastStream> streams = parseStreams(t.get(i + 1));
            if (streams == null) {
                return null;
            }
            if ("send".equals(t.get(i)) && send == null) {
                send = streams;
            } else if ("recv".equals(t.get(i)) && recv == null) {
                recv = streams;
            } else {
                return null;
            }
        }
        return new Simulcast(send == null ? List.of() : send, recv == null ? List.of() : recv);
    }

    private static List<SimulcastStream> parseStreams(String text) {
        List<SimulcastStream> out = new ArrayList<>();
        for (String stream : text.split(";", -1)) {
            List<SimulcastFormat> alts = new ArrayList<>();
            for (String alt : stream.split(",", -1)) {
                boolean paused = alt.startsWith("~");
                String rid = paused ? alt.substring(1) : alt;
                if (!Rid.isRidId(rid)) {
                    return null;
                }
                alts.add(new SimulcastFormat(rid, paused));
            }
            out.add(new SimulcastStream(alts));
        }
        return out;
    }

    /** The attribute value ({@code send} list first); null when both lists are empty. */
    public String toAttributeValue() {
        StringBuilder sb = new StringBuilder();
        append(sb, "send", send);
        append(sb, "recv", recv);
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void append(StringBuilder sb, String dir, List<SimulcastStream> streams) {
        if (streams.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(dir).append(' ');
        for (int i = 0; i < streams.size(); i++) {
            sb.append(i == 0 ? "" : ";").append(streams.get(i).toText());
        }
    }
}
